package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.junit.jupiter.api.Test;

/**
 * stop() and close() end every process, even one that never communicates, and leave nothing behind. (How
 * quickly is a figure for the benchmarks; here each wait is bounded only so a broken build fails instead of
 * hanging.)
 */
class StopAndLeakTest {

    static final Nets BUSY = net()
            .process("spinner", "if false { send never 0 }\nx = 0\nforever { x = x + 1 }")
            .process("empty", "forever { }")
            .process("waiter", "recv in")
            .process("sleeper", "sleep 100000\nif false { recv in }")
            .process("writer", "forever { send out 1 }")
            .kind("c", ChannelKind.RENDEZVOUS, 0, "spinner.never", "waiter.in")
            .kind("d", ChannelKind.BUFFERED, 2, "writer.out", "sleeper.in");

    static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void stopEndsEveryProcess() throws Exception {
        for (Engine engine : List.of(new ConcurrentEngine(), new DeterministicEngine())) {
            Run r = engine.prepare(BUSY.plan(), RunOptions.defaults());
            r.start();
            assertThat(r.outcome()).isEmpty();
            r.stop();
            assertThat(r.await(LIMIT)).contains(new RunOutcome.Stopped());
            if (r instanceof ConcurrentRun cr) {
                assertThat(cr.threads()).noneMatch(Thread::isAlive);
            }
            r.close();
        }
    }

    @Test
    void stopEndsAPausedRun() throws Exception {
        Nets n = net().process("a", "forever { send out 1 }").process("b", "forever { recv in }")
                .rendezvous("c", "a.out", "b.in");
        for (Engine engine : List.of(new ConcurrentEngine(), new DeterministicEngine())) {
            Pacing pacing = new Pacing(new Pacing.Paused());
            Run r = engine.prepare(n.plan(), RunOptions.defaults().withPacing(pacing));
            r.start();
            r.stop();
            assertThat(r.await(LIMIT)).contains(new RunOutcome.Stopped());
            r.close();
        }
    }

    /**
     * Counts only the runs' own threads (each process's, and the concurrent run's timer thread), never the
     * JVM's: other tests, the JIT and the GC start and end threads of their own. A run whose thread lingered
     * would also be kept from the garbage collector by it, which the weak references see.
     */
    @Test
    void aThousandStartStopCyclesLeaveNoThreadNorRun() throws Exception {
        List<WeakReference<Run>> runs = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        var plan = BUSY.plan();
        for (int i = 0; i < 1000; i++) {
            Engine engine = i % 2 == 0 ? new ConcurrentEngine() : new DeterministicEngine();
            Run r = engine.prepare(plan, RunOptions.defaults().withSink(new EventQueue()));
            r.start();
            r.close();
            assertThat(r.outcome()).isPresent();
            if (r instanceof ConcurrentRun cr) {
                threads.addAll(cr.threads());
            }
            if (i % 10 == 0) {
                runs.add(new WeakReference<>(r));
            }
        }
        assertThat(threads).hasSize(500 * (plan.size() + 1)).noneMatch(Thread::isAlive);
        threads.clear();
        for (int attempt = 0; attempt < 50 && runs.stream().anyMatch(w -> w.get() != null); attempt++) {
            System.gc();
        }
        assertThat(runs).allMatch(w -> w.get() == null);
    }
}
