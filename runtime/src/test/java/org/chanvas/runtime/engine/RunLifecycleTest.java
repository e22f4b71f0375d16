package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chanvas.runtime.Nets.net;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 5: a run is correct in every order of start, stop, await and close; its outcome is claimed
 * once and only the claimer says so; a bug is an internal error with its stack trace logged, not a script
 * error.
 */
class RunLifecycleTest {

    static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void ofManyRacingClaimsExactlyOneWinsAndTheOutcomeIsItsOwn() throws Exception {
        for (int round = 0; round < 200; round++) {
            RunLifecycle life = new RunLifecycle();
            assertThat(life.start()).isTrue();
            int n = 8;
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger wins = new AtomicInteger();
            List<RunOutcome> won = Collections.synchronizedList(new ArrayList<>());
            List<Thread> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RunOutcome o = new RunOutcome.TimedOut(i);
                ts.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (life.claim(o)) {
                        wins.incrementAndGet();
                        won.add(o);
                    }
                }));
            }
            go.countDown();
            for (Thread t : ts) {
                t.join();
            }
            assertThat(wins).hasValue(1);
            assertThat(life.outcome()).isEmpty(); // claimed, but its threads are not gone yet
            life.over();
            assertThat(life.outcome()).contains(won.getFirst());
        }
    }

    @Test
    void aClaimBeforeStartEndsTheRunAndStartThenLaunchesNothing() throws Exception {
        RunLifecycle life = new RunLifecycle();
        assertThat(life.claim(new RunOutcome.Stopped())).isTrue();
        assertThat(life.await(Duration.ZERO)).contains(new RunOutcome.Stopped());
        assertThat(life.start()).isFalse();
        assertThatThrownBy(life::start).isInstanceOf(IllegalStateException.class);
        assertThat(life.claim(new RunOutcome.Finished())).isFalse();
        assertThat(life.await()).isEqualTo(new RunOutcome.Stopped());
    }

    @Test
    void stopBeforeStartEndsTheRunAndStartsNoThread() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            ConcurrentRun r = (ConcurrentRun) new ConcurrentEngine().prepare(StopAndLeakTest.BUSY.plan(),
                    RunOptions.defaults());
            r.stop();
            assertThat(r.outcome()).contains(new RunOutcome.Stopped());
            r.start();
            assertThat(r.await()).isEqualTo(new RunOutcome.Stopped());
            assertThat(r.threads()).allMatch(t -> t.getState() == Thread.State.NEW);
            r.close();
        });
    }

    /**
     * Thousands of runs, each driven by a random order of start, stop, await (bounded) and close, some of them
     * from a second thread at the same time. Every run must end, agree with itself, and leave no thread alive.
     */
    @Test
    void startStopAwaitAndCloseInRandomOrdersAndRacesAlwaysEnd() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            SplittableRandom rng = new SplittableRandom(20261126);
            RunPlan busy = StopAndLeakTest.BUSY.plan();
            RunPlan pingPong = net().process("a", "forever { send out 1\nrecv in }")
                    .process("b", "forever { recv in\nsend out 2 }")
                    .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in").plan();
            RunPlan quick = net().process("a", "print 1").plan();
            List<String> ops = List.of("start", "stop", "await", "close");
            for (int i = 0; i < 3000; i++) {
                RunPlan plan = switch (rng.nextInt(3)) {
                    case 0 -> busy;
                    case 1 -> pingPong;
                    default -> quick;
                };
                ConcurrentRun r = (ConcurrentRun) new ConcurrentEngine().prepare(plan,
                        RunOptions.defaults().withSink(new EventQueue()));
                List<String> order = new ArrayList<>(ops);
                Collections.shuffle(order, new java.util.Random(rng.nextLong()));
                boolean race = rng.nextBoolean();
                Thread other = null;
                if (race) { // the first operation from another thread, racing the rest
                    String first = order.removeFirst();
                    other = Thread.ofPlatform().start(() -> apply(r, first));
                }
                for (String op : order) {
                    apply(r, op);
                }
                if (other != null) {
                    other.join();
                }
                r.close(); // whatever the order did, close ends it
                RunOutcome o = r.await(LIMIT).orElseThrow(() -> new AssertionError("run did not end"));
                assertThat(r.outcome()).contains(o);
                assertThat(r.threads()).noneMatch(Thread::isAlive);
            }
        });
    }

    private static void apply(Run r, String op) {
        try {
            switch (op) {
                case "start" -> r.start();
                case "stop" -> r.stop();
                case "await" -> r.await(Duration.ofMillis(1));
                case "close" -> r.close();
                default -> throw new IllegalArgumentException(op);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Forty processes fail at once. The sink holds the first terminal event's emitter until every other
     * process has either emitted too or ended, so a second terminal event, if the engine let one through,
     * is always seen (no timing involved).
     */
    @Test
    void ofManyProcessesFailingAtOnceExactlyOneTerminalEventIsEmittedAndItIsTheOutcome() throws Exception {
        Nets n = net();
        for (int i = 0; i < 40; i++) {
            n.process("p" + i, "x = [1][3]");
        }
        RunPlan plan = n.plan();
        for (int round = 0; round < 20; round++) {
            ConcurrentLinkedQueue<RunEvent> terminal = new ConcurrentLinkedQueue<>();
            java.util.Set<Thread> emitters = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicReference<ConcurrentRun> running =
                    new java.util.concurrent.atomic.AtomicReference<>();
            EventSink sink = new EventSink() {
                @Override
                public void accept(RunEvent e) {
                    if (!(e instanceof RunEvent.Failed || e instanceof RunEvent.Deadlock
                            || e instanceof RunEvent.Timeout)) {
                        return;
                    }
                    terminal.add(e);
                    emitters.add(Thread.currentThread());
                    List<Thread> others = running.get().threads().stream()
                            .filter(t -> !t.getName().equals("chanvas-timers")).toList();
                    while (!others.stream().allMatch(t -> emitters.contains(t)
                            || t.getState() == Thread.State.TERMINATED)) {
                        Thread.yield();
                    }
                }

                @Override
                public boolean enabled() {
                    return false;
                }
            };
            try (Run r = new ConcurrentEngine().prepare(plan, RunOptions.defaults().withSink(sink))) {
                running.set((ConcurrentRun) r);
                r.start();
                RunOutcome o = r.await(LIMIT).orElseThrow();
                assertThat(terminal).hasSize(1);
                RunEvent.Failed f = (RunEvent.Failed) terminal.peek();
                assertThat(o).isEqualTo(new RunOutcome.ScriptFailed(f.process(), f.process(), 1, 5,
                        "index 3 out of range for a list of 1"));
            }
        }
    }

    @Test
    void aBugIsAnInternalErrorWithItsStackTraceLoggedNotAScriptError() throws Exception {
        Logger log = Logger.getLogger(ConcurrentRun.class.getName());
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        try {
            // A sink that throws stands for any bug on a process's thread.
            EventSink broken = new EventSink() {
                @Override
                public void accept(RunEvent e) {
                    if (e instanceof RunEvent.Printed) {
                        throw new IllegalStateException("broken sink");
                    }
                }

                @Override
                public boolean enabled() {
                    return false;
                }
            };
            Nets n = net().process("talker", "print 1").process("spinner", "forever { }");
            try (Run r = new ConcurrentEngine().prepare(n.plan(), RunOptions.defaults().withSink(broken))) {
                r.start();
                RunOutcome o = r.await(LIMIT).orElseThrow();
                assertThat(o).isEqualTo(new RunOutcome.InternalError("process talker",
                        "java.lang.IllegalStateException: broken sink"));
            }
            assertThat(records).hasSize(1);
            assertThat(records.getFirst().getThrown()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("broken sink");
            assertThat(records.getFirst().getMessage()).contains("process talker");
        } finally {
            log.removeHandler(h);
        }
    }
}
