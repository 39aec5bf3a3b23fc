package org.amicus.model;

/** The advice for one item, from most to least assistance. */
public enum Mode {
    FULL, CONDITIONAL, LIMITED, DEFER, DECLINE;

    /** Higher is more assistance: FULL = 4 ... DECLINE = 0. */
    public int rank() {
        return DECLINE.ordinal() - ordinal();
    }

    public boolean above(Mode other) {
        return rank() > other.rank();
    }

    /** The more cautious (less assistance) of two modes. */
    public static Mode cautious(Mode a, Mode b) {
        return a.rank() <= b.rank() ? a : b;
    }
}
