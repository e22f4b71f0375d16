package org.chanvas.runtime.semantics;

import java.util.Arrays;

/**
 * A set of small non-negative ints with O(1) add, remove and access by position, so a scheduler can draw a
 * member at random without scanning every process or channel.
 */
public final class IndexSet {

    private int[] items;
    private final int[] position;
    private int size;

    IndexSet(int universe) {
        items = new int[Math.min(Math.max(universe, 1), 16)];
        position = new int[universe];
        Arrays.fill(position, -1);
    }

    private IndexSet(IndexSet o) {
        items = o.items.clone();
        position = o.position.clone();
        size = o.size;
    }

    IndexSet copy() {
        return new IndexSet(this);
    }

    void add(int i) {
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
        return position[i] >= 0;
    }

    public int size() {
        return size;
    }

    /** The member at this position (0 ≤ at &lt; size); positions change as members come and go. */
    public int get(int at) {
        return items[at];
    }

    /** The members in increasing order. */
    public int[] sorted() {
        int[] out = Arrays.copyOf(items, size);
        Arrays.sort(out);
        return out;
    }
}
