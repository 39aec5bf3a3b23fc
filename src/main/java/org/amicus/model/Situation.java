package org.amicus.model;

import java.util.Arrays;

/**
 * One definite assignment of a level to every factor: the fact that the factor rules match.
 * Uncertain scenarios are expanded into several situations before the rules run.
 */
public final class Situation {
    private final Level[] values;
    /** A cursor (see {@link #cursor}) changes in place; every other situation is a value. */
    private final boolean cursor;

    public Situation(Level[] values) {
        if (values.length != Factor.all().size()) {
            throw new IllegalArgumentException("a situation needs one level per factor");
        }
        for (Factor f : Factor.all()) {
            Level v = values[f.ordinal()];
            if (v == null || !f.levels().contains(v)) {
                throw new IllegalArgumentException("bad level " + v + " for " + f.key());
            }
        }
        this.values = values.clone();
        this.cursor = false;
    }

    public Level get(Factor factor) {
        return values[factor.ordinal()];
    }

    public Situation with(Factor factor, Level level) {
        if (level == null || !factor.levels().contains(level)) {
            throw new IllegalArgumentException("bad level " + level + " for " + factor.key());
        }
        Level[] copy = values.clone();
        copy[factor.ordinal()] = level;
        return new Situation(copy, false);
    }

    /** A situation from levels already checked (those of another situation, one changed and checked). */
    private Situation(Level[] values, boolean cursor) {
        this.values = values;
        this.cursor = cursor;
    }

    /**
     * A copy that changes in place with {@link #move}: the fact of a session that stays open while one factor
     * changes at a time, so that the engine is told of a change to a fact it holds, not of a new fact. Never keep
     * it: keep {@link #value()}.
     */
    public static Situation cursor(Situation start) {
        return new Situation(start.values.clone(), true);
    }

    /** Changes a cursor in place. */
    public void move(Factor factor, Level level) {
        if (!cursor) {
            throw new IllegalStateException("only a cursor changes; this situation is a value");
        }
        if (level == null || !factor.levels().contains(level)) {
            throw new IllegalArgumentException("bad level " + level + " for " + factor.key());
        }
        values[factor.ordinal()] = level;
    }

    /** This situation as a value: itself, or for a cursor a copy of where it is now. */
    public Situation value() {
        return cursor ? new Situation(values.clone(), false) : this;
    }

    // The rules read each level by name, as scenario files write it: Situation(hostState == "OPPOSED"). Drools'
    // executable model indexes a comparison with a literal, not with an enum constant: so a situation reaches only the
    // rules on its own levels, and a changed factor only the rules on that factor (FactorLevels checks the names).
    public String getMandate() { return get(Factor.MANDATE).name(); }
    public String getInternationalSupport() { return get(Factor.INTERNATIONAL_SUPPORT).name(); }
    public String getHostState() { return get(Factor.HOST_STATE).name(); }
    public String getStabilityRisk() { return get(Factor.STABILITY_RISK).name(); }
    public String getLegitimacyRisk() { return get(Factor.LEGITIMACY_RISK).name(); }
    public String getForceProtectionRisk() { return get(Factor.FORCE_PROTECTION_RISK).name(); }
    public String getCapacity() { return get(Factor.CAPACITY).name(); }
    public String getTarget() { return get(Factor.TARGET).name(); }
    public String getProsecutionScope() { return get(Factor.PROSECUTION_SCOPE).name(); }
    public String getPoliticalMoment() { return get(Factor.POLITICAL_MOMENT).name(); }
    public String getWarrant() { return get(Factor.WARRANT).name(); }
    public String getMou() { return get(Factor.MOU).name(); }
    public String getLeaderRiskTolerance() { return get(Factor.LEADER_RISK_TOLERANCE).name(); }
    public String getLeaderPriority() { return get(Factor.LEADER_PRIORITY).name(); }
    public String getLeaderConfidenceInIcc() { return get(Factor.LEADER_CONFIDENCE_IN_ICC).name(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Situation s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Factor f : Factor.all()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(f.key()).append('=').append(values[f.ordinal()].name());
        }
        return sb.append('}').toString();
    }
}
