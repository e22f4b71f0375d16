package org.chanvas.runtime.explore;

import java.util.Arrays;

/**
 * The visited set: each state's canonical bytes in a flat arena, in the order they were stored, an
 * open-addressing table over it, and per state its parent and the move that led to it, for the shortest path
 * back. No object per state: ten million states cost their bytes plus about 16 bytes of bookkeeping each (8
 * in the table, 8 for parent and move). A search reads states back in storage order ({@link Cursor}), so no
 * state needs its own offset.
 */
final class StateStore {

    private static final int CHUNK_BITS = 24;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private byte[][] chunks = new byte[1][];
    private long used;
    private int[] parents = new int[1 << 12];
    private int[] moves = new int[1 << 12];
    /** Bits of a slot that keep the state's hash; the others keep where its bytes start in the arena, plus 1. */
    private static final int HASH_BITS = 28;
    private static final long HASH_MASK = (1L << HASH_BITS) - 1;
    /** The table stops doubling here: its index takes the stored hash bits (beyond, probes get longer). */
    private static final int MAX_SLOTS = 1 << HASH_BITS;
    /**
     * Per slot: (arena offset + 1) in the high 36 bits and the state's hash in the low 28, 0 empty; one array,
     * so a probe costs one cache miss, and the arena is read straight from the slot (no state number to look
     * up first) only when the hashes match.
     */
    private long[] slots = new long[1 << 14];
    private int count;

    StateStore() {
        chunks[0] = new byte[1 << 16];
    }

    int size() {
        return count;
    }

    int parent(int id) {
        return parents[id];
    }

    int move(int id) {
        return moves[id];
    }

    /** Bytes held by the store itself (arena, table, per-state arrays). */
    long footprint() {
        long arena = 0;
        for (byte[] c : chunks) {
            arena += c == null ? 0 : c.length;
        }
        return arena + 8L * slots.length + 8L * parents.length;
    }

    /** Adds the bytes as a new state and returns its number, or returns -1 when they are already stored. */
    int add(byte[] b, int len, int parent, int move) {
        long h = hash(b, len) & HASH_MASK;
        int mask = slots.length - 1;
        int i = (int) h & mask;
        long e;
        while ((e = slots[i]) != 0) {
            if ((e & HASH_MASK) == h && same((e >>> HASH_BITS) - 1, b, len)) {
                return -1;
            }
            i = (i + 1) & mask;
        }
        if (count + 1 >= slots.length) {
            throw new IllegalStateException("the visited set is full at " + count + " states");
        }
        int id = count++;
        if (id == parents.length) {
            int n = parents.length * 2;
            parents = Arrays.copyOf(parents, n);
            moves = Arrays.copyOf(moves, n);
        }
        long at = append(b, len);
        parents[id] = parent;
        moves[id] = move;
        slots[i] = ((at + 1) << HASH_BITS) | h;
        if (count * 2L > slots.length && slots.length < MAX_SLOTS) {
            grow();
        }
        return id;
    }

    private long append(byte[] b, int len) {
        int need = len + 5;
        int chunk = (int) (used >>> CHUNK_BITS);
        int at = (int) (used & (CHUNK - 1));
        if (at + need > CHUNK) { // a state never straddles two chunks
            chunk++;
            at = 0;
            used = (long) chunk << CHUNK_BITS;
        }
        if (chunk >= chunks.length) {
            chunks = Arrays.copyOf(chunks, chunk + 1);
        }
        byte[] c = chunks[chunk];
        if (c == null || at + need > c.length) {
            int size = c == null ? 1 << 16 : c.length;
            while (size < at + need) {
                size *= 2;
            }
            size = Math.min(size, CHUNK);
            chunks[chunk] = c = c == null ? new byte[size] : Arrays.copyOf(c, size);
        }
        long start = used;
        int p = at;
        int v = len;
        while ((v & ~0x7F) != 0) {
            c[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        c[p++] = (byte) v;
        System.arraycopy(b, 0, c, p, len);
        used = ((long) chunk << CHUNK_BITS) + p + len;
        return start;
    }

    /** Where the next state stored will be (or the chunk after it, when it does not fit): a {@link Cursor}'s start. */
    long end() {
        return used;
    }

    /** Reads stored states one after another in the order they were stored, from a position {@link #end} gave. */
    final class Cursor {
        private long pos;
        /** The current state's bytes are {@code chunk[from, to)}. */
        byte[] chunk;
        int from;
        int to;

        Cursor(long pos) {
            this.pos = pos;
        }

        /** Moves to the next stored state. */
        void next() {
            int ci = (int) (pos >>> CHUNK_BITS);
            int p = (int) (pos & (CHUNK - 1));
            byte[] c = chunks[ci];
            // A state never straddles two chunks: past a chunk's last one (its unused tail is zeros, and a
            // length is at least 1) the next is at the start of the next chunk.
            if (p >= c.length || c[p] == 0) {
                c = chunks[++ci];
                p = 0;
            }
            int len = 0;
            int shift = 0;
            byte x;
            do {
                x = c[p++];
                len |= (x & 0x7F) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            chunk = c;
            from = p;
            to = p + len;
            pos = ((long) ci << CHUNK_BITS) + to;
        }
    }

    private boolean same(long off, byte[] b, int len) {
        byte[] c = chunks[(int) (off >>> CHUNK_BITS)];
        int p = (int) (off & (CHUNK - 1));
        int stored = 0;
        int shift = 0;
        byte x;
        do {
            x = c[p++];
            stored |= (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return stored == len && Arrays.equals(c, p, p + len, b, 0, len);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long e : old) {
            if (e != 0) {
                int i = (int) (e & HASH_MASK) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = e;
            }
        }
    }

    private static int hash(byte[] b, int len) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < len; i++) {
            h = (h ^ b[i]) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
