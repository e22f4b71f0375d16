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

/** Shared channels under load deliver each message exactly once; select is fair over many rounds. */
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
        }
    }

    @Test
    void selectOverTwoReadyProducersIsFairOverTenThousandRounds() throws Exception {
        Nets n = net()
                .process("a", "forever { send out 1 }")
                .process("b", "forever { send out 2 }")
                .process("c", "na = 0\nnb = 0\nrepeat 10000 {\n select {\n  recv x { na = na + 1 }\n"
                        + "  recv y { nb = nb + 1 }\n }\n}\nprint [na, nb]")
                .rendezvous("ax", "a.out", "c.x").rendezvous("by", "b.out", "c.y");
        for (Engine engine : List.of(new ConcurrentEngine(), new DeterministicEngine())) {
            EventQueue q = new EventQueue();
            RunOutcome o = run(engine, n, q);
            assertThat(o).isInstanceOf(RunOutcome.Deadlocked.class); // the producers are stuck at the end
            List<?> counts = q.drain().stream().filter(e -> e instanceof RunEvent.Printed).findFirst()
                    .map(e -> ((RunEvent.Printed) e).text()).map(t -> List.of(t.split(", "))).orElseThrow();
            long na = Long.parseLong(((String) counts.get(0)).substring(1));
            long nb = Long.parseLong(((String) counts.get(1)).replace("]", ""));
            assertThat(na + nb).isEqualTo(10_000);
            assertThat(na).as(engine + " a fired " + na).isBetween(4_000L, 6_000L);
        }
    }
}
