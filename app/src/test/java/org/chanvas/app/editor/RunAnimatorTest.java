package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.app.editor.run.RunAnimator;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;
import org.junit.jupiter.api.Test;

/** Events to pictures: states, tokens, buffer fill, shared-channel readers, lines and the cycle of waits. */
class RunAnimatorTest {

    private static final long MS = 1_000_000L;

    private final Network n = new Network("", "", List.of(
            new Process("p", 0, 0, "send q 1\nsend q 2\nsend q 3"),
            new Process("c1", 0, 0, "x = recv q"),
            new Process("c2", 0, 0, "x = recv q\nprint x")),
            List.of(new Channel("q", ChannelKind.BUFFERED, 2, List.of(new Endpoint("p", "q")),
                    List.of(new Endpoint("c1", "q"), new Endpoint("c2", "q")))), List.of(), Map.of());

    @Test
    void aTransferTravelsTheArrowFromWriterToTheReaderThatTookItThenArrives() {
        RunAnimator a = new RunAnimator(n, ScriptParser::parse);
        a.accept(new RunEvent.Started(0, "p", "p"), 0, 100 * MS);
        a.accept(new RunEvent.SendOffered(1, "p", "q", "q", 1L), 0, 100 * MS);
        a.accept(new RunEvent.Buffer(1, "q", 1), 0, 100 * MS);
        a.accept(new RunEvent.SendOffered(2, "p", "q", "q", 2L), 0, 100 * MS);
        a.accept(new RunEvent.Buffer(2, "q", 2), 0, 100 * MS);
        assertThat(a.overlay(0).bufferFill()).containsEntry("q", 2);
        assertThat(a.line("p")).contains(2);

        a.accept(new RunEvent.Transfer(3, "q", new Endpoint("p", "q"), new Endpoint("c2", "q"), 1L), 10 * MS, 100 * MS);
        a.accept(new RunEvent.Buffer(3, "q", 1), 10 * MS, 100 * MS);
        RunOverlay mid = a.overlay(60 * MS);
        assertThat(mid.tokens()).containsExactly(new RunOverlay.Token("q", "p", "c2", 0.5, "1"));
        assertThat(mid.bufferFill()).containsEntry("q", 1);
        assertThat(a.lastReader("q")).contains("c2");
        assertThat(a.overlay(111 * MS).tokens()).isEmpty();
    }

    @Test
    void blockedProcessesShowWhichWayTheyWaitAndEndedOnesAreFinished() {
        RunAnimator a = new RunAnimator(n, ScriptParser::parse);
        a.accept(new RunEvent.Blocked(0, "c1", List.of(WaitOn.recv("q", "q"))), 0, 0);
        a.accept(new RunEvent.Blocked(0, "p", List.of(WaitOn.send("q", "q"))), 0, 0);
        a.accept(new RunEvent.Ended(0, "c2"), 0, 0);
        assertThat(a.state("c1")).isEqualTo(ProcessState.WAITING_TO_RECEIVE);
        assertThat(a.state("p")).isEqualTo(ProcessState.WAITING_TO_SEND);
        assertThat(a.state("c2")).isEqualTo(ProcessState.FINISHED);
        assertThat(a.line("c1")).contains(1);
    }

    @Test
    void aDeadlockBecomesTheNumberedCycleOfWaitsAlongTheChannels() {
        Network ring = new Network("", "", List.of(new Process("a", 0, 0, "x = recv i\nsend o x"),
                new Process("b", 0, 0, "x = recv i\nsend o x")),
                List.of(new Channel("ab", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("a", "o")), List.of(new Endpoint("b", "i"))),
                        new Channel("ba", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("b", "o")), List.of(new Endpoint("a", "i")))),
                List.of(), Map.of());
        RunAnimator a = new RunAnimator(ring, ScriptParser::parse);
        Diagnosis d = new Diagnosis(List.of(
                new Diagnosis.Waiting("a", "a", List.of(WaitOn.recv("ba", "i")), false),
                new Diagnosis.Waiting("b", "b", List.of(WaitOn.recv("ab", "i")), false)), List.of("a", "b"), false);
        a.accept(new RunEvent.Deadlock(5, d), 0, 0);
        assertThat(a.waitCycle()).containsExactly(new RunOverlay.WaitEdge("a", "b", "ba"),
                new RunOverlay.WaitEdge("b", "a", "ab"));
        assertThat(a.state("a")).isEqualTo(ProcessState.WAITING_TO_RECEIVE);
    }
}
