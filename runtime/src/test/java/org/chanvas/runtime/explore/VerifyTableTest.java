package org.chanvas.runtime.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.engine.RunPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small networks with verdicts and shortest counterexample lengths worked out by hand (the reasoning is next to
 * each row), so the explorer is held to answers, not to itself.
 */
class VerifyTableTest {

    /** Ring of three; each sends k messages to its right, then receives k from its left. */
    static RunPlan ring(ChannelKind kind, int capacity, int k) {
        String script = "repeat " + k + " { send right 1 }\nrepeat " + k + " { recv left }";
        capacity = kind == ChannelKind.BUFFERED ? capacity : 0; // only a buffer has a capacity to set
        return Nets.net().process("a", script).process("b", script).process("c", script)
                .channel("ab", kind, capacity, List.of("a.right"), List.of("b.left"))
                .channel("bc", kind, capacity, List.of("b.right"), List.of("c.left"))
                .channel("ca", kind, capacity, List.of("c.right"), List.of("a.left")).plan();
    }

    /** N philosophers and N fork processes on rendezvous channels, looping forever; optionally one left-handed. */
    static RunPlan philosophers(int n, boolean leftHanded) {
        Nets net = Nets.net();
        for (int i = 1; i <= n; i++) {
            boolean lh = leftHanded && i == n;
            net.process("phil" + i, lh
                    ? "forever {\n recv right\n recv left\n send put_right 1\n send put_left 1\n}"
                    : "forever {\n recv left\n recv right\n send put_left 1\n send put_right 1\n}");
        }
        for (int i = 1; i <= n; i++) {
            net.process("fork" + i, "forever {\n send give 1\n recv back\n}");
        }
        for (int i = 1; i <= n; i++) {
            String rightOf = "phil" + i;
            String leftOf = "phil" + (i % n + 1);
            net.channel("give" + i, ChannelKind.RENDEZVOUS, 0, List.of("fork" + i + ".give"),
                    List.of(leftOf + ".left", rightOf + ".right"));
            net.channel("back" + i, ChannelKind.RENDEZVOUS, 0, List.of(leftOf + ".put_left", rightOf + ".put_right"),
                    List.of("fork" + i + ".back"));
        }
        return net.plan();
    }

