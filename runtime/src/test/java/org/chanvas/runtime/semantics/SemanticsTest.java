package org.chanvas.runtime.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.watch.Diagnosis;
import org.junit.jupiter.api.Test;

/**
 * A table of small networks with the exact moves enabled in given states: every channel kind, shared
 * channels, select with send and receive guards on every kind, calls and replies, after and sleep, in both
 * views of time.
 */
class SemanticsTest {

    /** A network, its semantics and a state, with the moves named in short words. */
    static final class Run {
        final Semantics sem;
        final State state;

        Run(Nets n, Timing timing) {
            sem = new Semantics(n.plan(), new Semantics.Options(timing, 0, 10_000, 1_000_000));
            state = sem.initial();
        }

        /** Applies every process's first step (in process order), so each stands at its first communication. */
        Run settle() {
            for (int p = 0; p < state.processCount(); p++) {
                sem.apply(state, new Move.Step(p), EventSink.NONE);
            }
            return this;
        }

        List<String> enabled() {
            return sem.enabled(state).stream().map(this::name).toList();
        }

        Run apply(String move) {
            for (Move m : sem.enabled(state)) {
                if (name(m).equals(move)) {
                    sem.apply(state, m, EventSink.NONE);
                    return this;
                }
            }
            throw new AssertionError(move + " is not enabled: " + enabled());
        }

        List<RunEvent> events(String move) {
            EventQueue q = new EventQueue();
            for (Move m : sem.enabled(state)) {
                if (name(m).equals(move)) {
                    sem.apply(state, m, q);
                    return q.drain();
                }
            }
            throw new AssertionError(move + " is not enabled: " + enabled());
        }

        String p(int i) {
            return sem.processId(i);
        }

        String c(int i) {
            return sem.channelId(i);
        }

        String g(int guard) {
            return guard < 0 ? "" : "#" + guard;
        }

        String name(Move m) {
            return switch (m) {
                case Move.Step s -> "step " + p(s.process());
                case Move.HandOver h -> c(h.channel()) + " " + p(h.writer()) + g(h.writerGuard()) + "->" + p(h.reader())
                        + g(h.readerGuard());
                case Move.Put pt -> "put " + c(pt.channel()) + " " + p(pt.writer()) + g(pt.writerGuard());
                case Move.Take t -> "take " + c(t.channel()) + " " + p(t.reader()) + g(t.readerGuard());
                case Move.Reply r -> "reply " + p(r.server()) + "->" + p(r.client());
                case Move.Fire f -> "fire " + p(f.process());
                case Move.Wake w -> "wake " + p(w.process());
                case Move.Choose ch -> "choose " + p(ch.process()) + " " + ch.value();
            };
        }
    }

    static Run timed(Nets n) {
        return new Run(n, Timing.TIMED).settle();
    }

    static Run untimed(Nets n) {
        return new Run(n, Timing.UNTIMED).settle();
    }

    @Test
    void everyProcessStartsRunnable() {
        Nets n = net().process("a", "send out 1").process("b", "recv in").rendezvous("c", "a.out", "b.in");
        assertThat(new Run(n, Timing.TIMED).enabled()).containsExactly("step a", "step b");
    }

    @Test
    void rendezvousHandsOverThenBothMoveOn() {
        Nets n = net().process("a", "send out 1\nsend out 2").process("b", "recv in\nrecv in")
                .rendezvous("c", "a.out", "b.in");
        Run r = timed(n);
        assertThat(r.enabled()).containsExactly("c a->b");
        r.apply("c a->b");
        assertThat(r.enabled()).containsExactly("c a->b");
        r.apply("c a->b");
        assertThat(r.enabled()).isEmpty();
        assertThat(r.state.running()).isZero();
    }

    @Test
    void bufferedTakesWhileItHoldsAndPutsWhileItHasRoom() {
        Nets n = net().process("a", "send out 1\nsend out 2\nsend out 3").process("b", "sleep 5\nrecv in\nrecv in")
                .kind("q", ChannelKind.BUFFERED, 2, "a.out", "b.in");
        Run r = timed(n);
        assertThat(r.enabled()).containsExactly("put q a"); // empty: no take; b sleeps (its timer waits)
        r.apply("put q a").apply("put q a");
        assertThat(r.state.buffer(0)).extracting(State.Held::value).containsExactly(1L, 2L);
        assertThat(r.enabled()).containsExactly("wake b"); // full: a waits, only time can move
        r.apply("wake b");
        assertThat(r.enabled()).containsExactly("take q b");
        r.apply("take q b");
        assertThat(r.enabled()).containsExactly("take q b", "put q a");
    }

