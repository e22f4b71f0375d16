package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.explore.BreadthFirstExplorer;
import org.chanvas.runtime.explore.ExploreListener;
import org.chanvas.runtime.explore.ExploreResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in examples/ runs to the outcome its {@code expect.run} promises ({@code finished} with
 * {@code expect.prints} lines, {@code deadlock}, or {@code stuck}), on both engines, whatever the seed; and the
 * explorer reaches the verdict its {@code expect.verify} promises.
 */
class ExamplesRunTest {

    static Path examples() {
        return Path.of(System.getProperty("chanvas.examples", "../examples"));
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(examples())) {
            List<Path> all = s.filter(p -> p.getFileName().toString().endsWith(".chanvas.json")).sorted().toList();
            assertThat(all).as("examples in " + examples().toAbsolutePath()).isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void runsToItsPromisedOutcome(Path file) throws Exception {
        Network n = switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed f -> throw new AssertionError(f.error().describe());
        };
        // The codec keeps unknown fields as Jackson trees.
        JsonNode expect = (JsonNode) n.extra().get("expect");
        assertThat(expect).as("expect field of " + file).isNotNull();
        String run = expect.path("run").asText();
        Long prints = expect.has("prints") ? expect.get("prints").asLong() : null;
        RunPlan plan = RunPlan.compile(n, ScriptParser::parse);
        // Mostly the seeded engine, which `chanvas run` uses with or without --seed (virtual time, so the lecture's
        // second-long sleeps cost nothing); two runs on the concurrent one, which `run --carriers` uses.
        for (int i = 0; i < 8; i++) {
            Engine engine = i % 4 == 3 ? new ConcurrentEngine() : new DeterministicEngine();
            EventQueue q = new EventQueue();
            RunOutcome o;
            try (Run r = engine.prepare(plan, RunOptions.defaults().withSeed(i).withSink(q).withTimeout(20_000))) {
                r.start();
                o = r.await(Duration.ofSeconds(30)).orElseThrow();
            }
            String where = file.getFileName() + " on " + engine.getClass().getSimpleName() + " seed " + i;
            switch (run) {
                case "finished" -> {
                    assertThat(o).as(where).isEqualTo(new RunOutcome.Finished());
                    if (prints != null) {
                        assertThat(q.drain().stream().filter(e -> e instanceof RunEvent.Printed).count()).as(where)
                                .isEqualTo(prints);
                    }
                }
                case "deadlock", "stuck" -> {
                    assertThat(o).as(where).isInstanceOf(RunOutcome.Deadlocked.class);
                    var d = ((RunOutcome.Deadlocked) o).diagnosis();
                    assertThat(d.kind()).as(where + "\n" + d.describe()).isEqualTo(run);
                }
                default -> throw new AssertionError(file + ": unknown expect.run " + run);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void verifyReachesItsPromisedVerdict(Path file) throws Exception {
        Network n = switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed f -> throw new AssertionError(f.error().describe());
        };
        JsonNode expect = (JsonNode) n.extra().get("expect");
        assertThat(expect.has("verify")).as("expect.verify of " + file).isTrue();
        // The examples are small: a tenth of verify's default bound proves or refutes each of them.
        ExploreResult r = new BreadthFirstExplorer().explore(RunPlan.compile(n, ScriptParser::parse), 200_000,
                ExploreListener.NONE);
        assertThat(r.verdict().word()).as(file.getFileName() + ": " + r.steps()).isEqualTo(expect.get("verify").asText());
    }
}
