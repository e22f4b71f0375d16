package org.chanvas.runtime.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Numbers distinct byte strings in the order first seen. The explorer stores a global state as the numbers of
 * its processes' local states and its channels' contents (SPIN's collapse compression): a philosopher has a
 * handful of local states however many global states it takes part in, so each is written once here.
 */
final class Interner {

    private record Key(byte[] bytes, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final HashMap<Key, Integer> ids = new HashMap<>();
    private final List<byte[]> byId = new ArrayList<>();
    private long bytes;

    /** The number of these bytes (copied when new). */
    int intern(byte[] b) {
        Key k = new Key(b, Arrays.hashCode(b));
        Integer id = ids.get(k);
        if (id != null) {
            return id;
        }
        int n = byId.size();
        ids.put(k, n);
        byId.add(b);
        bytes += b.length;
        return n;
    }

    int size() {
        return byId.size();
    }

    /** Memory held, roughly: the bytes and a map entry each. */
    long footprint() {
        return bytes + 80L * byId.size();
    }
}
