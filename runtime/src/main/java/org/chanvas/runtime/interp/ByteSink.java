package org.chanvas.runtime.interp;

import java.util.Arrays;

/**
 * A growable byte buffer for canonical state encodings: variable-length integers and length-prefixed strings,
 * so that the concatenation of encodings is unambiguous and two encodings are equal iff their contents are.
 */
public final class ByteSink {

    private byte[] bytes;
    private int size;

    public ByteSink() {
        this(64);
    }

    public ByteSink(int capacity) {
        this.bytes = new byte[Math.max(8, capacity)];
    }

    public void writeByte(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    /** An unsigned LEB128 number; negative values take ten bytes (use {@link #writeLong} for signed). */
    public void writeVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeByte((int) v);
    }

    /** A signed number, zig-zag encoded so small negative numbers stay short. */
    public void writeLong(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    /** The UTF-16 units of {@code s}, length first (lossless, unlike UTF-8 for unpaired surrogates). */
    public void writeString(String s) {
        writeVarLong(s.length());
        for (int i = 0; i < s.length(); i++) {
            writeVarLong(s.charAt(i));
        }
    }

    /**
     * A script value with a type tag (0 int, 1 string, 2 false, 3 true, 4 list with its length, items
     * following). Iterative, so a deeply nested list cannot overflow the stack.
     */
    public void writeValue(Object value) {
        java.util.ArrayDeque<java.util.Iterator<?>> open = new java.util.ArrayDeque<>();
        Object v = value;
        while (true) {
            switch (v) {
                case Long l -> {
                    writeByte(0);
                    writeLong(l);
                }
                case String str -> {
                    writeByte(1);
                    writeString(str);
                }
                case Boolean b -> writeByte(b ? 3 : 2);
                case java.util.List<?> l -> {
                    writeByte(4);
                    writeVarLong(l.size());
                    open.push(l.iterator());
                }
                case null -> writeByte(5);
                default -> throw new IllegalArgumentException("not a script value: " + v.getClass().getName());
            }
            while (!open.isEmpty() && !open.peek().hasNext()) {
                open.pop();
            }
            if (open.isEmpty()) {
                return;
            }
            v = open.peek().next();
        }
    }

    public int size() {
        return size;
    }

    /** Empties the buffer, keeping its capacity, for the next encoding. */
    public void reset() {
        size = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
