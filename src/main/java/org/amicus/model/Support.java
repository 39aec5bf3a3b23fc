package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Support implements Level {
    LOW(0),
    MODERATE(1),
    HIGH(2);

    private final int rank;

    Support(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
