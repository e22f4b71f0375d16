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

/** stop() and close() end every process quickly, even one that never communicates, and leave nothing behind. */
class StopAndLeakTest {

    static final Nets BUSY = net()
            .process("spinner", "if false { send never 0 }\nx = 0\nforever { x = x + 1 }")
            .process("empty", "forever { }")
            .process("waiter", "recv in")
            .process("sleeper", "sleep 100000\nif false { recv in }")
            .process("writer", "forever { send out 1 }")
            .kind("c", ChannelKind.RENDEZVOUS, 0, "spinner.never", "waiter.in")
            .kind("d", ChannelKind.BUFFERED, 2, "writer.out", "sleeper.in");

    @Test
    void stopEndsEveryProcessWithinOneSecond() throws Exception {
        for (Engine engine : List.of(new ConcurrentEngine(), new DeterministicEngine())) {
            Run r = engine.prepare(BUSY.plan(), RunOptions.defaults());
            r.start();
            assertThat(r.outcome()).isEmpty();
            long t0 = System.nanoTime();
            r.stop();
            assertThat(r.await(Duration.ofSeconds(1))).contains(new RunOutcome.Stopped());
            assertThat(System.nanoTime() - t0).isLessThan(1_000_000_000L);
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
            assertThat(r.await(Duration.ofSeconds(1))).contains(new RunOutcome.Stopped());
            r.close();
        }
    }

    @Test
    void aThousandStartStopCyclesLeaveNoThreadNorRun() throws Exception {
        int platformThreadsBefore = Thread.activeCount();
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
            if (i % 100 == 0) {
                runs.add(new WeakReference<>(r));
            }
        }
        assertThat(threads).hasSize(500 * 5).noneMatch(Thread::isAlive);
        threads.clear();
        for (int attempt = 0; attempt < 50 && runs.stream().anyMatch(w -> w.get() != null); attempt++) {
            System.gc();
        }
        assertThat(runs).allMatch(w -> w.get() == null);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(platformThreadsBefore + 2);
    }
}
