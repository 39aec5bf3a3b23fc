package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Tolerance implements Level {
    LOW(0),
    HIGH(1);

    private final int rank;

    Tolerance(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
