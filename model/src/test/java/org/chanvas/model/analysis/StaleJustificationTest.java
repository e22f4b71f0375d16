package org.chanvas.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.chanvas.model.ChannelKind;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.edit.AddJustification;
import org.chanvas.model.edit.EditCommand;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.SetChannelKind;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.Test;

/**
 * A justification is trusted only while its channels keep the kinds recorded when it was made: the worker
 * pool's "both queues are unbounded" must not cover the same cycle once the queues are rendezvous.
 */
class StaleJustificationTest {

    private static final TreeSet<String> QUEUES = new TreeSet<>(Set.of("results", "work"));

    private static Network pool() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("an examples folder above the working directory").isNotNull();
        LoadResult r = ChanvasFormat.read(dir.resolve("examples/pool-with-results.chanvas.json"));
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).network();
    }

    private static Network apply(Network n, EditCommand c) {
        EditResult r = c.apply(n);
        assertThat(r).as(c.description()).isInstanceOf(EditResult.Applied.class);
        return ((EditResult.Applied) r).after();
    }

    @Test
    void theWorkerPoolAsShippedIsJustifiedByItsRecordedUnboundedQueues() {
        AnalysisResult r = Analysis.of(pool());
        assertThat(r.cycles()).hasSize(2).allSatisfy(c -> {
            assertThat(c.justified()).isTrue();
            assertThat(c.isStale()).isFalse();
            assertThat(c.unrecorded()).isFalse();
        });
        assertThat(r.hasUnjustifiedCycles()).isFalse();
    }

    @Test
    void theWorkerPoolChangedToRendezvousKeepsItsNoteButIsNoLongerJustified() {
        Network rendezvous = apply(apply(pool(), new SetChannelKind("work", ChannelKind.RENDEZVOUS, 0)),
                new SetChannelKind("results", ChannelKind.RENDEZVOUS, 0));
        AnalysisResult r = Analysis.of(rendezvous);
        assertThat(r.hasUnjustifiedCycles()).isTrue();
        assertThat(r.cycles()).hasSize(2).allSatisfy(c -> {
            assertThat(c.justified()).isFalse();
            assertThat(c.stale()).isEqualTo("results was unbounded, now rendezvous; work was unbounded, now rendezvous");
            assertThat(c.note()).startsWith("Both queues are unbounded");
        });
        // The file still holds the record of what the note was written about.
        assertThat(rendezvous.justified().getFirst().kinds().get("work").kind()).isEqualTo(ChannelKind.UNBOUNDED);
    }

    @Test
    void oneChangedChannelIsEnoughAndOnlyItIsNamed() {
        Network half = apply(pool(), new SetChannelKind("results", ChannelKind.BUFFERED, 3));
        assertThat(Analysis.of(half).cycles()).extracting(CycleReport::stale)
                .containsOnly("results was unbounded, now buffered 3");
    }

    @Test
    void aCapacityChangeIsAChangeAndChangingBackTrustsItAgain() {
        Network buffered = apply(apply(pool(), new SetChannelKind("work", ChannelKind.BUFFERED, 2)),
                new SetChannelKind("results", ChannelKind.BUFFERED, 2));
        Network justified = apply(buffered, new AddJustification(new Justification(QUEUES, "deep enough")));
        assertThat(Analysis.of(justified).hasUnjustifiedCycles()).isFalse();
        Network shallower = apply(justified, new SetChannelKind("work", ChannelKind.BUFFERED, 1));
        assertThat(Analysis.of(shallower).cycles()).extracting(CycleReport::stale)
                .containsOnly("work was buffered 2, now buffered 1");
        Network back = apply(shallower, new SetChannelKind("work", ChannelKind.BUFFERED, 2));
        assertThat(Analysis.of(back).cycles()).extracting(CycleReport::justified).containsOnly(true);
    }

    @Test
    void reJustifyingAStaleCycleRecordsTheKindsItHasNow() {
        Network rendezvous = apply(pool(), new SetChannelKind("work", ChannelKind.RENDEZVOUS, 0));
        Network again = apply(rendezvous, new AddJustification(new Justification(QUEUES, "checked again")));
        assertThat(again.justified()).hasSize(1);
        assertThat(again.justified().getFirst().kinds().get("work"))
                .isEqualTo(new Justification.Kind(ChannelKind.RENDEZVOUS, 0));
        assertThat(Analysis.of(again).cycles()).allSatisfy(c -> {
            assertThat(c.justified()).isTrue();
            assertThat(c.stale()).isEmpty();
            assertThat(c.note()).isEqualTo("checked again");
        });
    }

    @Test
    void aJustificationThatCarriesItsKindsIsStoredAsItIsSoRestoringNeverRefreshesIt() {
        Network rendezvous = apply(pool(), new SetChannelKind("work", ChannelKind.RENDEZVOUS, 0));
        Justification old = pool().justified().getFirst();
        Network restored = apply(rendezvous.withJustified(List.of()), new AddJustification(old));
        assertThat(restored.justified()).containsExactly(old);
        assertThat(Analysis.of(restored).cycles()).extracting(CycleReport::isStale).containsOnly(true);
    }

    @Test
    void aJustificationWithNoRecordIsTrustedAndSaysSo() {
        Network unrecorded = pool().withJustified(List.of(new Justification(QUEUES, "from an old file")));
        Network changed = apply(unrecorded, new SetChannelKind("work", ChannelKind.RENDEZVOUS, 0));
        assertThat(Analysis.of(changed).cycles()).allSatisfy(c -> {
            assertThat(c.justified()).isTrue();
            assertThat(c.unrecorded()).isTrue();
            assertThat(c.stale()).isEmpty();
        });
    }

    @Test
    void theEditorsIncrementalAnalysisSeesTheChangeAtOnce() {
        IncrementalAnalyzer live = new IncrementalAnalyzer(AnalysisOptions.defaults());
        Network n = pool();
        assertThat(live.analyze(n).hasUnjustifiedCycles()).isFalse();
        // Same client/server graph, so the cycles are reused: the judging must still be done again.
        Network changed = apply(n, new SetChannelKind("work", ChannelKind.BUFFERED, 1));
        assertThat(live.analyze(changed).cycles()).extracting(CycleReport::stale)
                .containsOnly("work was unbounded, now buffered 1");
        assertThat(live.analyze(changed)).isEqualTo(Analysis.of(changed));
    }
}
