package org.chanvas.model.script;

import java.util.Arrays;

/** Turns source offsets into 1-based line and column; {@code \n}, {@code \r\n} and {@code \r} all end a line. */
final class LineMap {

    private final int[] lineStarts;
    private final int length;

    LineMap(String source) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            boolean ends = c == '\n' || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'));
            if (ends) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.length = source.length();
    }

    /** The position of {@code offset}, clamped into {@code [0, length]} (the place after the last character). */
    Pos pos(int offset) {
        int o = Math.clamp(offset, 0, length);
        int idx = Arrays.binarySearch(lineStarts, o);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Pos(line + 1, o - lineStarts[line] + 1);
    }

    int sourceLength() {
        return length;
    }
}