    @Test
    void unboundedAlwaysTakesAPut() {
        Nets n = net().process("a", "forever { send out 1 }").process("b", "sleep 1000\nx = recv in")
                .kind("q", ChannelKind.UNBOUNDED, 0, "a.out", "b.in");
        Run r = timed(n);
        for (int i = 0; i < 5; i++) {
            assertThat(r.enabled()).containsExactly("put q a");
            r.apply("put q a");
        }
        assertThat(r.state.buffer(0)).hasSize(5);
    }

    @Test
    void aSharedChannelOffersEveryPairAndGivesEachMessageToOneReader() {
        Nets n = net().process("w1", "send out 1").process("w2", "send out 2").process("r1", "recv in")
                .process("r2", "recv in").kind("s", ChannelKind.RENDEZVOUS, 0, "w1.out,w2.out", "r1.in,r2.in");
        Run r = timed(n);
        assertThat(r.enabled()).containsExactly("s w1->r1", "s w1->r2", "s w2->r1", "s w2->r2");
        r.apply("s w2->r1");
        assertThat(r.enabled()).containsExactly("s w1->r2");
    }

    @Test
    void selectGuardsOnEveryKindAreOffersOnTheirChannels() {
        Nets n = net()
                .process("p", "select {\n recv rin { }\n send rout 1 { }\n send bout 2 { }\n send uout 3 { }\n"
                        + " recv bin { }\n}")
                .process("w", "send out 9").process("r", "recv in").process("full", "send out 7\nsend out 8")
                .rendezvous("rv", "w.out", "p.rin").rendezvous("rv2", "p.rout", "r.in")
                .kind("b", ChannelKind.BUFFERED, 1, "p.bout", "x.in")
                .process("x", "sleep 1\nrecv in")
                .kind("u", ChannelKind.UNBOUNDED, 0, "p.uout", "y.in").process("y", "sleep 1\nrecv in")
                .kind("b2", ChannelKind.BUFFERED, 1, "full.out", "p.bin");
        Run r = timed(n);
        assertThat(r.enabled()).containsExactly("rv w->p#0", "rv2 p#1->r", "put b p#2", "put u p#3",
                "put b2 full");
        r.apply("put b2 full");
        assertThat(r.enabled()).containsExactly("rv w->p#0", "rv2 p#1->r", "put b p#2", "put u p#3",
                "take b2 p#4");
        r.apply("take b2 p#4"); // the select fired: all its other offers are gone
        assertThat(r.enabled()).containsExactly("put b2 full");
    }

    @Test
    void aSelectNeverMeetsItself() {
        Nets n = net().process("p", "select {\n send out 1 { }\n recv in { }\n}").rendezvous("c", "p.out", "p.in");
        Run r = new Run(n, Timing.TIMED);
        List<RunEvent> events = r.events("step p");
        assertThat(events).last().isInstanceOf(RunEvent.Blocked.class); // not ready: its only peer is itself
        assertThat(r.enabled()).isEmpty();
        Diagnosis d = r.sem.diagnose(r.state);
        assertThat(d.cycle()).containsExactly("p");
    }

    @Test
    void selectReadinessCountsRoomInBufferedAndUnboundedChannels() {
        Nets n = net().process("p", "select {\n send out 1 { }\n recv in { }\n}\nselect {\n send u 2 { }\n}")
                .kind("b", ChannelKind.BUFFERED, 1, "p.out", "q.in").process("q", "sleep 1\nrecv in\nrecv x")
                .kind("u", ChannelKind.UNBOUNDED, 0, "p.u", "q.x")
                .rendezvous("c", "z.out", "p.in").process("z", "sleep 1\nsend out 1");
        Run r = new Run(n, Timing.TIMED);
        assertThat(r.events("step p")).noneMatch(e -> e instanceof RunEvent.Blocked);
        assertThat(r.events("put b p#0")).noneMatch(e -> e instanceof RunEvent.Blocked);
        assertThat(r.enabled()).containsExactly("step q", "step z", "put u p#0");
    }

    @Test
    void aCallIsAHandOverThenAReplyToThatClient() {
        Nets n = net().process("client", "r = call srv 20\nprint r").process("server", "m = recv in\nreply in m + 1")
                .kind("s", ChannelKind.CALL, 0, "client.srv", "server.in");
        Run r = timed(n);
        assertThat(r.enabled()).containsExactly("s client->server");
        r.apply("s client->server");
        assertThat(r.state.server(0)).isEqualTo(1);
        assertThat(r.state.awaitingReply(1)).containsEntry("in", 0);
        assertThat(r.enabled()).containsExactly("reply server->client");
        List<RunEvent> e = r.events("reply server->client");
        assertThat(e).filteredOn(x -> x instanceof RunEvent.Printed).extracting(x -> ((RunEvent.Printed) x).text())
                .containsExactly("21");
        assertThat(r.state.running()).isZero();
    }

