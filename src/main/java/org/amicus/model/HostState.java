package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum HostState implements Level {
    OPPOSED(0),
    AMBIVALENT(1),
    UNABLE(2),
    SUPPORTIVE(2);

    private final int rank;

    HostState(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
