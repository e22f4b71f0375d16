package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.chanvas.runtime.GeneratedNets;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.junit.jupiter.api.Test;

/**
 * For generated networks ({@link GeneratedNets}), a seeded run's trace, written and replayed, gives the recorded
 * events again: types, processes, channels, endpoints, values, order and the virtual times.
 */
class ReplayPropertiesTest {

    @Test
    void replayPicksTheRightWriterOfASharedChannel() {
        qt().withExamples(200).withShrinkCycles(50).forAll(GeneratedNets.shared(), longs().all())
                .checkAssert((spec, seed) -> replayMatches(GeneratedNets.buildShared(spec), seed));
    }

    @Test
    void replayingASeededRunsTraceGivesItsEventsAgain() {
        qt().withExamples(300).withShrinkCycles(50).forAll(GeneratedNets.permuted(), longs().all())
                .checkAssert((spec, seed) -> replayMatches(GeneratedNets.buildValid(spec), seed));
    }

    /** A seeded run's events and the trace text it writes. */
    record Recorded(List<RunEvent> events, String trace, RunOutcome outcome) {
    }

    static Recorded record(Nets n, RunOptions options) throws Exception {
        EventQueue q = new EventQueue();
        RunOutcome outcome;
        try (Run r = new DeterministicEngine().prepare(n.plan(), options.withSink(q))) {
            r.start();
            outcome = r.await(Duration.ofSeconds(20)).orElseThrow();
        }
        List<RunEvent> events = q.drain();
        StringWriter sw = new StringWriter();
        TraceWriter w = new TraceWriter(sw);
        for (RunEvent e : events) {
            w.write(e);
        }
        return new Recorded(events, sw.toString(), outcome);
    }

    static void replayMatches(Nets n, long seed) {
        // the seed drives the scripts' random(); the replay's moves come from the trace alone
        RunOptions options = RunOptions.defaults().withSeed(seed).withTimeout(10_000);
        Recorded rec;
        TraceReplay.Result result;
        try {
            rec = record(n, options);
            result = TraceReplay.replay(n.plan(), rec.trace(), options);
        } catch (Exception e) {
            throw new AssertionError("recording or replay failed", e);
        }
        assertThat(result).as("replay of\n%s", rec.trace()).isInstanceOf(TraceReplay.Replayed.class);
        TraceReplay.Replayed replayed = (TraceReplay.Replayed) result;
        assertThat(replayed.events().stream().map(TraceWriter::json).toList())
                .containsExactlyElementsOf(rec.events().stream().map(TraceWriter::json).toList());
        assertThat(replayed.outcome().getClass()).isEqualTo(rec.outcome().getClass());
    }
}
