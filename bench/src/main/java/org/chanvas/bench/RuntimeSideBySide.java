package org.chanvas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;

/**
 * Side-by-side harness: each figure next to the SynchronousQueue ping-pong baseline measured in the same JVM,
 * for each carrier count (default: the JVM's, then one), plus the token rings (create time, time per hop, peak
 * heap). Run by hand:
 * {@code java -Xmx4g -cp 'bench/target/classes:bench/target/lib/*' org.chanvas.bench.RuntimeSideBySide [SIZE HOPS [2,1]]},
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
        VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        int[] carriers = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {scheduler.getParallelism(), 1};
        RuntimeChannelBenchmark channels = new RuntimeChannelBenchmark();
        int rounds = RuntimeChannelBenchmark.ROUNDS;
        int cycles = 20_000;
        RunPlan comms = RuntimeNetworks.commsTime(cycles);
        String[] names = {"sq", "pc", "sel", "ct"};
        Body[] bodies = {channels::pingPongSynchronousQueue, channels::pingPongParkingChannel,
                channels::fairSelectOverFourProducers, () -> runToEnd(comms)};
        int[] ops = {rounds, rounds, rounds, cycles};
        // Rounds alternate between the carrier counts, so a change in the machine's load (on a virtual machine it
        // comes and goes within minutes) touches every configuration alike.
        int reps = 9;
        double[][][] t = new double[carriers.length][names.length][reps];
        for (int rep = -2; rep < reps; rep++) {
            for (int c = 0; c < carriers.length; c++) {
                scheduler.setParallelism(carriers[c]);
                for (int b = 0; b < names.length; b++) {
                    long t0 = System.nanoTime();
                    bodies[b].run();
                    if (rep >= 0) {
                        t[c][b][rep] = (System.nanoTime() - t0) / (double) ops[b];
                    }
                }
            }
        }
        for (int c = 0; c < carriers.length; c++) {
            scheduler.setParallelism(carriers[c]);
            double sq = median(t[c][0]);
            double pc = median(t[c][1]);
            double sel = median(t[c][2]);
            double ct = median(t[c][3]);
            System.out.printf("== %d carrier(s), medians of %d alternating rounds%n", carriers[c], reps);
            System.out.printf("baseline SynchronousQueue ping-pong (virtual threads): %8.0f ns/round trip%n", sq);
            System.out.printf("ParkingChannel rendezvous ping-pong:                   %8.0f ns/round trip  (%.2fx baseline)%n",
                    pc, pc / sq);
            System.out.printf("fair select over 4 producers:                          %8.0f ns/message     (%.2fx baseline)%n",
                    sel, sel / sq);
            System.out.printf("CommsTime as scripts, concurrent engine:               %8.0f ns/cycle       (%.2fx baseline)%n",
                    ct, ct / sq);
            ring(ringSize, hops, sq);
        }
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

    static double median(double[] t) {
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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
