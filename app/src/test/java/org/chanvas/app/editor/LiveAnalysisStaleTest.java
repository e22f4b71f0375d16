package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.chanvas.model.ChannelKind;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.SetChannelKind;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.Test;

/** What the Problems list and the badge get from the live analysis for stale and unrecorded justifications. */
class LiveAnalysisStaleTest {

    private static Network pool() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples"))) {
            d = d.getParent();
        }
        assertThat(d).as("an examples folder above the working directory").isNotNull();
        return ((LoadResult.Loaded) ChanvasFormat.read(d.resolve("examples/pool-with-results.chanvas.json")))
                .network();
    }

    @Test
    void aStaleJustificationCountsOnTheBadgeAndItsRowSaysWhatChanged() {
        Network n = ((EditResult.Applied) new SetChannelKind("results", ChannelKind.BUFFERED, 1).apply(pool()))
                .after();
        LiveAnalysis.Report r = new LiveAnalysis().analyse(n);
        assertThat(r.alarming()).isEqualTo(2);
        assertThat(r.cycles()).allSatisfy(c -> {
            assertThat(c.isStale()).isTrue();
            assertThat(c.text()).contains("): results was unbounded, now buffered 1; re-justify if the note still"
                    + " holds").startsWith("Stale justification on cycle master \u2192 worker");
        });
    }

    @Test
    void anUnrecordedJustificationIsTrustedAndItsRowSaysHowToGuardIt() {
        Network n = pool().withJustified(List.of(new Justification(new TreeSet<>(Set.of("results", "work")),
                "queues")));
        LiveAnalysis.Report r = new LiveAnalysis().analyse(n);
        assertThat(r.alarming()).isZero();
        assertThat(r.cycles()).extracting(Problem.Cycle::text).containsOnly(
                "Justified cycle master \u2192 worker1 \u2192 master (channels work, results): queues (kinds not"
                        + " recorded: re-justify to guard it)",
                "Justified cycle master \u2192 worker2 \u2192 master (channels work, results): queues (kinds not"
                        + " recorded: re-justify to guard it)");
    }
}
