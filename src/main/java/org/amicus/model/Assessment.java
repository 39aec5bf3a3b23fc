package org.amicus.model;

import java.util.List;

/**
 * What the scenario says of one factor: a level, a list of levels ("one of these, we are not
 * sure"), UNKNOWN, or nothing (left out, also unknown). {@link #candidates()} lists the levels
 * the advice must consider.
 */
public record Assessment(Kind kind, List<Level> candidates) {
    public enum Kind { GIVEN, LIST, UNKNOWN, OMITTED }

    public Assessment {
        candidates = List.copyOf(candidates);
    }

    public static Assessment given(Level level) {
        return new Assessment(Kind.GIVEN, List.of(level));
    }

    public static Assessment unknown(Factor factor, boolean omitted) {
        return new Assessment(omitted ? Kind.OMITTED : Kind.UNKNOWN, factor.levels());
    }

    public boolean isCertain() {
        return candidates.size() == 1;
    }

    /** As a scenario file would write it: "HIGH", ["LOW", "HIGH"], or "UNKNOWN". */
    public Object asWritten() {
        return switch (kind) {
            case GIVEN -> candidates.get(0).name();
            case LIST -> candidates.stream().map(Level::name).toList();
            case UNKNOWN, OMITTED -> Factor.UNKNOWN;
        };
    }
}
