package org.chanvas.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;

/**
 * The two figures of issue 14 item 1, written against the runtime API that the code before and after the
 * change share, so that {@link BeforeAfterProgress} can load this class once per version and measure both in
 * one JVM.
 */
public final class ProgressProbe {

    private ProgressProbe() {
    }

    /** Nanoseconds per CommsTime cycle (scripts, concurrent engine, run to its stuck end). */
    public static double commsTime(int cycles) throws Exception {
        List<Process> ps = List.of(
                new Process("prefix", 0, 0, "send out 0\nforever { x = recv in\nsend out x }"),
                new Process("delta", 0, 0, "forever { x = recv in\nsend out x\nsend tap x }"),
                new Process("successor", 0, 0, "forever { x = recv in\nsend out x + 1 }"),
                new Process("consumer", 0, 0, "repeat " + cycles + " { x = recv in }"));
        List<Channel> cs = List.of(rendezvous("a", "prefix", "delta"), rendezvous("b", "delta", "successor"),
                rendezvous("c", "successor", "prefix"), new Channel("d", ChannelKind.RENDEZVOUS, 0,
                        List.of(new Endpoint("delta", "tap")), List.of(new Endpoint("consumer", "in"))));
        RunPlan plan = RunPlan.compile(new Network("CommsTime", "", ps, cs, List.of(), null), ScriptParser::parse);
        long t0 = System.nanoTime();
        try (Run r = new ConcurrentEngine().prepare(plan, RunOptions.defaults())) {
            r.start();
            r.await();
        }
        return (System.nanoTime() - t0) / (double) cycles;
    }

    /**
     * Milliseconds a sleeper is late: c sleeps {@code sleepMillis} beside an endless a ⇄ b ping-pong, then
     * prints; the delay is from the run's start to the print, less the sleep (so it includes c's own start).
     *
     * @return the delay, or -1 if c had not printed after {@code capMillis}
     */
    public static double sleeperDelay(int sleepMillis, int capMillis) throws Exception {
        List<Process> ps = List.of(
                new Process("a", 0, 0, "forever { send out 1\nx = recv in }"),
                new Process("b", 0, 0, "forever { x = recv in\nsend out 2 }"),
                new Process("c", 0, 0, "sleep " + sleepMillis + "\nprint \"woke\""));
        List<Channel> cs = List.of(rendezvous("ab", "a", "b"), rendezvous("ba", "b", "a"));
        RunPlan plan = RunPlan.compile(new Network("sleeper", "", ps, cs, List.of(), null), ScriptParser::parse);
        CountDownLatch woke = new CountDownLatch(1);
        long[] at = new long[1];
        EventSink sink = new EventSink() {
            @Override
            public void accept(RunEvent e) {
                if (e instanceof RunEvent.Printed) {
                    at[0] = System.nanoTime();
                    woke.countDown();
                }
            }

            @Override
            public boolean enabled() {
                return false;
            }
        };
        try (Run r = new ConcurrentEngine().prepare(plan, RunOptions.defaults().withSink(sink))) {
            long t0 = System.nanoTime();
            r.start();
            if (!woke.await(capMillis, TimeUnit.MILLISECONDS)) {
                return -1;
            }
            return (at[0] - t0) / 1e6 - sleepMillis;
        }
    }

    private static Channel rendezvous(String id, String writer, String reader) {
        return new Channel(id, ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint(writer, "out")),
                List.of(new Endpoint(reader, "in")));
    }
}
