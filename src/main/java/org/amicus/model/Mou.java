package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Mou implements Level {
    NONE(0),
    IN_FORCE(1);

    private final int rank;

    Mou(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
