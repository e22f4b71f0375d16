package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Test;

/** Whole networks on the concurrent engine: outcomes, prints, errors, stopping. */
class ConcurrentEngineTest {

    static final Duration LIMIT = Duration.ofSeconds(20);

    static RunOutcome run(Nets n, EventQueue q) throws InterruptedException {
        try (Run r = new ConcurrentEngine().prepare(n.plan(), RunOptions.defaults().withSink(q))) {
            r.start();
            return r.await(LIMIT).orElseThrow(() -> new AssertionError("run did not end"));
        }
    }

    static List<String> prints(EventQueue q) {
        return q.drain().stream().filter(e -> e instanceof RunEvent.Printed).map(e -> {
            RunEvent.Printed p = (RunEvent.Printed) e;
            return p.label() + ": " + p.text();
        }).toList();
    }

    @Test
    void producerConsumerWithKillMessage() throws Exception {
        Nets n = net()
                .process("producer", "for i in 0..4 {\n  send out \"Message {i}\"\n}\nsend out \"kill\"")
                .process("consumer", "forever {\n  m = recv in\n  if m == \"kill\" { stop }\n  print m\n}")
                .kind("q", ChannelKind.UNBOUNDED, 0, "producer.out", "consumer.in");
        EventQueue q = new EventQueue();
        assertThat(run(n, q)).isEqualTo(new RunOutcome.Finished());
        assertThat(prints(q)).containsExactly("consumer: Message 0", "consumer: Message 1", "consumer: Message 2",
                "consumer: Message 3");
    }

    @Test
    void theComputeObserverHearsOfProcessesThatSpendTheirStepBudgetAndOfNoOthers() throws Exception {
        Nets busy = net().process("cruncher", "x = 0\nfor i in 0..20000 {\n  x = x + i\n}\nsend out x")
                .process("talker", "n = recv in\nprint n")
                .rendezvous("c", "cruncher.out", "talker.in");
        Nets chatty = net().process("producer", "for i in 0..50 {\n  send out i\n}\nsend out -1")
                .process("consumer", "forever {\n  m = recv in\n  if m < 0 { stop }\n}")
                .rendezvous("q", "producer.out", "consumer.in");
        for (Nets n : List.of(busy, chatty)) {
            Set<String> heard = ConcurrentHashMap.newKeySet();
            RunOptions options = RunOptions.defaults().withStepBudget(1000).withCompute(heard::add);
            try (Run r = new ConcurrentEngine().prepare(n.plan(), options)) {
                r.start();
                assertThat(r.await(LIMIT)).contains(new RunOutcome.Finished());
            }
            assertThat(heard).isEqualTo(n == busy ? Set.of("cruncher") : Set.of());
        }
    }

    /**
     * The watch is event-driven, not polled: the thread of the last process to block finds the deadlock
     * before it parks, so the deadlock event comes right after that block event, in the same thread, and
     * only once the sleeper has blocked too (its sleep is no deadlock). Asserted on the order of events, not
     * on time.
     */
    @Test
    void deadlockIsReportedByTheLastProcessToBlockRightAfterItsBlock() throws Exception {
        Nets n = net().process("a", "sleep 30\nrecv in\nif false { send out 0 }").process("b", "recv in\nif false { send out 0 }")
                .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in");
        for (int round = 0; round < 20; round++) {
            List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            EventSink sink = e -> seen.add(switch (e) {
                case RunEvent.Blocked b -> "block " + b.process() + " " + Thread.currentThread().threadId();
                case RunEvent.Deadlock d -> "deadlock " + Thread.currentThread().threadId();
                default -> e.getClass().getSimpleName();
            });
            try (Run r = new ConcurrentEngine().prepare(n.plan(), RunOptions.defaults().withSink(sink))) {
                r.start();
                assertThat(r.await(LIMIT).orElseThrow()).isInstanceOf(RunOutcome.Deadlocked.class);
            }
            assertThat(seen).filteredOn(x -> x.startsWith("block")).hasSize(2);
            String lastBlock = seen.get(seen.size() - 2);
            assertThat(lastBlock).startsWith("block ");
            assertThat(seen.getLast()).isEqualTo("deadlock " + lastBlock.substring(lastBlock.lastIndexOf(' ') + 1));
        }
    }

    @Test
    void anUnboundedChannelPastItsLimitFailsTheSenderWithItsLine() throws Exception {
        Nets n = net().process("w", "x = 0\nforever {\n  send out x\n  x = x + 1\n}").process("r", "sleep 100000\nif false { recv in }")
                .kind("q", ChannelKind.UNBOUNDED, 0, "w.out", "r.in");
        for (Engine engine : List.of(new ConcurrentEngine(), new DeterministicEngine())) {
            try (Run r = engine.prepare(n.plan(), RunOptions.defaults().withUnboundedLimit(1000))) {
                r.start();
                RunOutcome o = r.await(LIMIT).orElseThrow();
                assertThat(o).isInstanceOf(RunOutcome.ScriptFailed.class);
                RunOutcome.ScriptFailed f = (RunOutcome.ScriptFailed) o;
                assertThat(f.process()).isEqualTo("w");
                assertThat(f.line()).isEqualTo(3);
                assertThat(f.message()).contains("'q'").contains("1000");
            }
        }
    }

    @Test
    void aScriptErrorEndsTheRunAndLeavesNoProcessRunning() throws Exception {
        Nets n = net().process("bad", "sleep 5\nx = [1][3]").process("spin", "if false { send out 0 }\nforever { }")
                .process("wait", "recv in").rendezvous("c", "spin.out", "wait.in");
        try (Run r = new ConcurrentEngine().prepare(n.plan(), RunOptions.defaults())) {
            r.start();
            assertThat(r.await(LIMIT)).contains(new RunOutcome.ScriptFailed("bad", "bad", 2, 5,
                    "index 3 out of range for a list of 1"));
            assertThat(((ConcurrentRun) r).threads()).noneMatch(Thread::isAlive);
        }
    }

    @Test
    void timeoutEndsTheRun() throws Exception {
        Nets n = net().process("spin", "forever { }");
        for (Engine engine : List.of(new ConcurrentEngine(), new DeterministicEngine())) {
            try (Run r = engine.prepare(n.plan(), RunOptions.defaults().withTimeout(100))) {
                r.start();
                assertThat(r.await(LIMIT)).contains(new RunOutcome.TimedOut(100));
            }
        }
    }

    @Test
    void stepPacingReleasesExactlyOneTransferPerStep() throws Exception {
        Nets n = net().process("a", "forever { send out 1 }").process("b", "forever { recv in }")
                .rendezvous("c", "a.out", "b.in");
        for (Engine engine : List.of(new ConcurrentEngine(), new DeterministicEngine())) {
            EventQueue q = new EventQueue();
            Pacing pacing = new Pacing(new Pacing.Step());
            List<RunEvent> seen = new java.util.ArrayList<>();
            try (Run r = engine.prepare(n.plan(), RunOptions.defaults().withPacing(pacing).withSink(q))) {
                r.start();
                for (int step = 1; step <= 3; step++) {
                    pacing.step();
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (seen.stream().filter(e -> e instanceof RunEvent.Transfer).count() < step
                            && System.nanoTime() < deadline) {
                        q.drain(seen::add);
                        Thread.onSpinWait();
                    }
                }
                r.stop();
                r.await(LIMIT).orElseThrow();
            }
            q.drain(seen::add);
            assertThat(seen.stream().filter(e -> e instanceof RunEvent.Transfer).count()).as(engine.toString())
                    .isEqualTo(3);
        }
    }
}
