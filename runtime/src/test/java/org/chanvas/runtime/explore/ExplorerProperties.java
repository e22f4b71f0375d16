package org.chanvas.runtime.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chanvas.runtime.engine.DeterministicEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.engine.TraceReplay;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.junit.jupiter.api.Test;

/**
 * Properties of the explorer on generated networks ({@link GeneratedNetworks}, seeds fixed so a failure
 * repeats): it never proves a network that a seeded run shows bad, its counterexamples replay, and its moves
 * are the shared semantics' moves, state by state.
 */
class ExplorerProperties {

    static final int NETWORKS = 150;
    static final int RUNS = 100;

    private static RunOutcome run(RunPlan plan, long seed) throws InterruptedException {
        try (Run r = new DeterministicEngine().prepare(plan,
                RunOptions.defaults().withSeed(seed).withTimeout(10_000).withSink(EventSink.NONE))) {
            r.start();
            return r.await();
        }
    }

    @Test
    void verifyNeverProvesWhatASeededRunShowsBad() throws InterruptedException {
        int bad = 0;
        int mixed = 0;
        for (long seed = 1; seed <= NETWORKS; seed++) {
            RunPlan plan = GeneratedNetworks.network(seed);
            ExploreResult r = new BreadthFirstExplorer().explore(plan, 200_000, ExploreListener.NONE);
            assertThat(r.verdict()).as("network %d", seed).isNotEqualTo(Verdict.INCONCLUSIVE);
            boolean sawBad = false;
            boolean sawGood = false;
            for (long s = 1; s <= RUNS; s++) {
                RunOutcome o = run(plan, s);
                boolean isBad = o instanceof RunOutcome.Deadlocked || o instanceof RunOutcome.ScriptFailed;
                sawBad |= isBad;
                sawGood |= o instanceof RunOutcome.Finished;
                if (isBad) {
                    assertThat(r.verdict()).as("network %d, run seed %d: %s", seed, s, o)
                            .isNotEqualTo(Verdict.DEADLOCK_FREE);
                }
            }
            if (sawBad) {
                bad++;
            }
            if (sawBad && sawGood) {
                mixed++;
            }
            // What no run saw, the explorer may still find; but a proof must mean no run goes bad.
            if (r.verdict() == Verdict.DEADLOCK_FREE) {
                assertThat(sawBad).isFalse();
            }
        }
        // The generator must make the property bite: bad networks, and some that runs only sometimes catch.
        assertThat(bad).isGreaterThan(NETWORKS / 4);
        assertThat(mixed).isGreaterThan(5);
    }

    @Test
    void everyCounterexampleReplaysToTheSameDiagnosis() throws InterruptedException {
        int replayed = 0;
        for (long seed = 1; seed <= NETWORKS; seed++) {
            RunPlan plan = GeneratedNetworks.network(seed);
            ExploreResult r = new BreadthFirstExplorer().explore(plan, 200_000, ExploreListener.NONE);
            if (!r.verdict().bad()) {
                continue;
            }
            StringWriter trace = new StringWriter();
            TraceWriter w = new TraceWriter(trace);
            for (RunEvent e : r.counterexample()) {
                try {
                    w.write(e);
                } catch (java.io.IOException io) {
                    throw new AssertionError(io);
                }
            }
            TraceReplay.Result result = TraceReplay.replay(plan, trace.toString(),
                    RunOptions.defaults().withTimeout(10_000));
            assertThat(result).as("network %d:\n%s", seed, trace).isInstanceOf(TraceReplay.Replayed.class);
            RunOutcome outcome = ((TraceReplay.Replayed) result).outcome();
            if (r.verdict() == Verdict.ERROR) {
                assertThat(outcome).as("network %d", seed).isInstanceOf(RunOutcome.ScriptFailed.class);
                assertThat(((RunOutcome.ScriptFailed) outcome).message()).isEqualTo(r.error().message());
            } else {
                assertThat(outcome).as("network %d", seed).isEqualTo(new RunOutcome.Deadlocked(r.diagnosis()));
            }
            replayed++;
        }
        assertThat(replayed).isGreaterThan(NETWORKS / 4);
    }

    /**
     * The explorer's copy-on-write transitions are held to the shared semantics: along random walks on
     * generated networks and the examples, the enabled moves agree one for one, in order.
     */
    @Test
    void theExplorersMovesAreTheSemanticsMoves() {
        List<RunPlan> plans = new ArrayList<>();
        for (long seed = 1; seed <= NETWORKS; seed++) {
            plans.add(GeneratedNetworks.network(seed));
        }
        for (String ex : List.of("dining-philosophers", "dining-philosophers-fixed", "echo-client-server",
                "ring-safe", "worker-pool", "two-consumers", "select-two-producers", "barrier", "prod-cons-kill",
                "pipeline", "ring-buffered")) {
            plans.add(VerifyTableTest.example(ex));
        }
        SplittableRandom pick = new SplittableRandom(7);
        int compared = 0;
        for (RunPlan plan : plans) {
            for (int walk = 0; walk < 5; walk++) {
                Transitions t = new Transitions(plan);
                Semantics sem = new Semantics(plan, Transitions.OPTIONS);
                State st = sem.initial();
                settle(sem, st);
                Transitions.State s = t.initial(null);
                List<Transitions.Move> moves = new ArrayList<>();
                for (int step = 0; step < 200; step++) {
                    t.moves(s, moves);
                    List<Move> ours = new ArrayList<>();
                    for (Transitions.Move m : moves) {
                        ours.add(t.toSemantics(s, m));
                    }
                    compared++;
                    if (s.failure != null) {
                        // A script error ends a run; the explorer reports the state and goes no further from it.
                        assertThat(st.failed()).isEqualTo(t.processIndex(s.failure.process()));
                        break;
                    }
                    List<Move> expected = sem.enabled(st);
                    assertThat(ours).as("%s, step %d", plan.network().title(), step).isEqualTo(expected);
                    if (moves.isEmpty()) {
                        break;
                    }
                    int i = pick.nextInt(moves.size());
                    Transitions.State next = t.apply(s, moves.get(i), null);
                    sem.apply(st, expected.get(i), EventSink.NONE);
                    settle(sem, st);
                    s = next;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private static void settle(Semantics sem, State st) {
        boolean again = true;
        while (again) {
            again = false;
            for (int p = 0; p < st.processCount(); p++) {
                if (st.status(p) == State.Status.RUNNABLE) {
                    sem.apply(st, new Move.Step(p), EventSink.NONE);
                    again = true;
                }
            }
        }
    }
}
