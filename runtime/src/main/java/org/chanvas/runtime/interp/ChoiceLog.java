package org.chanvas.runtime.interp;

import java.util.Arrays;
import org.chanvas.model.script.Pos;

/**
 * The {@code random} values chosen so far for the statement being run ({@link RandomMode#ASK}). Expressions
 * are evaluated by recursion, which cannot pause: so when a value is missing evaluation stops with
 * {@link Missing}, the engine chooses, and the statement runs again from its start with the chosen values
 * replayed in order. Evaluation changes nothing before its statement completes, so replaying is exact.
 */
final class ChoiceLog {

    private long[] values = new long[2];
    private int size;
    private int cursor;

    /** Evaluation needs the next value of {@code random(lo, hi)} at {@code pos}. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long lo;
        final long hi;
        final transient Pos pos;

        Missing(long lo, long hi, Pos pos) {
            super(null, null, false, false);
            this.lo = lo;
            this.hi = hi;
            this.pos = pos;
        }
    }

    /** The next value for this statement, or {@link Missing} when the engine must choose it first. */
    long next(long lo, long hi, Pos pos) {
        if (cursor < size) {
            return values[cursor++];
        }
        throw new Missing(lo, hi, pos);
    }

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** A statement starts (again): replay from the first value. */
    void rewind() {
        cursor = 0;
    }

    /** The statement completed: its values are used up. */
    void clear() {
        size = 0;
        cursor = 0;
    }

    ChoiceLog copy() {
        ChoiceLog c = new ChoiceLog();
        c.values = Arrays.copyOf(values, Math.max(2, size));
        c.size = size;
        c.cursor = cursor;
        return c;
    }

    void encode(ByteSink out) {
        out.writeVarLong(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(values[i]);
        }
    }
}
