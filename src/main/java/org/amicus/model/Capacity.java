package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Capacity implements Level {
    NONE(0),
    LIMITED(1),
    ADEQUATE(2);

    private final int rank;

    Capacity(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
