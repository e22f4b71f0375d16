package org.chanvas.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.model.analysis.TestNetworks.net;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The facade: faults and cycles together, justified cycles, the cap option, and incremental = fresh. */
class AnalysisTest {

    private static Justification justify(String note, String... channels) {
        return new Justification(new TreeSet<>(List.of(channels)), note);
    }

    /** Gives each process a script that uses its ports the way its channels are wired, so it validates. */
    private static Network withScripts(Network n) {
        Map<String, StringBuilder> scripts = new LinkedHashMap<>();
        n.processes().forEach(p -> scripts.put(p.id(), new StringBuilder()));
        for (Channel c : n.channels()) {
            c.writers().forEach(e -> scripts.get(e.process()).append("send ").append(e.port()).append(" 1\n"));
            c.readers().forEach(e -> scripts.get(e.process()).append("recv ").append(e.port()).append('\n'));
        }
        return n.withProcesses(n.processes().stream()
                .map(p -> p.withScript(scripts.get(p.id()).toString())).toList());
    }

    @Test
    void validNetworkWithOneUnjustifiedCycle() {
        Network n = withScripts(net("a: p -> q", "b: q -> p"));
        AnalysisResult r = Analysis.of(n);
        assertThat(r.valid()).isTrue();
        assertThat(r.faults()).isEmpty();
        assertThat(r.cycles()).containsExactly(new CycleReport(List.of("p", "q"), List.of("a", "b"), false, ""));
        assertThat(r.truncated()).isFalse();
        assertThat(r.hasUnjustifiedCycles()).isTrue();
    }

    @Test
    void justificationNamingTheCyclesChannelsJustifiesIt() {
        Network n = withScripts(net("a: p -> q", "b: q -> p", "c: q -> r", "d: r -> q"))
                .withJustified(List.of(justify("b is buffered deeper than a can fill", "b", "a")));
        AnalysisResult r = Analysis.of(n);
        assertThat(r.cycles()).containsExactly(
                // Made in code with no kinds recorded: trusted, and reported as unrecorded.
                new CycleReport(List.of("p", "q"), List.of("a", "b"), true, "b is buffered deeper than a can fill",
                        "", true),
                new CycleReport(List.of("q", "r"), List.of("c", "d"), false, ""));
        assertThat(r.hasUnjustifiedCycles()).isTrue();
    }

    @Test
    void everyCycleJustifiedMeansNothingAlarming() {
        Network n = withScripts(net("a: p -> q", "b: q -> p")).withJustified(List.of(justify("safe", "a", "b")));
        assertThat(Analysis.of(n).hasUnjustifiedCycles()).isFalse();
    }

    @Test
    void parallelChannelsAreJustifiedOnlyByTheFullSet() {
        Network base = withScripts(net("c1: a -> b", "c2: a -> b", "back: b -> a"));
        Network partial = base.withJustified(List.of(justify("only one", "c1", "back")));
        Network full = base.withJustified(List.of(justify("all three", "c1", "c2", "back")));
        Network more = base.withJustified(List.of(justify("too many", "c1", "c2", "back", "other")));
        assertThat(Analysis.of(partial).cycles()).extracting(CycleReport::justified).containsExactly(false);
        assertThat(Analysis.of(full).cycles()).containsExactly(
                new CycleReport(List.of("a", "b"), List.of("c1", "c2", "back"), true, "all three", "", true));
        assertThat(Analysis.of(more).cycles()).extracting(CycleReport::justified).containsExactly(false);
    }

    @Test
    void firstOfTwoJustificationsForTheSameCycleGivesTheNote() {
        Network n = withScripts(net("a: p -> q", "b: q -> p"))
                .withJustified(List.of(justify("first", "a", "b"), justify("second", "b", "a")));
        assertThat(Analysis.of(n).cycles()).extracting(CycleReport::note).containsExactly("first");
    }

    @Test
    void cyclesAreListedForAnInvalidNetworkToo() {
        AnalysisResult r = Analysis.of(net("a: p -> q", "b: q -> p")); // empty scripts: ports unknown
        assertThat(r.valid()).isFalse();
        assertThat(r.faults()).extracting(Fault::kind).containsOnly(FaultKind.UNKNOWN_PORT).hasSize(4);
        assertThat(r.cycles()).hasSize(1);
    }

    @Test
    void cycleLimitOptionCapsAndTruncates() {
        AnalysisResult r = Analysis.of(withScripts(TestNetworks.complete(5)), new AnalysisOptions(7));
        assertThat(r.cycles()).hasSize(7);
        assertThat(r.truncated()).isTrue();
        assertThat(r.hasUnjustifiedCycles()).isTrue();
    }

    @Test
    void truncatedListCountsAsAlarmingEvenWhenAllListedAreJustified() {
        Network n = withScripts(net("a: p -> q", "b: q -> p", "c: q -> r", "d: r -> q"))
                .withJustified(List.of(justify("safe", "a", "b")));
        AnalysisResult r = Analysis.of(n, new AnalysisOptions(1));
        assertThat(r.cycles()).extracting(CycleReport::justified).containsExactly(true);
        assertThat(r.hasUnjustifiedCycles()).isTrue();
    }

    /** A generated network with scripts, then up to eight edits: every version, the first one first. */
    private static Gen<List<Network>> editSequences() {
        return TestNetworks.generated().map(AnalysisTest::withScripts)
                .zip(lists().of(integers().between(0, 5)).ofSizeBetween(0, 8), (start, edits) -> {
                    List<Network> seq = new ArrayList<>();
                    Network n = start;
                    seq.add(n);
                    for (int edit : edits) {
                        n = edit(n, edit);
                        seq.add(n);
                    }
                    return seq;
                });
    }

    /** One editor-like edit, chosen by number; some keep the graph's structure, some change it. */
    private static Network edit(Network n, int which) {
        List<Process> ps = n.processes();
        List<Channel> cs = n.channels();
        return switch (which) {
            case 0 -> n.mapProcess(ps.getFirst().id(), p -> p.withPosition(p.x() + 10, p.y()));
            case 1 -> cs.isEmpty() ? n : n.withChannels(cs.subList(1, cs.size()));
            case 2 -> { // connect the last process to the first with a new channel and ports
                String from = ps.getLast().id();
                String to = ps.getFirst().id();
                String id = "new" + cs.size();
                Channel c = new Channel(id, org.chanvas.model.ChannelKind.RENDEZVOUS, 0,
                        List.of(new Endpoint(from, "o_" + id)), List.of(new Endpoint(to, "i_" + id)));
                List<Channel> more = new ArrayList<>(cs);
                more.add(c);
                yield withScripts(n.withChannels(more));
            }
            case 3 -> n.mapProcess(ps.getLast().id(), p -> p.withScript(p.script() + "print 1 +\n"));
            case 4 -> cs.isEmpty() ? n : n.withJustified(List.of(new Justification(
                    new TreeSet<>(List.of(cs.getFirst().id())), "edited")));
            default -> n;
        };
    }

    @Test
    void incrementalAnalysisEqualsFreshAnalysisAfterEveryEdit() {
        qt().withExamples(200).forAll(editSequences()).checkAssert(seq -> {
            AnalysisOptions options = new AnalysisOptions(5);
            IncrementalAnalyzer analyzer = new IncrementalAnalyzer(options);
            for (int i = 0; i < seq.size(); i++) {
                Network n = seq.get(i);
                assertThat(analyzer.analyze(n)).as("after edit %d", i).isEqualTo(Analysis.of(n, options));
            }
        });
    }
}
