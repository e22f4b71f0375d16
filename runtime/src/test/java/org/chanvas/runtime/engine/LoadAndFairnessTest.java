package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Test;

/**
 * Shared channels under load deliver each message exactly once, to readers that all get some; select's
 * fairness counted exactly, over a fixed seed, where the counts depend on the seed alone.
 */
class LoadAndFairnessTest {

    static RunOutcome run(Engine engine, Nets n, EventQueue q) throws InterruptedException {
        try (Run r = engine.prepare(n.plan(), RunOptions.defaults().withSink(q).withSeed(11))) {
            r.start();
            return r.await(Duration.ofSeconds(60)).orElseThrow();
        }
    }

    @Test
    void hundredThousandMessagesFourWritersFourReadersEachDeliveredOnce() throws Exception {
        for (ChannelKind kind : List.of(ChannelKind.RENDEZVOUS, ChannelKind.BUFFERED, ChannelKind.UNBOUNDED)) {
            Nets n = net();
            for (int w = 0; w < 4; w++) {
                n.process("w" + w, "for i in 0..25000 { send out [" + w + ", i] }\nsend out \"kill\"");
            }
            for (int r = 0; r < 4; r++) {
                n.process("r" + r, "forever { m = recv in\nif m == \"kill\" { stop }\nprint m }");
            }
            n.channel("q", kind, kind == ChannelKind.BUFFERED ? 16 : 0, List.of("w0.out", "w1.out", "w2.out", "w3.out"),
                    List.of("r0.in", "r1.in", "r2.in", "r3.in"));
            EventQueue q = new EventQueue();
            assertThat(run(new ConcurrentEngine(), n, q)).isEqualTo(new RunOutcome.Finished());
            Set<String> seen = new HashSet<>();
            int[] perReader = new int[4];
            q.drain(e -> {
                if (e instanceof RunEvent.Printed p) {
                    assertThat(seen.add(p.text())).as("delivered twice: " + p.text()).isTrue();
                    perReader[p.process().charAt(1) - '0']++;
                }
            });
            assertThat(seen).hasSize(100_000);
            for (int w = 0; w < 4; w++) {
                assertThat(seen).contains("[" + w + ", 0]", "[" + w + ", 24999]");
            }
            // Each message printed once, by the reader that took it; readers wait in line (FIFO), so none of
            // the four is left out while a hundred thousand messages pass.
            assertThat(perReader[0] + perReader[1] + perReader[2] + perReader[3]).as(kind.toString())
                    .isEqualTo(100_000);
            assertThat(java.util.Arrays.stream(perReader).min().orElseThrow()).as(kind + " per reader").isPositive();
        }
    }

    /**
     * Both guards are ready at every one of c's 10,000 selects (a and b fill buffers of 10,000 before they tell
     * c to start), so which fires depends on the select's seeded random start alone: the count is exact.
     */
    static final Nets ALWAYS_READY = net()
            .process("a", "for i in 0..10000 { send out 1 }\nsend go 0")
            .process("b", "for i in 0..10000 { send out 2 }\nsend go 0")
            .process("c", "recv ga\nrecv gb\nna = 0\nnb = 0\nrepeat 10000 {\n select {\n  recv x { na = na + 1 }\n"
                    + "  recv y { nb = nb + 1 }\n }\n}\nprint [na, nb]")
            .kind("ax", ChannelKind.BUFFERED, 10000, "a.out", "c.x")
            .kind("by", ChannelKind.BUFFERED, 10000, "b.out", "c.y")
            .rendezvous("ag", "a.go", "c.ga").rendezvous("bg", "b.go", "c.gb");

    static long[] counts(Engine engine, long seed) throws InterruptedException {
        EventQueue q = new EventQueue();
        try (Run r = engine.prepare(ALWAYS_READY.plan(), RunOptions.defaults().withSink(q).withSeed(seed))) {
            r.start();
            assertThat(r.await(Duration.ofSeconds(60))).contains(new RunOutcome.Finished());
        }
        String text = q.drain().stream().filter(e -> e instanceof RunEvent.Printed)
                .map(e -> ((RunEvent.Printed) e).text()).findFirst().orElseThrow();
        String[] parts = text.substring(1, text.length() - 1).split(", ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    @Test
    void selectOverTwoReadyGuardsFiresEachAsOftenAsItsSeededStartSaysOnTheConcurrentEngine() throws Exception {
        for (long seed : new long[] {11, 12, 13}) {
            // The select scans from a random guard; both are ready, so the start is the guard that fires.
            java.util.SplittableRandom start = new java.util.SplittableRandom(ProcessRunner.selectSeed(seed, 2));
            long expectedA = 0;
            for (int i = 0; i < 10_000; i++) {
                expectedA += start.nextInt(2) == 0 ? 1 : 0;
            }
            assertThat(counts(new ConcurrentEngine(), seed)).containsExactly(expectedA, 10_000 - expectedA);
            assertThat(expectedA).as("seed " + seed).isBetween(4_800L, 5_200L);
        }
    }

    @Test
    void selectOverTwoReadyGuardsIsFairAndTheSameForTheSameSeedOnTheDeterministicEngine() throws Exception {
        for (long seed : new long[] {11, 12, 13}) {
            long[] first = counts(new DeterministicEngine(), seed);
            assertThat(counts(new DeterministicEngine(), seed)).containsExactly(first);
            assertThat(first[0] + first[1]).isEqualTo(10_000);
            assertThat(first[0]).as("seed " + seed).isBetween(4_800L, 5_200L);
        }
    }
}
