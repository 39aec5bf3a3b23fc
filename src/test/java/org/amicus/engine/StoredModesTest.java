package org.amicus.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The word-at-a-time comparisons of stored modes give exactly the item-by-item answer. */
class StoredModesTest {
    static final int ITEMS = Verifier.ITEMS;
    static final byte NO_MODE = Verifier.NO_MODE;

    @Test
    @DisplayName("less and apart agree with the item-by-item definitions over 200,000 generated pairs")
    void wordsAgreeWithItems() {
        SplittableRandom random = new SplittableRandom(11);
        int outOfOrder = 0;
        int farApart = 0;
        for (int n = 0; n < 200_000; n++) {
            // Two situations at random places of one array, as in the lattice's store: mostly a pair in order (the
            // second item by item the same or one mode more assistance, now and then two modes less), sometimes
            // anything at all (NO_MODE included).
            int xo = random.nextInt(4) * ITEMS;
            int yo = (xo + ITEMS * (1 + random.nextInt(3))) % (4 * ITEMS);
            byte[] store = new byte[4 * ITEMS];
            boolean wild = random.nextInt(4) == 0;
            for (int k = 0; k < ITEMS; k++) {
                int a = random.nextInt(NO_MODE + 1);
                int nudged = Math.max(0, Math.min(NO_MODE - 1, a - random.nextInt(2) + (random.nextInt(16) == 0 ? 2 : 0)));
                store[xo + k] = (byte) a;
                store[yo + k] = (byte) (wild ? random.nextInt(NO_MODE + 1) : nudged);
            }
            int items = random.nextInt(1 << ITEMS);
            int less = StoredModes.less(store, xo, store, yo, items);
            assertThat(less).as("less, pair %d", n).isEqualTo(lessByItem(store, xo, store, yo, items));
            int apart = StoredModes.apart(store, xo, store, yo);
            assertThat(apart).as("apart, pair %d", n).isEqualTo(apartByItem(store, xo, store, yo));
            outOfOrder += less != 0 ? 1 : 0;
            farApart += apart != 0 ? 1 : 0;
        }
        // Both answers occur often, so both paths (the words' shortcut and the items') were taken.
        assertThat(outOfOrder).isBetween(10_000, 190_000);
        assertThat(farApart).isBetween(10_000, 190_000);
    }

    @Test
    @DisplayName("a single item out of order, at any position, is found; items without a mode are left out")
    void eachPosition() {
        for (int k = 0; k < ITEMS; k++) {
            byte[] x = new byte[ITEMS];
            byte[] y = new byte[ITEMS];
            y[k] = 2;
            assertThat(StoredModes.less(x, 0, y, 0, (1 << ITEMS) - 1)).isEqualTo(1 << k);
            assertThat(StoredModes.less(y, 0, x, 0, (1 << ITEMS) - 1)).isZero();
            assertThat(StoredModes.apart(x, 0, y, 0)).isEqualTo(1 << k);
            y[k] = 1;
            assertThat(StoredModes.apart(x, 0, y, 0)).isZero();
            y[k] = NO_MODE;
            assertThat(StoredModes.less(x, 0, y, 0, (1 << ITEMS) - 1)).isZero();
            assertThat(StoredModes.apart(x, 0, y, 0)).isZero();
        }
    }

    /** The definition, item by item: the items of the mask that have a mode in both and less assistance in y. */
    private static int lessByItem(byte[] x, int xo, byte[] y, int yo, int items) {
        return IntStream.range(0, ITEMS)
                .filter(k -> (items >> k & 1) == 1 && x[xo + k] != NO_MODE && y[yo + k] != NO_MODE && y[yo + k] > x[xo + k])
                .map(k -> 1 << k).sum();
    }

    /** The definition, item by item: the items with a mode in both, more than one mode apart. */
    private static int apartByItem(byte[] x, int xo, byte[] y, int yo) {
        return IntStream.range(0, ITEMS)
                .filter(k -> x[xo + k] != NO_MODE && y[yo + k] != NO_MODE && Math.abs(x[xo + k] - y[yo + k]) > 1)
                .map(k -> 1 << k).sum();
    }
}
