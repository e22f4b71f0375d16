package org.chanvas.runtime.interp;

/**
 * What one run's scripts may build and print, so hostile or runaway scripts end with a script error naming
 * the process, line and column instead of exhausting memory, the stack or the terminal (issue 9).
 *
 * @param maxStringLength characters (Unicode code points) in one string
 * @param maxListLength items in one list
 * @param maxDepth levels of list nesting in one value ({@code [[1]]} is 2)
 * @param maxValueSize items in one value counted through every level, a shared sublist each time it appears
 * @param maxPrintedBytes bytes (UTF-8) that all processes of a run may print together
 * @param maxSleepMillis the longest {@code sleep} or {@code after}: longer than a run could sensibly wait
 */
public record Limits(int maxStringLength, int maxListLength, int maxDepth, long maxValueSize, long maxPrintedBytes,
                     long maxSleepMillis) {

    /** 2^31 − 1 ms, about 24.8 days: no run waits longer, and it fits every timer API. */
    public static final long MAX_SLEEP_MILLIS = Integer.MAX_VALUE;

    public Limits {
        if (maxStringLength < 1 || maxListLength < 1 || maxDepth < 1 || maxValueSize < 1 || maxPrintedBytes < 0
                || maxSleepMillis < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * A million characters in a string, a million items in a list or in a whole value, 200 levels of nesting,
     * 8 MiB printed per run (some 400,000 lines), sleeps up to {@link #MAX_SLEEP_MILLIS}.
     */
    public static Limits defaults() {
        return new Limits(1_000_000, 1_000_000, 200, 1_000_000, 8L << 20, MAX_SLEEP_MILLIS);
    }

    public Limits withMaxStringLength(int n) {
        return new Limits(n, maxListLength, maxDepth, maxValueSize, maxPrintedBytes, maxSleepMillis);
    }

    public Limits withMaxListLength(int n) {
        return new Limits(maxStringLength, n, maxDepth, maxValueSize, maxPrintedBytes, maxSleepMillis);
    }

    public Limits withMaxDepth(int n) {
        return new Limits(maxStringLength, maxListLength, n, maxValueSize, maxPrintedBytes, maxSleepMillis);
    }

    public Limits withMaxValueSize(long n) {
        return new Limits(maxStringLength, maxListLength, maxDepth, n, maxPrintedBytes, maxSleepMillis);
    }

    public Limits withMaxPrintedBytes(long n) {
        return new Limits(maxStringLength, maxListLength, maxDepth, maxValueSize, n, maxSleepMillis);
    }

    public Limits withMaxSleepMillis(long n) {
        return new Limits(maxStringLength, maxListLength, maxDepth, maxValueSize, maxPrintedBytes, n);
    }
}
