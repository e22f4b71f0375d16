package org.chanvas.runtime.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.chanvas.runtime.engine.DeterministicEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.engine.TraceReplay;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.junit.jupiter.api.Test;

/**
 * Properties of the explorer on generated networks ({@link GeneratedNetworks}, seeds fixed so a failure
 * repeats): it never proves a network that a seeded run shows bad, and its counterexamples replay. (The
 * explorer walks the shared semantics itself, so there is no second copy of the rules to hold to it.)
 */
class ExplorerPropertiesTest {

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
}
