package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.util.List;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.junit.jupiter.api.Test;

/** Replays of the small networks of {@link EventOrderTest}, and traces that do not fit. */
class ReplayTest {

    static final Nets HAND_OVER = net().process("a", "send out \"hi\"").process("b", "x = recv in\nprint x")
            .rendezvous("c", "a.out", "b.in");

    static ReplayProperties.Recorded record(Nets n, long seed) throws Exception {
        return ReplayProperties.record(n, RunOptions.defaults().withSeed(seed));
    }

    static List<String> json(List<RunEvent> events) {
        return events.stream().map(TraceWriter::json).toList();
    }

    static TraceReplay.Diverged diverged(Nets n, String trace) throws Exception {
        TraceReplay.Result r = TraceReplay.replay(n.plan(), trace, RunOptions.defaults());
        assertThat(r).isInstanceOf(TraceReplay.Diverged.class);
        return (TraceReplay.Diverged) r;
    }

    @Test
    void aDeadlocksTraceReplaysToTheSameDiagnosis() throws Exception {
        Nets n = net().process("a", "recv in\nsend out 1").process("b", "recv in\nsend out 1")
                .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in");
        ReplayProperties.Recorded rec = record(n, 0);
        TraceReplay.Result r = TraceReplay.replay(n.plan(), rec.trace(), RunOptions.defaults());
        assertThat(r).isInstanceOf(TraceReplay.Replayed.class);
        TraceReplay.Replayed replayed = (TraceReplay.Replayed) r;
        assertThat(replayed.outcome()).isEqualTo(rec.outcome());
        assertThat(((RunOutcome.Deadlocked) replayed.outcome()).diagnosis().cycle()).containsExactly("a", "b");
        assertThat(replayed.events().stream().map(EventOrderTest::brief).toList())
                .containsExactly(EventOrderTest.RECORDED_DEADLOCK);
    }

    @Test
    void theTraceNotTheSeedChoosesTheMoves() throws Exception {
        Nets n = net()
                .process("slow", "sleep 300\nsend out 1")
                .process("impatient", "select {\n recv in { print \"early\" }\n after 100 { print \"gave up\" }\n}\n"
                        + "x = recv in\nprint x")
                .rendezvous("c", "slow.out", "impatient.in");
        ReplayProperties.Recorded rec = record(n, 3);
        TraceReplay.Result r = TraceReplay.replay(n.plan(), rec.trace(), RunOptions.defaults().withSeed(987_654));
        assertThat(((TraceReplay.Replayed) r).events().stream().map(EventOrderTest::brief).toList())
                .containsExactly(EventOrderTest.RECORDED_SLEEP);
    }

    @Test
    void callsBuffersAndRepliesReplay() throws Exception {
        Nets call = net().process("client", "r = call srv 20\nprint r").process("server", "m = recv in\nreply in m + 1")
                .kind("s", ChannelKind.CALL, 0, "client.srv", "server.in");
        Nets buffer = net().process("w", "send out 1\nsend out 2\nsend out 3")
                .process("r", "sleep 10\nrepeat 3 { x = recv in }").kind("b", ChannelKind.BUFFERED, 2, "w.out", "r.in");
        for (Nets n : List.of(call, buffer)) {
            ReplayProperties.Recorded rec = record(n, 5);
            TraceReplay.Result r = TraceReplay.replay(n.plan(), rec.trace(), RunOptions.defaults().withSeed(1));
            assertThat(json(((TraceReplay.Replayed) r).events())).containsExactlyElementsOf(json(rec.events()));
        }
    }

    @Test
    void aTransferFromAProcessThatNeverOfferedIsNamedWithItsLine() throws Exception {
        List<String> lines = List.of(record(HAND_OVER, 1).trace().split("\n"));
        assertThat(lines.get(3)).contains("\"type\":\"send\"");
        // the send line blanked out: the transfer stays on line 5, but a has not offered anything yet
        String tampered = String.join("\n", lines.subList(0, 3)) + "\n\n" + String.join("\n", lines.subList(4, lines.size()));
        TraceReplay.Diverged d = diverged(HAND_OVER, tampered);
        assertThat(d.line()).isEqualTo(5);
        assertThat(d.message()).isEqualTo(
                "line 5: the trace says transfer on c from a.out to b.in of \"hi\", but a is not ready to send");
        assertThat(json(d.events())).containsExactlyElementsOf(lines.subList(0, 3));
    }

