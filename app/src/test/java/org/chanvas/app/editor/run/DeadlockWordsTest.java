package org.chanvas.app.editor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.chanvas.app.editor.Problem;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;
import org.junit.jupiter.api.Test;

/** The deadlock banner's words: one line, and the details that say what the static analysis knew of the cycle. */
class DeadlockWordsTest {

    private static final Network RING = new Network("", "", List.of(
            new Process("a", 0, 0, "send right 1\nrecv left"), new Process("b", 300, 0, "send right 1\nrecv left")),
            List.of(new Channel("ab", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("a", "right")),
                            List.of(new Endpoint("b", "left"))),
                    new Channel("ba", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("b", "right")),
                            List.of(new Endpoint("a", "left")))),
            List.of(), Map.of());

    private static final Diagnosis BOTH_SEND = new Diagnosis(List.of(
            new Diagnosis.Waiting("a", "a", List.of(WaitOn.send("ab", "right")), false),
            new Diagnosis.Waiting("b", "b", List.of(WaitOn.send("ba", "right")), false)), List.of("a", "b"), false);

    @Test
    void aDeadlockThroughACycleWithAStaleJustificationSaysItIsStaleNotJustified() {
        Problem.Cycle stale = new Problem.Cycle(List.of("a", "b"), List.of("ab", "ba"), false, "buffers of 2",
                "ab was buffered 2, now rendezvous", false);
        String details = new DeadlockWords(RING, List.of(stale)).details(BOTH_SEND);
        assertThat(details).contains("Static analysis had predicted this cycle (its justification is stale: "
                + "ab was buffered 2, now rendezvous).").doesNotContain("marked justified");
        assertThat(new DeadlockWords(RING, List.of(stale)).oneLine(BOTH_SEND)).doesNotContain("\n");
    }

    @Test
    void aJustifiedCycleThatDeadlocksQuotesItsNote() {
        Problem.Cycle justified = new Problem.Cycle(List.of("a", "b"), List.of("ab", "ba"), true, "trust me.");
        assertThat(new DeadlockWords(RING, List.of(justified)).details(BOTH_SEND))
                .contains("Static analysis had predicted this cycle (marked justified: trust me).");
    }

    @Test
    void aLongCycleIsCutAfterFourNamesSoTheCountStaysInView() {
        List<String> six = List.of("fork1", "philosopher1", "fork2", "philosopher2", "fork3", "philosopher3");
        Diagnosis d = new Diagnosis(six.stream().map(p -> new Diagnosis.Waiting(p, p,
                List.of(WaitOn.recv("c", "in")), false)).toList(), six, false);
        assertThat(new DeadlockWords(RING, List.of()).oneLine(d)).isEqualTo(
                "Deadlock: fork1 \u2192 philosopher1 \u2192 fork2 \u2192 philosopher2 \u2192 \u2026 (6 processes waiting)");
        assertThat(new DeadlockWords(RING, List.of()).oneLine(BOTH_SEND))
                .isEqualTo("Deadlock: a \u2192 b \u2192 a (2 processes waiting)");
    }
}
