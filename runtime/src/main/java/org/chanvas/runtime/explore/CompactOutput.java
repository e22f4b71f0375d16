package org.chanvas.runtime.explore;

import java.io.DataOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link DataOutput} into a reusable byte array that writes numbers as zig-zag varints: a machine's
 * canonical encoding is mostly small counters and positions, and one byte each keeps the visited set small.
 * The bytes are only ever compared with bytes written the same way, so the format is ours to choose.
 */
final class CompactOutput implements DataOutput {

    byte[] buf = new byte[256];
    int size;

    void reset() {
        size = 0;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    void varint(long v) {
        long z = (v << 1) ^ (v >> 63);
        ensure(10);
        while ((z & ~0x7FL) != 0) {
            buf[size++] = (byte) ((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        buf[size++] = (byte) z;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        varint(v);
    }

    @Override
    public void writeChar(int v) {
        varint(v);
    }

    @Override
    public void writeInt(int v) {
        varint(v);
    }

    @Override
    public void writeLong(long v) {
        varint(v);
    }

    @Override
    public void writeFloat(float v) {
        varint(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        varint(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        writeUTF(s);
    }

    @Override
    public void writeChars(String s) {
        writeUTF(s);
    }

    @Override
    public void writeUTF(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        write(b);
    }
}
