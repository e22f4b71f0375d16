package org.chanvas.runtime.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The visited set keeps each state once, and gives them back in storage order across its arena's chunks. */
class StateStoreTest {

    private static byte[] state(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[4 + r.nextInt(200)]; // lengths of one and two varint bytes
        r.nextBytes(b);
        for (int k = 0; k < 4; k++) {
            b[k] = (byte) (seed >>> (8 * k)); // distinct states
        }
        return b;
    }

    @Test
    void statesComeBackInStorageOrderAcrossChunks() {
        StateStore store = new StateStore();
        int n = 400_000; // about 40 MB of bytes: three 16 MB chunks
        for (int i = 0; i < n; i++) {
            byte[] b = state(i);
            assertThat(store.add(b, b.length, i - 1, i % 7)).isEqualTo(i);
        }
        for (int i = 0; i < n; i += 997) {
            byte[] b = state(i);
            assertThat(store.add(b, b.length, 0, 0)).as("state %d again", i).isEqualTo(-1);
        }
        assertThat(store.size()).isEqualTo(n);
        StateStore.Cursor at = store.new Cursor(0);
        for (int i = 0; i < n; i++) {
            at.next();
            byte[] want = state(i);
            assertThat(Arrays.equals(at.chunk, at.from, at.to, want, 0, want.length)).as("state %d", i).isTrue();
            assertThat(store.parent(i)).isEqualTo(i - 1);
            assertThat(store.move(i)).isEqualTo(i % 7);
        }
    }
}
