package org.chanvas.runtime.value;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list value that knows its nesting depth, its total size counted through nesting (shared
 * sublists counted each time they appear) and its hash, all computed once from its items. So limits are
 * checked in time proportional to the items of the new list, and {@code l = [l, l]} repeated cannot make
 * hashing exponential. Equal to any {@link List} with equal items, as the List contract says.
 */
public final class ScriptList extends AbstractList<Object> implements RandomAccess {

    private static final ScriptList EMPTY = new ScriptList(new Object[0]);

    private final Object[] items;
    private final int depth;
    private final long weight;
    private final int hash;

    private ScriptList(Object[] items) {
        this.items = items;
        int d = 0;
        long w = items.length;
        int h = 1;
        for (Object item : items) {
            if (item == null) {
                throw new NullPointerException("a list holds values only");
            }
            d = Math.max(d, Values.depth(item));
            w = saturatedAdd(w, Values.weight(item));
            h = 31 * h + Values.hash(item);
        }
        this.depth = d + 1;
        this.weight = w;
        this.hash = h;
    }

    /** A list of these items (copied). */
    public static ScriptList of(List<?> items) {
        if (items instanceof ScriptList s) {
            return s;
        }
        return items.isEmpty() ? EMPTY : new ScriptList(items.toArray());
    }

    /** A list of these items; the array is copied. */
    public static ScriptList of(Object... items) {
        return items.length == 0 ? EMPTY : new ScriptList(items.clone());
    }

    /** Takes the array without copying it: the caller gives it up. */
    static ScriptList owning(Object[] items) {
        return items.length == 0 ? EMPTY : new ScriptList(items);
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** Levels of list nesting: 1 for a list of plain values. */
    public int depth() {
        return depth;
    }

    /** Items counted through every level of nesting, each appearance of a shared sublist counted again. */
    public long weight() {
        return weight;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof List<?> && Values.equal(this, o);
    }

    @Override
    public String toString() {
        return Values.literal(this);
    }
}
