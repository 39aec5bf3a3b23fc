package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Warrant implements Level {
    NONE(-1),
    SEALED(-1),
    PUBLIC(-1);

    private final int rank;

    Warrant(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
