package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Test;

/**
 * The seeded engine's promises of issue 14: a due sleeper goes before further hand-offs in virtual time, the
 * time limit is wall-clock time and a huge one never fires at once, and start, stop, await and close behave
 * in every order, with exactly one terminal event.
 */
class SeededEngineTest {

    static final Nets SLEEPER_BESIDE_PING_PONG = net()
            .process("a", "forever { send out 1\nx = recv in }")
            .process("b", "forever { y = recv in\nsend out 2 }")
            .process("c", "sleep 100\nprint \"c woke\"")
            .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in");

    @Test
    void aSleeperWakesBesideAnEndlessExchangeAfterItsVirtualTime() throws Exception {
        for (long seed = 0; seed < 5; seed++) {
            CountDownLatch woke = new CountDownLatch(1);
            AtomicLong at = new AtomicLong();
            EventSink sink = new EventSink() {
                @Override
                public void accept(RunEvent e) {
                    if (e instanceof RunEvent.Printed p && p.text().equals("c woke")) {
                        at.set(p.nanos());
                        woke.countDown();
                    }
                }

                @Override
                public boolean enabled() {
                    return false;
                }
            };
            try (Run r = new DeterministicEngine().prepare(SLEEPER_BESIDE_PING_PONG.plan(),
                    RunOptions.defaults().withSeed(seed).withSink(sink))) {
                r.start();
                // a generous bound only so a broken scheduler fails instead of hanging the build
                assertThat(woke.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("seed " + seed).isTrue();
                r.stop();
                assertThat(r.await()).isEqualTo(new RunOutcome.Stopped());
            }
            assertThat(at.get()).as("seed " + seed).isBetween(100_000_000L, 100_000_000L + 1_000_000L);
        }
    }

    /** A bug in the engine (here a sink that throws) is an internal error with its stack trace logged. */
    @Test
    void aBugIsAnInternalErrorWithItsStackTraceLoggedNotAScriptError() throws Exception {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(DeterministicRun.class.getName());
        java.util.List<java.util.logging.LogRecord> records =
                java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
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
            try (Run r = new DeterministicEngine().prepare(net().process("talker", "print 1").plan(),
                    RunOptions.defaults().withSeed(1).withSink(broken))) {
                r.start();
                assertThat(r.await(Duration.ofSeconds(20))).contains(new RunOutcome.InternalError(
                        "the deterministic engine", "java.lang.IllegalStateException: broken sink"));
            }
            assertThat(records).hasSize(1);
            assertThat(records.getFirst().getThrown()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("broken sink");
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void theTimeLimitIsWallClockTimeEvenWhileMovesGoOnForEver() throws Exception {
        EventQueue q = new EventQueue();
        try (Run r = new DeterministicEngine().prepare(SLEEPER_BESIDE_PING_PONG.plan(),
                RunOptions.defaults().withSeed(1).withTimeout(200).withSink(q))) {
            r.start();
            assertThat(r.await(Duration.ofSeconds(20))).contains(new RunOutcome.TimedOut(200));
        }
        assertThat(q.drain()).filteredOn(e -> e instanceof RunEvent.Timeout).hasSize(1);
    }

    @Test
    void aHugeTimeLimitNeverFiresAtOnce() throws Exception {
        Nets n = net().process("a", "repeat 1000 { send out 1 }").process("b", "repeat 1000 { x = recv in }")
                .rendezvous("c", "a.out", "b.in");
        for (long limit : new long[] {Long.MAX_VALUE, Long.MAX_VALUE / 1_000, 10_000_000_000_000L}) {
            try (Run r = new DeterministicEngine().prepare(n.plan(), RunOptions.defaults().withTimeout(limit))) {
                r.start();
                assertThat(r.await(Duration.ofSeconds(20))).as("limit " + limit).contains(new RunOutcome.Finished());
            }
        }
    }

    @Test
    void startStopAwaitAndCloseInEveryOrder() throws Exception {
        Nets busy = SLEEPER_BESIDE_PING_PONG;
        // stop before start: stopped at once, and a later start does nothing
        Run a = new DeterministicEngine().prepare(busy.plan(), RunOptions.defaults());
        a.stop();
        assertThat(a.outcome()).contains(new RunOutcome.Stopped());
        a.start();
        assertThat(a.await()).isEqualTo(new RunOutcome.Stopped());
        a.close();
        // close before start: awaiting it does not hang
        Run b = new DeterministicEngine().prepare(busy.plan(), RunOptions.defaults());
        b.close();
        assertThat(b.await(Duration.ofSeconds(5))).contains(new RunOutcome.Stopped());
        // start twice is a mistake; stop and close twice are not
        Run c = new DeterministicEngine().prepare(busy.plan(), RunOptions.defaults());
        c.start();
        assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
        c.stop();
        c.stop();
        assertThat(c.await()).isEqualTo(new RunOutcome.Stopped());
        c.close();
        c.close();
        assertThat(c.outcome()).contains(new RunOutcome.Stopped());
    }

    @Test
    void aDecidedRunTellsExactlyOneTerminalEventAndAStopAfterwardsChangesNothing() throws Exception {
        Nets deadlock = net().process("a", "recv in\nsend out 1").process("b", "recv in\nsend out 1")
                .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in");
        EventQueue q = new EventQueue();
        Run r = new DeterministicEngine().prepare(deadlock.plan(), RunOptions.defaults().withSink(q));
        r.start();
        RunOutcome o = r.await();
        r.stop();
        r.close();
        assertThat(r.outcome()).contains(o);
        assertThat(o).isInstanceOf(RunOutcome.Deadlocked.class);
        assertThat(q.drain()).filteredOn(e -> e instanceof RunEvent.Deadlock || e instanceof RunEvent.Timeout
                || e instanceof RunEvent.Failed).hasSize(1);
    }

    @Test
    void randomValuesAreTracedMovesAndTheSameSeedGivesTheSameValues() throws Exception {
        Nets n = net().process("p", "repeat 5 { print random(1, 6) }");
        java.util.List<String> first = null;
        for (int i = 0; i < 2; i++) {
            EventQueue q = new EventQueue();
            try (Run r = new DeterministicEngine().prepare(n.plan(), RunOptions.defaults().withSeed(7).withSink(q))) {
                r.start();
                r.await();
            }
            java.util.List<RunEvent> events = q.drain();
            java.util.List<String> drawn = events.stream().filter(e -> e instanceof RunEvent.Drawn)
                    .map(e -> String.valueOf(((RunEvent.Drawn) e).value())).toList();
            java.util.List<String> printed = events.stream().filter(e -> e instanceof RunEvent.Printed)
                    .map(e -> ((RunEvent.Printed) e).text()).toList();
            assertThat(drawn).hasSize(5).isEqualTo(printed).allMatch(v -> v.matches("[1-6]"));
            if (first == null) {
                first = drawn;
            } else {
                assertThat(drawn).isEqualTo(first);
            }
        }
    }
}
