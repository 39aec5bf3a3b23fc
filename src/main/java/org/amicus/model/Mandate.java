package org.amicus.model;

/** Levels of a factor, see DOMAIN.md; ranks follow its order (-1 = outside the order). */
public enum Mandate implements Level {
    NONE(0),
    IMPUNITY_GENERAL(1),
    ICC_SUPPORT(2),
    ARREST_AUTHORITY(3);

    private final int rank;

    Mandate(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }
}
