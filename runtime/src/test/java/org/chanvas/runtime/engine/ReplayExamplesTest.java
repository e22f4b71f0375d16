package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in examples/, run with a few seeds and traced, replays to the same events and the same
 * outcome: a deadlocking example's replay ends in the same deadlock diagnosis (waiting processes, cycle).
 */
class ReplayExamplesTest {

    static java.util.stream.Stream<Path> files() throws java.io.IOException {
        return ExamplesRunTest.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void replaysToTheRecordedEventsAndOutcome(Path file) throws Exception {
        Network n = switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed f -> throw new AssertionError(f.error().describe());
        };
        RunPlan plan = RunPlan.compile(n, ScriptParser::parse);
        for (long seed = 0; seed < 3; seed++) {
            RunOptions options = RunOptions.defaults().withSeed(seed).withTimeout(20_000);
            EventQueue q = new EventQueue();
            RunOutcome recorded;
            try (Run r = new DeterministicEngine().prepare(plan, options.withSink(q))) {
                r.start();
                recorded = r.await(Duration.ofSeconds(30)).orElseThrow();
            }
            List<RunEvent> events = q.drain();
            StringWriter trace = new StringWriter();
            TraceWriter w = new TraceWriter(trace);
            for (RunEvent e : events) {
                w.write(e);
            }
            TraceReplay.Result result = TraceReplay.replay(plan, trace.toString(), options);
            String where = file.getFileName() + " seed " + seed;
            assertThat(result).as(where).isInstanceOf(TraceReplay.Replayed.class);
            TraceReplay.Replayed replayed = (TraceReplay.Replayed) result;
            assertThat(replayed.outcome()).as(where).isEqualTo(recorded);
            assertThat(replayed.events().stream().map(TraceWriter::json).toList()).as(where)
                    .containsExactlyElementsOf(events.stream().map(TraceWriter::json).toList());
        }
    }
}
