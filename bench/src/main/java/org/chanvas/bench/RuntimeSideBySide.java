package org.chanvas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;

/**
 * Side-by-side harness: each figure next to the SynchronousQueue ping-pong baseline measured in the same JVM,
 * plus the token rings (create time, time per hop, peak heap). Run by hand:
 * {@code java -Xmx4g -cp 'bench/target/classes:bench/target/lib/*' org.chanvas.bench.RuntimeSideBySide [SIZE HOPS]},
 * or {@code ... RuntimeSideBySide ring 1000000 2000000} for one big ring alone.
 */
public final class RuntimeSideBySide {

    private RuntimeSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("ring")) { // a single big ring, e.g. `ring 1000000 2000000`
            int size = Integer.parseInt(args[1]);
            long hops = Long.parseLong(args[2]);
            long[] t = ringOnce(size, hops);
            System.out.printf("token ring %,d processes x %,d hops in a %.0f MB heap: plan+create %.0f ms, run %.0f ms "
                            + "(%.0f ns/hop incl. start and stop), peak heap %.0f MB%n", size, hops,
                    Runtime.getRuntime().maxMemory() / 1e6, t[0] / 1e6, t[1] / 1e6, t[1] / (double) hops,
                    peakHeap() / 1e6);
            return;
        }
        int ringSize = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long hops = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        RuntimeChannelBenchmark channels = new RuntimeChannelBenchmark();
        int rounds = RuntimeChannelBenchmark.ROUNDS;
        double sq = median(7, () -> channels.pingPongSynchronousQueue(), rounds);
        double pc = median(7, () -> channels.pingPongParkingChannel(), rounds);
        double sel = median(7, () -> channels.fairSelectOverFourProducers(), rounds);
        int cycles = 20_000;
        RunPlan comms = RuntimeNetworks.commsTime(cycles);
        double ct = median(7, () -> runToEnd(comms), cycles);
        System.out.printf("baseline SynchronousQueue ping-pong (virtual threads): %8.0f ns/round trip%n", sq);
        System.out.printf("ParkingChannel rendezvous ping-pong:                   %8.0f ns/round trip  (%.2fx baseline)%n",
                pc, pc / sq);
        System.out.printf("fair select over 4 producers:                          %8.0f ns/message     (%.2fx baseline)%n",
                sel, sel / sq);
        System.out.printf("CommsTime as scripts, concurrent engine:               %8.0f ns/cycle       (%.2fx baseline)%n",
                ct, ct / sq);
        ring(ringSize, hops, sq);
    }

    interface Body {
        void run() throws Exception;
    }

    static void runToEnd(RunPlan plan) throws InterruptedException {
        try (Run r = new ConcurrentEngine().prepare(plan, RunOptions.defaults())) {
            r.start();
            RunOutcome o = r.await();
            if (!(o instanceof RunOutcome.Deadlocked || o instanceof RunOutcome.Finished)) {
                throw new IllegalStateException("unexpected outcome " + o);
            }
        }
    }

    /** Median over {@code reps} runs after two warm-ups, in ns per operation. */
    static double median(int reps, Body body, int opsPerRun) throws Exception {
        body.run();
        body.run();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            body.run();
            t[i] = (System.nanoTime() - t0) / (double) opsPerRun;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    /**
     * Runs the ring twice: one lap (creating, starting, one lap, diagnosing the stuck end, stopping) and the
     * full number of hops; the difference over the extra hops is the time per hop without the fixed costs.
     */
    static void ring(int size, long hops, double baseline) throws Exception {
        long[] lap = ringOnce(size, size);
        long[] full = ringOnce(size, hops);
        double perHop = (full[1] - lap[1]) / (double) (hops - size);
        long peak = peakHeap();
        System.out.printf("token ring %,d processes x %,d hops: plan+create %.0f ms, one lap incl. start and stop "
                        + "%.0f ms, full run %.0f ms, %.0f ns/hop (%.2fx baseline), peak heap %.0f MB of max %.0f MB%n",
                size, hops, full[0] / 1e6, lap[1] / 1e6, full[1] / 1e6, perHop, perHop / baseline, peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** {plan+prepare ns, start-to-end ns}. */
    static long[] ringOnce(int size, long hops) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        RunPlan plan = RuntimeNetworks.tokenRing(size, hops);
        long t1;
        long t2;
        try (Run r = new ConcurrentEngine().prepare(plan, RunOptions.defaults())) {
            t1 = System.nanoTime();
            r.start();
            RunOutcome o = r.await();
            t2 = System.nanoTime();
            if (!(o instanceof RunOutcome.Deadlocked d) || !d.diagnosis().stuck()) {
                throw new IllegalStateException("the ring should end stuck, got " + o.getClass().getSimpleName());
            }
        }
        return new long[] {t1 - t0, t2 - t1};
    }
}
