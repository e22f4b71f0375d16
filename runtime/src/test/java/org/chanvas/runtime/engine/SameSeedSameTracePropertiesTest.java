package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chanvas.runtime.GeneratedNets;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.TraceWriter;
import org.junit.jupiter.api.Test;

/**
 * For generated networks ({@link GeneratedNets#permuted()}: random ring/mesh wiring, channel kinds, scripts that
 * send, receive, select, sleep, print and use random), the deterministic engine with a seed gives the same trace
 * twice, event for event, virtual times included.
 */
class SameSeedSameTracePropertiesTest {

    static List<String> trace(Nets n, long seed) throws InterruptedException {
        EventQueue q = new EventQueue();
        try (Run r = new DeterministicEngine().prepare(n.plan(), RunOptions.defaults().withSeed(seed).withSink(q)
                .withTimeout(10_000))) {
            r.start();
            r.await(Duration.ofSeconds(20)).orElseThrow();
        }
        List<String> out = new ArrayList<>();
        q.drain(e -> out.add(TraceWriter.json(e)));
        return out;
    }

    @Test
    void sameSeedTwiceGivesIdenticalTraces() {
        // Each try runs a network twice; a few shrink cycles are enough to name a small failing case.
        qt().withExamples(60).withShrinkCycles(50).forAll(GeneratedNets.permuted(), longs().all())
                .checkAssert((spec, seed) -> {
                    Nets n = GeneratedNets.buildValid(spec);
                    try {
                        List<String> first = trace(n, seed);
                        List<String> second = trace(n, seed);
                        assertThat(first).isNotEmpty();
                        assertThat(second).isEqualTo(first);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("interrupted", e);
                    }
                });
    }
}
