package org.amicus.model;

import java.util.List;

/** The factors of a situation, with their levels in DOMAIN.md's order. */
public enum Factor {
    MANDATE("mandate", Mandate.values(), false),
    INTERNATIONAL_SUPPORT("internationalSupport", Support.values(), false),
    HOST_STATE("hostState", HostState.values(), false),
    STABILITY_RISK("stabilityRisk", Risk.values(), false),
    LEGITIMACY_RISK("legitimacyRisk", Risk.values(), false),
    FORCE_PROTECTION_RISK("forceProtectionRisk", Risk.values(), false),
    CAPACITY("capacity", Capacity.values(), false),
    TARGET("target", Target.values(), false),
    PROSECUTION_SCOPE("prosecutionScope", ProsecutionScope.values(), false),
    POLITICAL_MOMENT("politicalMoment", PoliticalMoment.values(), false),
    WARRANT("warrant", Warrant.values(), false),
    MOU("mou", Mou.values(), false),
    LEADER_RISK_TOLERANCE("leaderRiskTolerance", Tolerance.values(), true),
    LEADER_PRIORITY("leaderPriority", LeaderPriority.values(), true),
    LEADER_CONFIDENCE_IN_ICC("leaderConfidenceInIcc", Confidence.values(), true);

    public static final String UNKNOWN = "UNKNOWN";
    private static final Factor[] ALL = values();

    private final String key;
    private final List<Level> levels;
    private final boolean leadership;

    Factor(String key, Level[] levels, boolean leadership) {
        this.key = key;
        this.levels = List.of(levels);
        this.leadership = leadership;
    }

    /** The name used in scenario files and reports, e.g. {@code hostState}. */
    public String key() {
        return key;
    }

    public List<Level> levels() {
        return levels;
    }

    /** Leadership factors are secondary: one alone never moves advice by more than one mode. */
    public boolean isLeadership() {
        return leadership;
    }

    /** True when some levels are ordered (proposition 1 applies between ranked levels). */
    public boolean isOrdered() {
        return levels.stream().anyMatch(l -> l.rank() != Level.UNORDERED);
    }

    public Level level(String name) {
        for (Level l : levels) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    public static Factor byKey(String key) {
        for (Factor f : ALL) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    public static List<Factor> all() {
        return List.of(ALL);
    }

    @Override
    public String toString() {
        return key;
    }
}
