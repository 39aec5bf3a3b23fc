package org.amicus.engine;

/**
 * A walk over a mixed-radix lattice in reflected Gray-code order: each step changes one digit by one, so that a live
 * session changes one factor per step. Ranks count steps from 0; digit 0 is the most significant (changes least
 * often). Digit {@code i} runs forwards while the rank's prefix above it is even, backwards while it is odd.
 */
final class GrayWalk {
    private final int[] radix;
    /** suffix[i]: the product of the radices of digits i and below (suffix[n] = 1). */
    private final long[] suffix;
    private final int[] counter;
    private final int[] digits;
    private long rank;

    /** A walk that starts at {@code rank}. */
    GrayWalk(int[] radix, long rank) {
        this.radix = radix.clone();
        int n = radix.length;
        suffix = new long[n + 1];
        suffix[n] = 1;
        for (int i = n - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] * radix[i];
        }
        if (rank < 0 || rank >= suffix[0]) {
            throw new IllegalArgumentException("no rank " + rank + " in a walk of " + suffix[0]);
        }
        counter = new int[n];
        digits = new int[n];
        this.rank = rank;
        for (int i = 0; i < n; i++) {
            counter[i] = (int) (rank / suffix[i + 1] % radix[i]);
            digits[i] = digit(i);
        }
    }

    /** The number of points of the walk. */
    long size() {
        return suffix[0];
    }

    long rank() {
        return rank;
    }

    /** The current point's digits (do not change them). */
    int[] digits() {
        return digits;
    }

    /** Moves to the next rank; returns the digit that changed (its new value is {@code digits()[i]}), or -1 at the end. */
    int step() {
        if (rank + 1 >= suffix[0]) {
            return -1;
        }
        rank++;
        int i = radix.length - 1;
        while (++counter[i] == radix[i]) {
            counter[i] = 0;
            i--;
        }
        // Digits below i wrapped around in the counter, but in Gray order they stay where they were (their direction turns).
        digits[i] = digit(i);
        return i;
    }

    private int digit(int i) {
        boolean backwards = ((rank / suffix[i]) & 1) == 1;
        return backwards ? radix[i] - 1 - counter[i] : counter[i];
    }
}