    @Test
    void aChangedMessageIsNamedWithItsLine() throws Exception {
        String tampered = record(HAND_OVER, 1).trace().replace("\"value\":\"hi\"}\n{\"type\":\"recv\"",
                "\"value\":\"ho\"}\n{\"type\":\"recv\"");
        TraceReplay.Diverged d = diverged(HAND_OVER, tampered);
        assertThat(d.message()).isEqualTo("line 5: the trace says transfer on c from a.out to b.in of \"ho\", but the"
                + " message or the buffer on c differs");
    }

    @Test
    void aTraceOfAnotherNetworkOrCutShortIsReported() throws Exception {
        String trace = record(HAND_OVER, 1).trace();
        Nets renamed = net().process("a", "send out \"hi\"").process("b", "x = recv in\nprint x")
                .rendezvous("q", "a.out", "b.in");
        assertThat(diverged(renamed, trace).message()).isEqualTo("line 3: the trace says b waiting to receive on in"
                + " (channel c), but b's next step makes b waiting to receive on in (channel q)");
        String withExtra = trace + "{\"type\":\"end\",\"t\":0,\"process\":\"a\"}\n";
        assertThat(diverged(HAND_OVER, withExtra).message())
                .isEqualTo("line 10: the trace goes on with end of a, but the replay ended (finished)");
    }

    @Test
    void aMalformedTraceIsUnreadableWithItsLine() throws Exception {
        TraceReplay.Result r = TraceReplay.replay(HAND_OVER.plan(), "{\"type\":\"start\"}\n", RunOptions.defaults());
        assertThat(r).isInstanceOf(TraceReplay.Unreadable.class);
        assertThat(((TraceReplay.Unreadable) r).malformed().describe()).isEqualTo("line 1: \"t\" is missing");
    }

    @Test
    void anUntimedPathOfTheSemanticsReplaysAsACounterexampleWould() throws Exception {
        // what an explorer writes: moves of the untimed semantics (sleep no wait, after at any time), then the
        // diagnosis of the state it reached
        Nets n = net()
                .process("slow", "sleep 300\nsend out random(1, 2)")
                .process("impatient", "select {\n recv in { print \"early\" }\n after 100 { print \"gave up\" }\n}\n"
                        + "x = recv in\nprint x\nrecv in")
                .rendezvous("c", "slow.out", "impatient.in");
        var sem = new org.chanvas.runtime.semantics.Semantics(n.plan(), new org.chanvas.runtime.semantics.Semantics
                .Options(org.chanvas.runtime.semantics.Timing.UNTIMED, 0, 10_000, 1_000));
        var state = sem.initial();
        org.chanvas.runtime.event.EventQueue q = new org.chanvas.runtime.event.EventQueue();
        sem.started(state, q);
        sem.apply(state, new org.chanvas.runtime.semantics.Move.Step(1), q);
        sem.apply(state, new org.chanvas.runtime.semantics.Move.Step(0), q);
        sem.apply(state, new org.chanvas.runtime.semantics.Move.Choose(0, 2), q);
        sem.apply(state, new org.chanvas.runtime.semantics.Move.Fire(1), q);
        sem.apply(state, new org.chanvas.runtime.semantics.Move.HandOver(0, 0, -1, 1, -1), q);
        assertThat(sem.enabled(state)).isEmpty();
        q.accept(new RunEvent.Deadlock(0, sem.diagnose(state)));
        List<RunEvent> path = q.drain();
        StringBuilder trace = new StringBuilder();
        for (RunEvent e : path) {
            trace.append(TraceWriter.json(e)).append('\n');
        }
        TraceReplay.Result r = TraceReplay.replay(n.plan(), trace.toString(), RunOptions.defaults());
        assertThat(r).as(trace.toString()).isInstanceOf(TraceReplay.Replayed.class);
        TraceReplay.Replayed replayed = (TraceReplay.Replayed) r;
        assertThat(replayed.outcome()).isInstanceOf(RunOutcome.Deadlocked.class);
        assertThat(((RunOutcome.Deadlocked) replayed.outcome()).diagnosis().stuck()).isTrue();
        assertThat(replayed.events().stream().filter(e -> e instanceof RunEvent.Printed)
                .map(e -> ((RunEvent.Printed) e).text()).toList()).containsExactly("gave up", "2");
    }
}
