package org.amicus.model;

/**
 * A level of a factor. Ordered levels carry a rank (higher = friendlier to assistance,
 * as DOMAIN.md orders them); levels outside the order return {@link #UNORDERED}.
 */
public interface Level {
    int UNORDERED = -1;

    int rank();

    String name();
}
