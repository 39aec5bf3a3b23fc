package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum ProsecutionScope implements Level {
    ONE_SIDED(0),
    ALL_SIDES(1);

    private final int rank;

    ProsecutionScope(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
