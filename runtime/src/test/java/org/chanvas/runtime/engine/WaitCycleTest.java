package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.junit.jupiter.api.Test;

/**
 * The cycle of waits names who really holds whom. In the dining philosophers each fork waits on a shared
 * "back" channel for either neighbour; only the one holding it can send, so the explaining cycle runs round
 * the whole table, not through a philosopher who never took that fork.
 */
class WaitCycleTest {

    @Test
    void diningPhilosophersDeadlockIsTheWholeTableOnBothEngines() throws Exception {
        Path file = ExamplesRunTest.examples().resolve("dining-philosophers.chanvas.json");
        Network n = switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed f -> throw new AssertionError(f.error().describe());
        };
        RunPlan plan = RunPlan.compile(n, ScriptParser::parse);
        for (int seed = 0; seed < 6; seed++) {
            Engine engine = seed % 2 == 0 ? new DeterministicEngine() : new ConcurrentEngine();
            try (Run r = engine.prepare(plan, RunOptions.defaults().withSeed(seed).withTimeout(20_000))) {
                r.start();
                RunOutcome o = r.await(Duration.ofSeconds(30)).orElseThrow();
                assertThat(o).isInstanceOf(RunOutcome.Deadlocked.class);
                var d = ((RunOutcome.Deadlocked) o).diagnosis();
                assertThat(d.cycle()).as(engine.getClass().getSimpleName() + " seed " + seed + "\n" + d.describe())
                        .hasSize(n.processes().size());
            }
        }
    }
}
