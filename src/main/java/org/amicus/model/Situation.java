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

    // Typed getters for the rules: Situation(hostState == HostState.OPPOSED).
    public Mandate getMandate() { return (Mandate) get(Factor.MANDATE); }
    public Support getInternationalSupport() { return (Support) get(Factor.INTERNATIONAL_SUPPORT); }
    public HostState getHostState() { return (HostState) get(Factor.HOST_STATE); }
    public Risk getStabilityRisk() { return (Risk) get(Factor.STABILITY_RISK); }
    public Risk getLegitimacyRisk() { return (Risk) get(Factor.LEGITIMACY_RISK); }
    public Risk getForceProtectionRisk() { return (Risk) get(Factor.FORCE_PROTECTION_RISK); }
    public Capacity getCapacity() { return (Capacity) get(Factor.CAPACITY); }
    public Target getTarget() { return (Target) get(Factor.TARGET); }
    public ProsecutionScope getProsecutionScope() { return (ProsecutionScope) get(Factor.PROSECUTION_SCOPE); }
    public PoliticalMoment getPoliticalMoment() { return (PoliticalMoment) get(Factor.POLITICAL_MOMENT); }
    public Warrant getWarrant() { return (Warrant) get(Factor.WARRANT); }
    public Mou getMou() { return (Mou) get(Factor.MOU); }
    public Tolerance getLeaderRiskTolerance() { return (Tolerance) get(Factor.LEADER_RISK_TOLERANCE); }
    public LeaderPriority getLeaderPriority() { return (LeaderPriority) get(Factor.LEADER_PRIORITY); }
    public Confidence getLeaderConfidenceInIcc() { return (Confidence) get(Factor.LEADER_CONFIDENCE_IN_ICC); }

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
