package org.chanvas.model.analysis;

import java.util.Arrays;

/**
 * Numbers distinct (int, string) pairs 0, 1, 2, ... in the order they are first added, and finds a pair's
 * number again. Validation looks up every channel end of a network this way (a process's port is the pair
 * of the process's number and the port's name): one flat open-addressing table costs a lookup about one
 * cache miss, where nested hash maps with their nodes and boxed values cost several, which on a
 * 40,000-channel network was most of the analysis time. Not thread-safe.
 */
final class PairIndex {

    /** Pair number + 1 in each cell; 0 for an empty cell. Its length is a power of two. */
    private int[] table;
    private int[] numbers;
    private String[] names;
    private int size;

    /** An index sized for about {@code expected} pairs; it grows when more come. */
    PairIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        table = new int[capacity];
        numbers = new int[Math.max(4, expected)];
        names = new String[numbers.length];
    }

    /** How many pairs there are. */
    int size() {
        return size;
    }

    /** The int of pair {@code k}. */
    int number(int k) {
        return numbers[k];
    }

    /** The string of pair {@code k}. */
    String name(int k) {
        return names[k];
    }

    /** The number of the pair, or -1 if it was never added. */
    int find(int number, String name) {
        int mask = table.length - 1;
        for (int cell = hash(number, name) & mask; ; cell = (cell + 1) & mask) {
            int k = table[cell] - 1;
            if (k < 0) {
                return -1;
            }
            if (numbers[k] == number && names[k].equals(name)) {
                return k;
            }
        }
    }

    /** The number of the pair, added as the next number if it is new. */
    int add(int number, String name) {
        int mask = table.length - 1;
        int cell = hash(number, name) & mask;
        for (; ; cell = (cell + 1) & mask) {
            int k = table[cell] - 1;
            if (k < 0) {
                break;
            }
            if (numbers[k] == number && names[k].equals(name)) {
                return k;
            }
        }
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
            names = Arrays.copyOf(names, size * 2);
        }
        numbers[size] = number;
        names[size] = name;
        table[cell] = ++size;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int k = 0; k < size; k++) {
            int cell = hash(numbers[k], names[k]) & mask;
            while (bigger[cell] != 0) {
                cell = (cell + 1) & mask;
            }
            bigger[cell] = k + 1;
        }
        table = bigger;
    }

    /** Mixes both parts, so linear probing sees no runs from similar names like {@code o1}, {@code o2}. */
    private static int hash(int number, String name) {
        int h = name.hashCode() * 0x9E3779B9 + number * 0x85EBCA6B;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        return h ^ (h >>> 16);
    }
}