    static RunPlan example(String name) {
        Path file = Path.of("..", "examples", name + ".chanvas.json");
        if (!(ChanvasFormat.read(file) instanceof LoadResult.Loaded l)) {
            throw new AssertionError("cannot load " + file);
        }
        try {
            return RunPlan.compile(l.network(), ScriptParser::parse);
        } catch (RunPlan.InvalidPlanException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        // The sender sends on a before it receives on b; the receiver receives on b first: stuck at the start.
        rows.add(Arguments.of("acyclic order deadlock", example("acyclic-order-deadlock"), Verdict.DEADLOCK, 0));
        // Rendezvous ring where everyone sends first: nobody can receive, dead at once.
        rows.add(Arguments.of("rendezvous ring, 1 send", ring(ChannelKind.RENDEZVOUS, 0, 1), Verdict.DEADLOCK, 0));
        // Capacity c < k: all three fill their buffer (3c puts), then all wait to send.
        rows.add(Arguments.of("ring cap 1, 2 sends", ring(ChannelKind.BUFFERED, 1, 2), Verdict.DEADLOCK, 3));
        rows.add(Arguments.of("ring cap 2, 3 sends", ring(ChannelKind.BUFFERED, 2, 3), Verdict.DEADLOCK, 6));
        rows.add(Arguments.of("ring cap 1, 3 sends", ring(ChannelKind.BUFFERED, 1, 3), Verdict.DEADLOCK, 3));
        // Capacity c >= k: every send finds room, then every receive finds a message.
        rows.add(Arguments.of("ring cap 1, 1 send", ring(ChannelKind.BUFFERED, 1, 1), Verdict.DEADLOCK_FREE, -1));
        rows.add(Arguments.of("ring cap 2, 2 sends", ring(ChannelKind.BUFFERED, 2, 2), Verdict.DEADLOCK_FREE, -1));
        rows.add(Arguments.of("ring cap 3, 3 sends", ring(ChannelKind.BUFFERED, 3, 3), Verdict.DEADLOCK_FREE, -1));
        rows.add(Arguments.of("unbounded ring, 3 sends", ring(ChannelKind.UNBOUNDED, 0, 3), Verdict.DEADLOCK_FREE,
                -1));
        // Naive philosophers: each takes its left fork, one move each, then all wait: exactly N moves.
        for (int n = 2; n <= 5; n++) {
            rows.add(Arguments.of(n + " naive philosophers", philosophers(n, false), Verdict.DEADLOCK, n));
            rows.add(Arguments.of(n + " philosophers, one left-handed", philosophers(n, true), Verdict.DEADLOCK_FREE,
                    -1));
        }
        rows.add(Arguments.of("the example philosophers", example("dining-philosophers"), Verdict.DEADLOCK, 3));
        rows.add(Arguments.of("the fixed example philosophers", example("dining-philosophers-fixed"),
                Verdict.DEADLOCK_FREE, -1));
        // A select server outlives its two clients (two sends each): stuck after the four hand-overs.
        rows.add(Arguments.of("select server outlives its clients", Nets.net()
                .process("c1", "send out 1\nsend out 2")
                .process("c2", "send out 3\nsend out 4")
                .process("server", "forever {\n select {\n recv a as x { print x }\n recv b as y { print y }\n }\n}")
                .rendezvous("a", "c1.out", "server.a").rendezvous("b", "c2.out", "server.b").plan(),
                Verdict.STUCK, 4));
        // A select server that stops on a kill from each client: proven.
        rows.add(Arguments.of("select server with kills", Nets.net()
                .process("c1", "send out 1\nsend out \"kill\"")
                .process("c2", "send out 3\nsend out \"kill\"")
                .process("server", "kills = 0\nwhile kills < 2 {\n select {\n recv a as x { if x == \"kill\" "
                        + "{ kills = kills + 1 } }\n recv b as y { if y == \"kill\" { kills = kills + 1 } }\n }\n}")
                .rendezvous("a", "c1.out", "server.a").rendezvous("b", "c2.out", "server.b").plan(),
                Verdict.DEADLOCK_FREE, -1));
        // A select with an after: the timeout may fire whenever the select waits, and then the server ends
        // while a client still waits to send: stuck after one move (the after).
        rows.add(Arguments.of("after may fire early", Nets.net()
                .process("c", "send out 1")
                .process("server", "select {\n recv in as x { print x }\n after 1000 { print \"late\" }\n}")
                .rendezvous("q", "c.out", "server.in").plan(), Verdict.STUCK, 1));
        // Two writers share one reader; 10 / (x - 1) fails only when 1 arrives first: two hand-overs.
        rows.add(Arguments.of("script error on one interleaving", Nets.net()
                .process("w1", "send out 1").process("w2", "send out 2")
                .process("r", "x = recv in\ny = recv in\nprint 10 / (x - 1)")
                .channel("q", ChannelKind.RENDEZVOUS, 0, List.of("w1.out", "w2.out"), List.of("r.in")).plan(),
                Verdict.ERROR, 2));
        // random(1, 3) explored value by value: only 2 makes the judge wait for a second message that never
        // comes; the draw and the hand-over are the two moves.
        rows.add(Arguments.of("random must pick 2", Nets.net()
                .process("picker", "x = random(1, 3)\nsend out x")
                .process("judge", "v = recv in\nif v == 2 { w = recv in }")
                .rendezvous("q", "picker.out", "judge.in").plan(), Verdict.STUCK, 2));
        rows.add(Arguments.of("prod-cons without kill", example("prod-cons"), Verdict.STUCK, 8));
        rows.add(Arguments.of("echo client/server", example("echo-three-calls"), Verdict.DEADLOCK_FREE, -1));
        rows.add(Arguments.of("ring-safe (calls)", example("ring-safe"), Verdict.DEADLOCK_FREE, -1));
        rows.add(Arguments.of("worker pool", example("pool-with-results"), Verdict.DEADLOCK_FREE, -1));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void verdictAndShortestLength(String name, RunPlan plan, Verdict verdict, int shortest) {
        ExploreResult r = new BreadthFirstExplorer().explore(plan, 1_000_000, ExploreListener.NONE);
        assertThat(r.verdict()).as(name).isEqualTo(verdict);
        if (shortest >= 0) {
            assertThat(r.steps()).as(name + ": " + r.steps()).hasSize(shortest);
        } else {
            assertThat(r.steps()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aCounterexampleEndsInTheStateItNames(String name, RunPlan plan, Verdict verdict, int shortest) {
        ExploreResult r = new BreadthFirstExplorer().explore(plan, 1_000_000, ExploreListener.NONE);
        switch (verdict) {
            case DEADLOCK, STUCK -> {
                assertThat(r.diagnosis()).isNotNull();
                assertThat(r.diagnosis().stuck()).isEqualTo(verdict == Verdict.STUCK);
                assertThat(r.counterexample().getLast())
                        .isEqualTo(new org.chanvas.runtime.event.RunEvent.Deadlock(0, r.diagnosis()));
            }
            case ERROR -> assertThat(r.error().message()).contains("division by zero");
            default -> assertThat(r.counterexample()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void naivePhilosophersTakeTheirLeftForksInTheShortestPath() {
        ExploreResult r = new BreadthFirstExplorer().explore(philosophers(3, false), 1_000_000, ExploreListener.NONE);
        assertThat(r.steps()).containsExactly(
                "phil2 receives 1 from fork1 on give1",
                "phil3 receives 1 from fork2 on give2",
                "phil1 receives 1 from fork3 on give3");
        assertThat(r.diagnosis().cycle()).hasSize(6);
    }

    @org.junit.jupiter.api.Test
    void anUnboundedCounterIsInconclusiveAndNamesTheCounter() {
        RunPlan plan = Nets.net()
                .process("counter", "n = 0\nforever {\n n = n + 1\n send out n\n}")
                .process("sink", "forever { recv in }")
                .rendezvous("q", "counter.out", "sink.in").plan();
        ExploreResult r = new BreadthFirstExplorer().explore(plan, 5_000, ExploreListener.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.states()).isEqualTo(5_000);
        assertThat(r.growing()).anyMatch(g -> g.startsWith("variable n of counter reaches"));
    }

    @org.junit.jupiter.api.Test
    void aGrowingBufferIsNamed() {
        RunPlan plan = Nets.net()
                .process("producer", "forever { send out 1 }")
                .process("idle", "forever { recv in\n recv in\n recv in }")
                .process("slow", "x = recv other")
                .process("never", "send out2 1")
                .kind("q", ChannelKind.UNBOUNDED, 0, "producer.out", "idle.in")
                .rendezvous("r", "never.out2", "slow.other").plan();
        ExploreResult r = new BreadthFirstExplorer().explore(plan, 2_000, ExploreListener.NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.growing()).anyMatch(g -> g.startsWith("channel q holds up to"));
    }

    @org.junit.jupiter.api.Test
    void aCancelledExplorationIsInconclusive() {
        ExploreResult r = new BreadthFirstExplorer().explore(philosophers(8, true), 1_000_000, new ExploreListener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        });
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.growing()).contains("cancelled");
    }

    @org.junit.jupiter.api.Test
    void statesMatchSpinsCountForLeftHandedPhilosophers() {
        // SPIN 6.5.2 stores 3^N + 1 states for the same Promela model (its init process adds one): each
        // philosopher-and-fork pair is in one of three protocol phases. See bench/verify-vs-spin.sh.
        ExploreResult r = new BreadthFirstExplorer().explore(philosophers(6, true), 1_000_000, ExploreListener.NONE);
        assertThat(r.states()).isEqualTo(729);
    }
}
