package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1: however busy the hand-offs, timers (sleep, after, the run's own timeout) and runnable
 * processes get their turn, on one carrier (what {@code --carriers auto} uses while processes only
 * communicate) as on two. Before the fix, each endless exchange below ran on for ever on one carrier: the
 * carrier drained its local queue of hand-offs and never looked at the queue the timers submit to.
 *
 * <p>No timing is asserted: each run must end or print at all; {@link #LIMIT} only keeps a broken build from
 * hanging the suite.
 */
class OneCarrierProgressTest {

    static final Duration LIMIT = Duration.ofSeconds(30);

    /** The endless exchanges of issue 14, each between two processes a and b. */
    static final List<String> EXCHANGES = List.of("select ping-pong", "buffered ping-pong", "endless call loop",
            "loop with sleep 0", "select with after 0");

    /** A fresh network for one of {@link #EXCHANGES}. */
    static Nets exchange(String name) {
        return switch (name) {
            case "select ping-pong" -> net()
                    .process("a", "forever {\n select { send out 1 { } }\n select { recv in { } }\n}")
                    .process("b", "forever {\n select { recv in { } }\n select { send out 2 { } }\n}")
                    .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in");
            case "buffered ping-pong" -> net()
                    .process("a", "forever {\n send out 1\n recv in\n}")
                    .process("b", "forever {\n recv in\n send out 2\n}")
                    .kind("ab", ChannelKind.BUFFERED, 1, "a.out", "b.in")
                    .kind("ba", ChannelKind.BUFFERED, 1, "b.out", "a.in");
            case "endless call loop" -> net()
                    .process("a", "forever {\n x = call srv 1\n}")
                    .process("b", "forever {\n q = recv req\n reply req q + 1\n}")
                    .kind("s", ChannelKind.CALL, 0, "a.srv", "b.req");
            case "loop with sleep 0" -> net()
                    .process("a", "forever {\n send out 1\n sleep 0\n}")
                    .process("b", "forever {\n recv in\n sleep 0\n}")
                    .rendezvous("ab", "a.out", "b.in");
            case "select with after 0" -> net()
                    .process("a", "forever {\n select {\n  send out 1 { }\n  after 0 { }\n }\n}")
                    .process("b", "forever {\n select {\n  recv in { }\n  after 0 { }\n }\n}")
                    .rendezvous("ab", "a.out", "b.in");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Runs {@code body} with the JVM's virtual-thread scheduler set to {@code carriers}, then puts it back. */
    static void onCarriers(int carriers, ThrowingRunnable body) throws Exception {
        VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        int before = scheduler.getParallelism();
        scheduler.setParallelism(carriers);
        try {
            body.run();
        } finally {
            scheduler.setParallelism(before);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void everyEndlessExchangeEndsAsTimedOutOnOneCarrierAndOnTwo() throws Exception {
        for (int carriers : new int[] {1, 2}) {
            for (String e : EXCHANGES) {
                onCarriers(carriers, () -> {
                    try (Run r = new ConcurrentEngine().prepare(exchange(e).plan(),
                            RunOptions.defaults().withTimeout(200))) {
                        r.start();
                        assertThat(r.await(LIMIT)).as(e + " on " + carriers + " carrier(s)")
                                .contains(new RunOutcome.TimedOut(200));
                    }
                });
            }
        }
    }

    @Test
    void aSleeperWakesBesideAnEndlessPingPongOnOneCarrierAndOnTwo() throws Exception {
        for (int carriers : new int[] {1, 2}) {
            for (String e : EXCHANGES) {
                Nets n = exchange(e).process("c", "sleep 100\nprint \"c woke\"");
                onCarriers(carriers, () -> {
                    CountDownLatch woke = new CountDownLatch(1);
                    EventSink sink = new EventSink() {
                        @Override
                        public void accept(RunEvent event) {
                            if (event instanceof RunEvent.Printed p && p.text().equals("c woke")) {
                                woke.countDown();
                            }
                        }

                        @Override
                        public boolean enabled() {
                            return false;
                        }
                    };
                    try (Run r = new ConcurrentEngine().prepare(n.plan(), RunOptions.defaults().withSink(sink))) {
                        r.start();
                        assertThat(woke.await(LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                                .as("c woke beside the " + e + " on " + carriers + " carrier(s)").isTrue();
                        r.stop();
                        assertThat(r.await(LIMIT)).contains(new RunOutcome.Stopped());
                    }
                });
            }
        }
    }
}
