package org.chanvas.bench;

import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.DeterministicEngine;
import org.chanvas.runtime.engine.Engine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;

/**
 * Issue 14: a seeded run's cost per move must not grow with the network. Runs the same token ring on the
 * concurrent engine (unseeded) and the deterministic engine (seeded), alternating, and prints both times and
 * their ratio from the one run: {@code ... SeededRingSideBySide 100000 1000000 3} (processes, hops, rounds).
 */
public final class SeededRingSideBySide {

    private SeededRingSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long hops = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        RunPlan plan = RuntimeNetworks.tokenRing(size, hops);
        double[] unseeded = new double[rounds];
        double[] seeded = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            unseeded[i] = once(new ConcurrentEngine(), plan, RunOptions.defaults());
            seeded[i] = once(new DeterministicEngine(), plan, RunOptions.defaults().withSeed(i + 1));
            System.out.printf("round %d: unseeded %.0f ms, seeded %.0f ms%n", i + 1, unseeded[i], seeded[i]);
        }
        double u = RuntimeSideBySide.median(unseeded);
        double s = RuntimeSideBySide.median(seeded);
        System.out.printf("token ring %,d processes x %,d hops, start to end: unseeded %.0f ms, seeded %.0f ms "
                + "(%.2fx), medians of %d%n", size, hops, u, s, s / u, rounds);
    }

    /** Start to end in ms; the ring must end stuck (its first process stops, the next waits for ever). */
    static double once(Engine engine, RunPlan plan, RunOptions options) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        try (Run r = engine.prepare(plan, options)) {
            r.start();
            RunOutcome o = r.await();
            long t1 = System.nanoTime();
            if (!(o instanceof RunOutcome.Deadlocked d) || !d.diagnosis().stuck()) {
                throw new IllegalStateException("the ring should end stuck, got " + o);
            }
            return (t1 - t0) / 1e6;
        }
    }
}