    @Test
    void afterFiresOnlyWhenItsTimeComesInTimedButWheneverItWaitsInUntimed() {
        Nets n = net().process("p", "select {\n recv in { }\n after 100 { }\n}")
                .process("w", "sleep 50\nsend out 1").rendezvous("c", "w.out", "p.in");
        Run t = timed(n);
        assertThat(t.enabled()).containsExactly("wake w"); // the earliest timer: w at 50 ms
        t.apply("wake w");
        assertThat(t.state.now()).isBetween(50_000_000L, 50_010_000L);
        assertThat(t.enabled()).containsExactly("c w->p#0");
        Run u = untimed(n);
        assertThat(u.enabled()).containsExactly("fire p", "c w->p#0"); // sleep is no wait without time
        Nets alone = net().process("p", "select {\n recv in { }\n after 100 { }\n}\nsend o 1")
                .process("w", "recv x\nsend out 1")
                .rendezvous("c", "w.out", "p.in").rendezvous("d", "p.o", "w.x");
        Run t2 = timed(alone);
        assertThat(t2.enabled()).containsExactly("fire p");
        t2.apply("fire p");
        assertThat(t2.state.now()).isGreaterThanOrEqualTo(100_000_000L);
    }

    @Test
    void aDueSleeperGoesBeforeFurtherHandOvers() {
        Nets n = net().process("a", "forever { send out 1\nx = recv in }").process("b", "forever { y = recv in\nsend out 2 }")
                .process("c", "sleep 1\nprint \"c woke\"")
                .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in");
        Run r = timed(n);
        int moves = 0;
        while (!r.enabled().contains("wake c")) {
            assertThat(r.enabled()).hasSize(1);
            r.sem.apply(r.state, r.sem.enabled(r.state).getFirst(), EventSink.NONE);
            moves++;
        }
        assertThat(r.enabled()).containsExactly("wake c"); // due: alone, before the next hand-over
        // c slept at the third step, so its 1 ms is up after exactly 1 ms of moves more
        assertThat(moves).isEqualTo((int) (1_000_000 / Semantics.MOVE_NANOS));
    }

    @Test
    void theLongestSleepWakesOnTheVirtualClock() {
        Nets n = net().process("p", "sleep 2147483647\nprint \"up\"");
        Run r = timed(n);
        assertThat(r.state.wakeAt(0)).isEqualTo(2_147_483_647L * 1_000_000L + Semantics.MOVE_NANOS);
        assertThat(r.events("wake p")).filteredOn(e -> e instanceof RunEvent.Printed).hasSize(1);
        assertThat(r.state.now()).isEqualTo(2_147_483_647L * 1_000_000L + Semantics.MOVE_NANOS);
    }

    @Test
    void untimedSleepIsNoWaitAndCopiesAreIndependent() {
        Nets n = net().process("a", "sleep 100\nsend out 1\nsend out 2").process("b", "recv in\nrecv in")
                .kind("q", ChannelKind.BUFFERED, 1, "a.out", "b.in");
        Run r = untimed(n);
        assertThat(r.enabled()).containsExactly("put q a");
        State before = r.state.copy();
        r.apply("put q a");
        assertThat(r.enabled()).containsExactly("take q b");
        assertThat(r.sem.enabled(before)).hasSize(1);
        assertThat(before.buffer(0)).isEmpty();
        List<Move> again = new ArrayList<>(r.sem.enabled(before));
        r.sem.apply(before, again.getFirst(), EventSink.NONE);
        assertThat(before.buffer(0)).extracting(State.Held::value).containsExactly(1L);
        assertThat(r.state.now()).isZero();
    }

    @Test
    void theEncodingTellsStatesApartAndEqualStatesAlike() {
        Nets n = net().process("a", "send out 1\nsend out 2").process("b", "recv in\nrecv in")
                .kind("q", ChannelKind.BUFFERED, 2, "a.out", "b.in");
        Run r = untimed(n);
        byte[] start = r.sem.encode(r.state);
        assertThat(r.sem.encode(r.state.copy())).isEqualTo(start);
        r.apply("put q a");
        byte[] afterPut = r.sem.encode(r.state);
        assertThat(afterPut).isNotEqualTo(start);
        Run other = untimed(n).apply("put q a");
        assertThat(r.sem.encode(other.state)).isEqualTo(afterPut);
    }

    @Test
    void randomIsAChoiceOfEveryValueUntimed() {
        Nets n = net().process("p", "x = random(1, 3)\nprint x");
        Run r = untimed(n);
        assertThat(r.enabled()).containsExactly("choose p 1", "choose p 2", "choose p 3");
        List<RunEvent> e = r.events("choose p 2");
        assertThat(e).filteredOn(x -> x instanceof RunEvent.Printed).extracting(x -> ((RunEvent.Printed) x).text())
                .containsExactly("2");
        assertThat(e.getFirst()).isEqualTo(new RunEvent.Drawn(0, "p", 2));
    }
}
