package org.chanvas.runtime.semantics;

import java.util.Arrays;

/**
 * A set of small non-negative ints with O(1) add, remove and access by position, so a scheduler can draw a
 * member at random without scanning every process or channel. A universe of up to 127 keeps its arrays in
 * bytes: a search copies the set with nearly every state.
 */
public final class IndexSet {

    private int[] items;
    private final int[] position;
    /** Universe ≤ 127: items and positions as bytes (position -1 absent); the int arrays are then null. */
    private byte[] smallItems;
    private final byte[] smallPosition;
    private int size;

    IndexSet(int universe) {
        if (universe <= Byte.MAX_VALUE) {
            items = null;
            position = null;
            smallItems = new byte[Math.max(universe, 1)];
            smallPosition = new byte[Math.max(universe, 1)];
            Arrays.fill(smallPosition, (byte) -1);
        } else {
            items = new int[16];
            position = new int[universe];
            Arrays.fill(position, -1);
            smallItems = null;
            smallPosition = null;
        }
    }

    private IndexSet(IndexSet o) {
        items = o.items == null ? null : o.items.clone();
        position = o.position == null ? null : o.position.clone();
        smallItems = o.smallItems == null ? null : o.smallItems.clone();
        smallPosition = o.smallPosition == null ? null : o.smallPosition.clone();
        size = o.size;
    }

    IndexSet copy() {
        return new IndexSet(this);
    }

    void add(int i) {
        if (position == null) {
            if (smallPosition[i] >= 0) {
                return;
            }
            smallPosition[i] = (byte) size;
            smallItems[size++] = (byte) i;
            return;
        }
        if (position[i] >= 0) {
            return;
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.min(position.length, size * 2));
        }
        position[i] = size;
        items[size++] = i;
    }

    void remove(int i) {
        if (position == null) {
            int at = smallPosition[i];
            if (at < 0) {
                return;
            }
            int last = smallItems[--size];
            smallItems[at] = (byte) last;
            smallPosition[last] = (byte) at;
            smallPosition[i] = -1;
            return;
        }
        int at = position[i];
        if (at < 0) {
            return;
        }
        int last = items[--size];
        items[at] = last;
        position[last] = at;
        position[i] = -1;
    }

    void set(int i, boolean member) {
        if (member) {
            add(i);
        } else {
            remove(i);
        }
    }

    public boolean contains(int i) {
        return position == null ? smallPosition[i] >= 0 : position[i] >= 0;
    }

    public int size() {
        return size;
    }

    /** The member at this position (0 ≤ at &lt; size); positions change as members come and go. */
    public int get(int at) {
        return position == null ? smallItems[at] : items[at];
    }

    /** The members in increasing order. */
    public int[] sorted() {
        if (position == null) {
            int[] out = new int[size];
            for (int k = 0; k < size; k++) {
                out[k] = smallItems[k];
            }
            Arrays.sort(out);
            return out;
        }
        int[] out = Arrays.copyOf(items, size);
        Arrays.sort(out);
        return out;
    }
}
