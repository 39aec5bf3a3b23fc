package org.amicus.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;

/**
 * "What would change this advice?": for each item, the smallest changes of factor values (one
 * factor, then two) that raise its mode by at least one step, and those that lower it. A pair is
 * reported only when neither of its changes alone moves the item the same way. Changes a mission
 * can bring about come first.
 */
public final class Flips {
    /** Who can bring a factor about, most actionable first. */
    public enum Lever {
        MISSION("the mission can act on it"),
        TIMING("a matter of timing: wait, or ask the Court"),
        DIPLOMACY("UN Headquarters and states can work on it"),
        COURT("the Court's choice"),
        COUNCIL("the Security Council's choice"),
        SITUATION("the situation on the ground"),
        LEADERSHIP("who leads the mission");

        public final String meaning;

        Lever(String meaning) {
            this.meaning = meaning;
        }
    }

    private static final Map<Factor, Lever> LEVERS = new EnumMap<>(Factor.class);

    static {
        LEVERS.put(Factor.CAPACITY, Lever.MISSION);
        LEVERS.put(Factor.FORCE_PROTECTION_RISK, Lever.MISSION);
        LEVERS.put(Factor.MOU, Lever.MISSION);
        LEVERS.put(Factor.HOST_STATE, Lever.DIPLOMACY);
        LEVERS.put(Factor.INTERNATIONAL_SUPPORT, Lever.DIPLOMACY);
        LEVERS.put(Factor.POLITICAL_MOMENT, Lever.TIMING);
        LEVERS.put(Factor.WARRANT, Lever.TIMING);
        LEVERS.put(Factor.TARGET, Lever.COURT);
        LEVERS.put(Factor.PROSECUTION_SCOPE, Lever.COURT);
        LEVERS.put(Factor.MANDATE, Lever.COUNCIL);
        LEVERS.put(Factor.STABILITY_RISK, Lever.SITUATION);
        LEVERS.put(Factor.LEGITIMACY_RISK, Lever.SITUATION);
        LEVERS.put(Factor.LEADER_RISK_TOLERANCE, Lever.LEADERSHIP);
        LEVERS.put(Factor.LEADER_PRIORITY, Lever.LEADERSHIP);
        LEVERS.put(Factor.LEADER_CONFIDENCE_IN_ICC, Lever.LEADERSHIP);
    }

    /** One way to change the advice of an item. */
    public record Flip(Map<String, String> changes, Mode mode, String direction, String lever) {
    }

    private final Advisor advisor;
    private final Map<Situation, List<Mode>> memo = new HashMap<>();

    public Flips(Advisor advisor) {
        this.advisor = advisor;
    }

    public static Lever lever(Factor f) {
        return LEVERS.get(f);
    }

