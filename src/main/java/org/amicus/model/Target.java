package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Target implements Level {
    HEAD_OF_STATE(0),
    GOVERNMENT_AGENT(1),
    PEACE_PROCESS_PARTY(2),
    ARMED_GROUP(3),
    SPOILER(4),
    NONE(-1),
    FORMER_OFFICIAL(-1);

    private final int rank;

    Target(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
