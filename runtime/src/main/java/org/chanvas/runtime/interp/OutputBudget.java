package org.chanvas.runtime.interp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a run may still print, shared by all its processes (one per run, never static): the concurrent
 * engine's threads charge it at once, so it is atomic.
 */
public final class OutputBudget {

    private final long limit;
    private final AtomicLong printed = new AtomicLong();

    public OutputBudget(long limit) {
        this.limit = limit;
    }

    /** A budget with no limit, for machines run alone. */
    public static OutputBudget unlimited() {
        return new OutputBudget(Long.MAX_VALUE);
    }

    public long limit() {
        return limit;
    }

    /** Bytes printed so far. */
    public long printed() {
        return printed.get();
    }

    /**
     * Sets the bytes printed so far, for a driver that goes back in a run's history: the moves it re-applies
     * from a checkpoint charge again what they printed, so the count must first return to the checkpoint's.
     */
    public void rewind(long printedSoFar) {
        if (printedSoFar < 0 || printedSoFar > limit) {
            throw new IllegalArgumentException("printed bytes out of range: " + printedSoFar);
        }
        printed.set(printedSoFar);
    }

    /** Counts {@code bytes} printed; false (and nothing counted) when they would pass the limit. */
    public boolean charge(long bytes) {
        while (true) {
            long now = printed.get();
            if (bytes > limit - now) {
                return false;
            }
            if (printed.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }
}