    /** Flips per request id, for the scenario as it stands. */
    public Map<String, List<Flip>> of(Scenario scenario) {
        List<Request> requests = scenario.requests();
        List<Mode> now = modes(scenario.factors(), requests);
        List<Factor> factors = Factor.all();
        List<List<Flip>> up = new ArrayList<>();
        List<List<Flip>> down = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            up.add(new ArrayList<>());
            down.add(new ArrayList<>());
        }
        // Single changes, remembering which ones move each item up or down.
        Map<Factor, Map<Level, List<Mode>>> single = new EnumMap<>(Factor.class);
        for (Factor f : factors) {
            Map<Level, List<Mode>> byLevel = new LinkedHashMap<>();
            for (Level l : alternatives(scenario, f)) {
                List<Mode> modes = modes(with(scenario.factors(), f, l), requests);
                byLevel.put(l, modes);
                for (int i = 0; i < requests.size(); i++) {
                    record(up, down, i, now.get(i), modes.get(i), Map.of(f, l));
                }
            }
            single.put(f, byLevel);
        }
        // Pairs: only where neither change alone moves the item in the same direction. A pair that
        // raises one ordered factor and lowers another is never minimal (by proposition 1, the raise
        // alone would do at least as well, and the fall alone at least as badly), so it is skipped.
        for (int a = 0; a < factors.size(); a++) {
            for (int b = a + 1; b < factors.size(); b++) {
                Factor fa = factors.get(a);
                Factor fb = factors.get(b);
                for (Level la : single.get(fa).keySet()) {
                    for (Level lb : single.get(fb).keySet()) {
                        if (direction(scenario, fa, la) * direction(scenario, fb, lb) < 0) {
                            continue;
                        }
                        List<Mode> modes = modes(with(with(scenario.factors(), fa, la), fb, lb), requests);
                        for (int i = 0; i < requests.size(); i++) {
                            Mode m = modes.get(i);
                            Mode base = now.get(i);
                            Mode ma = single.get(fa).get(la).get(i);
                            Mode mb = single.get(fb).get(lb).get(i);
                            boolean raise = m.rank() > base.rank() && ma.rank() <= base.rank() && mb.rank() <= base.rank();
                            boolean lower = m.rank() < base.rank() && ma.rank() >= base.rank() && mb.rank() >= base.rank();
                            if (raise || lower) {
                                Map<Factor, Level> changes = new EnumMap<>(Factor.class);
                                changes.put(fa, la);
                                changes.put(fb, lb);
                                record(up, down, i, base, m, changes);
                            }
                        }
                    }
                }
            }
        }
        Map<String, List<Flip>> out = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            List<Flip> all = new ArrayList<>(up.get(i));
            all.addAll(down.get(i));
            out.put(requests.get(i).id(), all);
        }
        return out;
    }

    private static void record(List<List<Flip>> up, List<List<Flip>> down, int i, Mode base, Mode m, Map<Factor, Level> changes) {
        if (m == base) {
            return;
        }
        Map<String, String> c = new LinkedHashMap<>();
        Lever lever = Lever.MISSION;
        for (Map.Entry<Factor, Level> e : changes.entrySet()) {
            c.put(e.getKey().key(), e.getValue().name());
            Lever l = LEVERS.get(e.getKey());
            lever = l.ordinal() > lever.ordinal() ? l : lever; // a pair is as hard as its harder change
        }
        Flip flip = new Flip(c, m, m.rank() > base.rank() ? "up" : "down", lever.name().toLowerCase());
        List<Flip> list = m.rank() > base.rank() ? up.get(i) : down.get(i);
        list.add(flip);
        // Fewest changes first, then the most actionable lever, then the biggest move.
        list.sort(Comparator.<Flip>comparingInt(f -> f.changes().size())
                .thenComparingInt(f -> Lever.valueOf(f.lever().toUpperCase()).ordinal())
                .thenComparingInt(f -> -Math.abs(f.mode().rank() - base.rank())));
    }

    /** +1 if setting the factor to this level makes it more favourable, -1 less, 0 when not comparable. */
    private static int direction(Scenario scenario, Factor f, Level to) {
        Assessment a = scenario.factors().get(f);
        if (!a.isCertain()) {
            return 0;
        }
        int from = a.candidates().get(0).rank();
        return from < 0 || to.rank() < 0 ? 0 : Integer.signum(to.rank() - from);
    }

    /** The levels a factor could be set to: every level but the one given (for an uncertain factor, each of its levels resolves it). */
    private static List<Level> alternatives(Scenario scenario, Factor f) {
        Assessment a = scenario.factors().get(f);
        if (a.isCertain()) {
            return f.levels().stream().filter(l -> l != a.candidates().get(0)).toList();
        }
        return f.levels();
    }

    private static Map<Factor, Assessment> with(Map<Factor, Assessment> factors, Factor f, Level l) {
        Map<Factor, Assessment> m = new EnumMap<>(Factor.class);
        m.putAll(factors);
        m.put(f, Assessment.given(l));
        return m;
    }

    /**
     * The most cautious mode of each request over the situations the factors allow (memoised per
     * situation). An uncertain ordered factor is weighed at its least favourable levels only: by
     * proposition 1 (verified over the whole lattice) the most cautious mode is reached there.
     */
    public List<Mode> modes(Map<Factor, Assessment> factors, List<Request> requests) {
        List<Factor> all = Factor.all();
        List<List<Level>> candidates = all.stream().map(f -> {
            List<Level> c = factors.get(f).candidates();
            return java.util.Arrays.stream(Advisor.extreme(c, true)).mapToObj(c::get).toList();
        }).toList();
        int[] index = new int[all.size()];
        Level[] values = new Level[all.size()];
        Mode[] worst = null;
        while (true) {
            for (int f = 0; f < index.length; f++) {
                values[f] = candidates.get(f).get(index[f]);
            }
            Situation s = new Situation(values);
            List<Mode> modes = memo.computeIfAbsent(s, k -> advisor.modes(k, requests));
            if (worst == null) {
                worst = modes.toArray(new Mode[0]);
            } else {
                for (int i = 0; i < worst.length; i++) {
                    worst[i] = Mode.cautious(worst[i], modes.get(i));
                }
            }
            int f = index.length - 1;
            while (f >= 0 && ++index[f] == candidates.get(f).size()) {
                index[f--] = 0;
            }
            if (f < 0) {
                return List.of(worst);
            }
        }
    }
}
