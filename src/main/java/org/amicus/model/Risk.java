package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Risk implements Level {
    HIGH(0),
    MODERATE(1),
    LOW(2);

    private final int rank;

    Risk(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
