package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.chanvas.model.ChannelKind;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;

/**
 * For generated networks (the generator of {@link SameSeedSameTraceProperties}), a seeded run's trace, written
 * and replayed, gives the recorded events again: types, processes, channels, endpoints, values, order and the
 * virtual times.
 */
class ReplayProperties {

    @Provide
    Arbitrary<SameSeedSameTraceProperties.Spec> networks() {
        return new SameSeedSameTraceProperties().networks();
    }

    /** Scripts for processes no one writes to: they only send, several into one shared channel. */
    static final String[] WRITERS = {
            "repeat 3 { send out random(0, 9) }",
            "send out self\nsleep 5\nsend out self + \"!\"",
    };

    /** Any wiring (several writers may share a reader's channel); unread processes only write. */
    @Provide
    Arbitrary<SameSeedSameTraceProperties.Spec> sharedNetworks() {
        return Arbitraries.integers().between(2, 5).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, n - 1).list().ofSize(n),
                Arbitraries.of(ChannelKind.RENDEZVOUS, ChannelKind.BUFFERED, ChannelKind.UNBOUNDED).list().ofSize(n),
                Arbitraries.integers().between(0, SameSeedSameTraceProperties.SCRIPTS.length - 1).list().ofSize(n))
                .as((t, k, sc) -> new SameSeedSameTraceProperties.Spec(n, t, k, sc)));
    }

    static Nets buildShared(SameSeedSameTraceProperties.Spec spec) {
        Nets n = Nets.net();
        for (int i = 0; i < spec.processes(); i++) {
            int script = spec.scripts().get(i);
            n.process("p" + i, spec.targets().contains(i) ? SameSeedSameTraceProperties.SCRIPTS[script]
                    : WRITERS[script % WRITERS.length]);
        }
        return SameSeedSameTraceProperties.wire(n, spec);
    }

    @Property(tries = 200)
    void replayPicksTheRightWriterOfASharedChannel(@ForAll("sharedNetworks") SameSeedSameTraceProperties.Spec spec,
            @ForAll long seed) throws Exception {
        replayMatches(buildShared(spec), seed);
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

    @Property(tries = 300)
    void replayingASeededRunsTraceGivesItsEventsAgain(@ForAll("networks") SameSeedSameTraceProperties.Spec spec,
            @ForAll long seed) throws Exception {
        replayMatches(SameSeedSameTraceProperties.buildValid(spec), seed);
    }

    static void replayMatches(Nets n, long seed) throws Exception {
        // the seed drives the scripts' random(); the replay's moves come from the trace alone
        RunOptions options = RunOptions.defaults().withSeed(seed).withTimeout(10_000);
        Recorded rec = record(n, options);
        TraceReplay.Result result = TraceReplay.replay(n.plan(), rec.trace(), options);
        assertThat(result).as("replay of\n%s", rec.trace()).isInstanceOf(TraceReplay.Replayed.class);
        TraceReplay.Replayed replayed = (TraceReplay.Replayed) result;
        assertThat(replayed.events().stream().map(TraceWriter::json).toList())
                .containsExactlyElementsOf(rec.events().stream().map(TraceWriter::json).toList());
        assertThat(replayed.outcome().getClass()).isEqualTo(rec.outcome().getClass());
    }
}
