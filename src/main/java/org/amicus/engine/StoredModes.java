package org.amicus.engine;

import static org.amicus.engine.Verifier.ITEMS;
import static org.amicus.engine.Verifier.NO_MODE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The comparisons of two situations' stored modes (one byte per item, {@link Verifier#ITEMS} in a row) that the
 * neighbour propositions make hundreds of millions of times. Almost every pair is in order, so each first compares eight
 * items at a time, as words (two overlapping words cover the eleven items), and looks at single items only when a word
 * says that one may be out of order.
 */
final class StoredModes {
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    static {
        if (ITEMS < 8) {
            throw new IllegalStateException("the stored modes of a situation are read as two overlapping words of eight");
        }
    }

    private StoredModes() {
    }

    /**
     * The items (of those in {@code items}, a bit mask) that {@code y} advises less than {@code x}: a higher mode
     * ordinal is less assistance. Items without a mode are left to proposition 12.
     */
    static int less(byte[] x, int xo, byte[] y, int yo, int items) {
        if ((above(word(x, xo), word(y, yo)) | above(word(x, xo + ITEMS - 8), word(y, yo + ITEMS - 8))) == 0) {
            return 0;
        }
        int mask = 0;
        for (int k = 0; k < ITEMS; k++) {
            byte a = x[xo + k];
            byte b = y[yo + k];
            if ((items & (1 << k)) != 0 && a != NO_MODE && b != NO_MODE && b > a) {
                mask |= 1 << k;
            }
        }
        return mask;
    }

    /** The items whose modes in the two situations are more than one mode apart (proposition 9). */
    static int apart(byte[] x, int xo, byte[] y, int yo) {
        long a0 = word(x, xo);
        long b0 = word(y, yo);
        long a1 = word(x, xo + ITEMS - 8);
        long b1 = word(y, yo + ITEMS - 8);
        if ((above(a0 + ONES, b0) | above(b0 + ONES, a0) | above(a1 + ONES, b1) | above(b1 + ONES, a1)) == 0) {
            return 0;
        }
        int mask = 0;
        for (int k = 0; k < ITEMS; k++) {
            byte a = x[xo + k];
            byte b = y[yo + k];
            if (a != NO_MODE && b != NO_MODE && Math.abs(a - b) > 1) {
                mask |= 1 << k;
            }
        }
        return mask;
    }

    private static long word(byte[] modes, int offset) {
        return (long) WORD.get(modes, offset);
    }

    /**
     * The high bit of each byte of the result is set where {@code b}'s byte is greater than {@code a}'s. Every byte is
     * a mode, at most {@link Verifier#NO_MODE} (plus one, for {@link #apart}), far below 128, so no byte's subtraction
     * borrows from the next.
     */
    private static long above(long a, long b) {
        return ~((a | HIGH_BITS) - b) & HIGH_BITS;
    }
}
