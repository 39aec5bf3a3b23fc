package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum LeaderPriority implements Level {
    PEACE_FIRST(0),
    JUSTICE_FIRST(0),
    BALANCED(1);

    private final int rank;

    LeaderPriority(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
