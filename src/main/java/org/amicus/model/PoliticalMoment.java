package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum PoliticalMoment implements Level {
    PEACE_TALKS(-1),
    TRANSITION(-1),
    ELECTIONS(-1),
    CRISIS(-1),
    ROUTINE(-1);

    private final int rank;

    PoliticalMoment(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
