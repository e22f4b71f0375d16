package org.chanvas.runtime.interp;

/**
 * A tiny seeded generator (SplitMix64) whose whole state is one long, so a machine copies it for free and
 * the same seed gives the same {@code random} numbers in every engine.
 */
final class SplitMix {

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    SplitMix copy() {
        return new SplitMix(state);
    }

    /** The whole state, for canonical encodings. */
    long state() {
        return state;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [lo, hi], both inclusive; lo ≤ hi. */
    long between(long lo, long hi) {
        long span = hi - lo + 1;
        if (span <= 0) { // the whole long range, or more than half of it
            long r;
            do {
                r = nextLong();
            } while (r < lo || r > hi);
            return r;
        }
        return lo + Math.floorMod(nextLong(), span);
    }
}
