package org.amicus.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.amicus.model.Condition;
import org.amicus.model.Factor;
import org.amicus.model.Firing;
import org.amicus.model.Inject;
import org.amicus.model.Item;
import org.amicus.model.ItemType;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.RuleInfo;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;

/**
 * Advises the same cases under two rule sets ("from" and "to") and attributes every change of advice to the rules
 * that fired differently.
 *
 * <p>For each item the two advices are compared (mode, range of modes, escalation, conditions, balance). When any of
 * them differs, both rule sets are run on one and the same definite situation and their traces are compared rule by
 * rule: the rules that fired for the item under one rule set only, and those that fired under both but did something
 * else. The situation is the one that explains the more cautious of the two advices (the first situation, in
 * enumeration order, that reaches its mode), so that the two traces differ only because the rules do; for a case
 * without uncertain factors it is simply the case's situation. Each rule so named is marked with what happened to it
 * between the rule sets: added, removed, changed (its metadata or its text), or unchanged.
 */
public final class RuleDiff {
    /** What happened to a rule between the two rule sets. */
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String CHANGED = "changed";
    public static final String UNCHANGED = "unchanged";

    private RuleDiff() {
    }

    // ------------------------------------------------------------------ results

    /** One rule set: where it was read from, its fingerprint, how many rules it has. */
    public record Side(String rules, String fingerprint, int ruleCount) {
    }

    /** One metadata field of a rule that differs between the rule sets. */
    public record FieldChange(String field, String from, String to) {
    }

    /** A rule (same @id in both rule sets) whose metadata changed. */
    public record MetadataChange(String rule, List<FieldChange> fields) {
    }

    /** The rule sets compared as texts: rules added, removed, with other metadata, with other conditions or actions. */
    public record RuleSetDiff(List<String> added, List<String> removed, List<MetadataChange> metadataChanged,
                              List<String> textChanged, boolean identical) {
        /** What happened to the rule with this id between the rule sets. */
        public String status(String id) {
            if (added.contains(id)) {
                return ADDED;
            }
            if (removed.contains(id)) {
                return REMOVED;
            }
            if (textChanged.contains(id) || metadataChanged.stream().anyMatch(m -> m.rule().equals(id))) {
                return CHANGED;
            }
            return UNCHANGED;
        }
    }

    /** A rule that fired for the item under one rule set only, with what it did there. */
    public record Fired(String rule, String factor, String ruleSet, List<String> did) {
    }

    /** A rule that fired for the item under both rule sets but did something else. */
    public record EffectChange(String rule, String factor, String ruleSet, List<String> from, List<String> to) {
    }

    /**
     * Why an item's advice changed. {@code situation} gives the values of the case's uncertain factors in the
     * situation compared (null when the case has none); {@code basis} says which situation that is.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attribution(String basis, Map<String, String> situation, List<Fired> firedOnlyFrom,
                              List<Fired> firedOnlyTo, List<EffectChange> effectChanged, List<String> rulesRemoved,
                              List<String> rulesAdded) {
        /** No rule fired differently in the situation compared. */
        @JsonIgnore
        public boolean isEmpty() {
            return firedOnlyFrom.isEmpty() && firedOnlyTo.isEmpty() && effectChanged.isEmpty();
        }
    }

    /** A condition with the same code under both rule sets but a different text. */
    public record ConditionChange(String code, String from, String to) {
    }

    /** One item of one case under the two rule sets. {@code modeChange} is "up" (more assistance), "down" or null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemDiff(String item, ItemType type, String description, boolean changed, Mode modeFrom, Mode modeTo,
                           String modeChange, List<Mode> modeRangeFrom, List<Mode> modeRangeTo, boolean escalateFrom,
                           boolean escalateTo, List<String> conditionsFrom, List<String> conditionsTo,
                           List<Condition> conditionsAdded, List<Condition> conditionsRemoved,
                           List<ConditionChange> conditionsReworded, int scoreFrom, int scoreTo,
                           Attribution attribution) {
        public boolean modeChanged() {
            return modeFrom != modeTo;
        }

        public boolean rangeChanged() {
            return !modeRangeFrom.equals(modeRangeTo);
        }

        public boolean escalateChanged() {
            return escalateFrom != escalateTo;
        }

        public boolean conditionsChanged() {
            return !conditionsAdded.isEmpty() || !conditionsRemoved.isEmpty() || !conditionsReworded.isEmpty();
        }

        public boolean scoreChanged() {
            return scoreFrom != scoreTo;
        }
    }

    /** One case (or one step of an exercise, labelled case@at) and its items. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseDiff(@JsonProperty("case") String label, String scenario, String at, String title, String file,
                           boolean changed, List<ItemDiff> items) {
    }

    /** The counts of the report. */
    public record Summary(int cases, int casesChanged, int items, int itemsChanged, int modeChanged, int modeUp,
                          int modeDown, int rangeChanged, int escalateChanged, int conditionsChanged, int scoreChanged,
                          int rulesAdded, int rulesRemoved, int rulesChanged, String fromFingerprint,
                          String toFingerprint) {
    }

    /** The whole comparison. */
    public record Report(Side from, Side to, RuleSetDiff ruleSet, List<CaseDiff> cases, Summary summary) {
    }

    /** A case to compare: a scenario as given, or an exercise at one of its steps. */
    public record Labelled(String label, String at, Scenario scenario) {
    }

    // ------------------------------------------------------------------ the comparison

    /**
     * Compares the two rule sets on the cases: each scenario as given, and an exercise (a scenario with injects) at its
     * start, when it already has requests, and after each inject, the injects applied in turn.
     */
    public static Report run(RuleBase from, RuleBase to, List<Scenario> cases) {
        RuleSetDiff ruleSet = ruleSets(from, to);
        Advisor a = new Advisor(from);
        Advisor b = from.fingerprint().equals(to.fingerprint()) ? a : new Advisor(to);
        List<CaseDiff> out = new ArrayList<>();
        for (Scenario s : cases) {
            for (Labelled l : expand(s)) {
                out.add(compare(l, a, b, ruleSet));
            }
        }
        return new Report(side(from), side(to), ruleSet, out, summary(out, ruleSet, from, to));
    }

    /** A scenario as the cases to compare: itself, or an exercise's steps labelled case@at. */
    public static List<Labelled> expand(Scenario s) {
        if (s.injects().isEmpty()) {
            return List.of(new Labelled(s.id(), null, s));
        }
        List<Labelled> out = new ArrayList<>();
        if (!s.requests().isEmpty()) {
            out.add(new Labelled(s.id() + "@Start", "Start", s));
        }
        Scenario current = s;
        for (Inject inject : s.injects()) {
            current = current.after(inject);
            out.add(new Labelled(s.id() + "@" + inject.at(), inject.at(), current));
        }
        return out;
    }

    /** The two rule sets as texts: by @id, the rules added, removed, with other metadata, or with another text. */
    public static RuleSetDiff ruleSets(RuleBase from, RuleBase to) {
        Map<String, RuleInfo> a = byId(from);
        Map<String, RuleInfo> b = byId(to);
        List<String> added = b.keySet().stream().filter(id -> !a.containsKey(id)).toList();
        List<String> removed = a.keySet().stream().filter(id -> !b.containsKey(id)).toList();
        List<MetadataChange> metadata = new ArrayList<>();
        List<String> text = new ArrayList<>();
        Map<String, String> bodiesA = bodies(from);
        Map<String, String> bodiesB = bodies(to);
        for (String id : a.keySet()) {
            RuleInfo x = a.get(id);
            RuleInfo y = b.get(id);
            if (y == null) {
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            field(fields, "name", x, y, RuleInfo::name);
            field(fields, "factor", x, y, RuleInfo::factor);
            field(fields, "effect", x, y, RuleInfo::effect);
            field(fields, "source", x, y, RuleInfo::source);
            field(fields, "quote", x, y, RuleInfo::quote);
            if (!fields.isEmpty()) {
                metadata.add(new MetadataChange(id, fields));
            }
            String bodyA = bodiesA.get(x.name());
            String bodyB = bodiesB.get(y.name());
            if (bodyA != null && bodyB != null && !bodyA.equals(bodyB)) {
                text.add(id);
            }
        }
        boolean identical = from.fingerprint().equals(to.fingerprint())
                || added.isEmpty() && removed.isEmpty() && metadata.isEmpty() && text.isEmpty();
        return new RuleSetDiff(added, removed, metadata, text, identical);
    }

    /** One case under both rule sets. */
    public static CaseDiff compare(Labelled c, Advisor from, Advisor to, RuleSetDiff ruleSet) {
        Scenario s = c.scenario();
        Run a = Run.of(from, s);
        Run b = from == to ? a : Run.of(to, s);
        List<ItemDiff> items = new ArrayList<>();
        for (int i = 0; i < s.requests().size(); i++) {
            items.add(item(s, i, a, b, ruleSet));
        }
        return new CaseDiff(c.label(), s.id(), c.at(), s.title(), s.file(), items.stream().anyMatch(ItemDiff::changed),
                items);
    }

    private static ItemDiff item(Scenario s, int i, Run a, Run b, RuleSetDiff ruleSet) {
        ItemAdvice x = a.advice.items().get(i);
        ItemAdvice y = b.advice.items().get(i);
        Map<String, Condition> cx = new LinkedHashMap<>();
        x.conditions().forEach(cond -> cx.putIfAbsent(cond.code(), cond));
        Map<String, Condition> cy = new LinkedHashMap<>();
        y.conditions().forEach(cond -> cy.putIfAbsent(cond.code(), cond));
        List<Condition> added = cy.values().stream().filter(cond -> !cx.containsKey(cond.code())).toList();
        List<Condition> removed = cx.values().stream().filter(cond -> !cy.containsKey(cond.code())).toList();
        List<ConditionChange> reworded = cx.values().stream()
                .filter(cond -> cy.containsKey(cond.code()) && !cy.get(cond.code()).text().equals(cond.text()))
                .map(cond -> new ConditionChange(cond.code(), cond.text(), cy.get(cond.code()).text())).toList();
        String change = y.mode().rank() > x.mode().rank() ? "up" : y.mode().rank() < x.mode().rank() ? "down" : null;
        boolean changed = x.mode() != y.mode() || !x.modeRange().equals(y.modeRange()) || x.escalate() != y.escalate()
                || !added.isEmpty() || !removed.isEmpty() || !reworded.isEmpty() || x.score() != y.score();
        Attribution why = changed ? attribute(s, i, a, b, ruleSet) : null;
        return new ItemDiff(x.id(), x.type(), x.description(), changed, x.mode(), y.mode(), change, x.modeRange(),
                y.modeRange(), x.escalate(), y.escalate(), List.copyOf(cx.keySet()), List.copyOf(cy.keySet()), added, removed, reworded, x.score(), y.score(), why);
    }

    /**
     * Compares the two traces of item {@code i} in one situation. When the mode went down, the situation that explains
     * the advice of "to"; when it went up, that of "from"; when the mode is the same, the one that explains "to", or,
     * if the traces do not differ there, the first situation in which the two rule sets give the item different modes.
     */
    private static Attribution attribute(Scenario s, int i, Run a, Run b, RuleSetDiff ruleSet) {
        Mode ma = a.advice.items().get(i).mode();
        Mode mb = b.advice.items().get(i).mode();
        long witness;
        String basis;
        if (mb.rank() < ma.rank()) {
            witness = b.representative[i];
            basis = "the situation that explains the advice under --to";
        } else if (mb.rank() > ma.rank()) {
            witness = a.representative[i];
            basis = "the situation that explains the advice under --from";
        } else {
            witness = b.representative[i];
            basis = a.representative[i] == witness ? "the situation that explains both advices"
                    : "the situation that explains the advice under --to";
        }
        Attribution why = attributeAt(s, i, a, b, witness, basis, ruleSet);
        if (why != null && why.isEmpty() && ma == mb) {
            long first = a.firstDifference(b, i);
            if (first >= 0 && first != witness) {
                Attribution other = attributeAt(s, i, a, b, first,
                        "the first situation in which the two rule sets give this item different modes", ruleSet);
                if (other != null) {
                    why = other;
                }
            }
        }
        if (why == null) {
            // Could not rebuild the situation (it should not happen): fall back on the two representative traces.
            why = compareTraces(lines(a.advice.items().get(i).trace()), lines(b.advice.items().get(i).trace()),
                    "the traces of the two advices (each in the situation that explains it)", null, ruleSet);
        }
        return why;
    }

    private static Attribution attributeAt(Scenario s, int i, Run a, Run b, long number, String basis,
                                           RuleSetDiff ruleSet) {
        if (number < 0) {
            return null;
        }
        Situation situation = a.situation(number);
        Item x = a.at(number, situation).get(i);
        Item y = b.at(number, situation).get(i);
        // The situation must be the one the advice was drawn from: check that its mode is the advised one.
        if (number == a.representative[i] && x.mode() != a.advice.items().get(i).mode()
                || number == b.representative[i] && y.mode() != b.advice.items().get(i).mode()) {
            return null;
        }
        Map<String, String> values = null;
        List<String> uncertain = a.advice.uncertain();
        if (!uncertain.isEmpty()) {
            values = new LinkedHashMap<>();
            for (String key : uncertain) {
                values.put(key, situation.get(Factor.byKey(key)).name());
            }
        }
        return compareTraces(firings(x.trace()), firings(y.trace()), basis, values, ruleSet);
    }

    /** A line of a trace, as compared: the rule's id and factor, and what it did. */
    private record Line(String rule, String factor, String did) {
    }

    private static List<Line> firings(List<Firing> trace) {
        return trace.stream().map(f -> new Line(f.rule().id(), f.rule().factor(), f.did())).toList();
    }

    private static List<Line> lines(List<ItemAdvice.TraceLine> trace) {
        return trace.stream().map(t -> new Line(t.rule(), t.factor(), t.did())).toList();
    }

    private static Attribution compareTraces(List<Line> a, List<Line> b, String basis, Map<String, String> situation,
                                             RuleSetDiff ruleSet) {
        Map<String, List<String>> didA = grouped(a);
        Map<String, List<String>> didB = grouped(b);
        Map<String, String> factors = new LinkedHashMap<>();
        a.forEach(l -> factors.putIfAbsent(l.rule(), l.factor()));
        b.forEach(l -> factors.putIfAbsent(l.rule(), l.factor()));
        List<Fired> onlyA = new ArrayList<>();
        List<EffectChange> changed = new ArrayList<>();
        didA.forEach((id, did) -> {
            List<String> other = didB.get(id);
            if (other == null) {
                onlyA.add(new Fired(id, factors.get(id), ruleSet.status(id), did));
            } else if (!other.equals(did)) {
                String status = ruleSet.status(id);
                // A verdict rule's words follow from the balance (already compared): only its own change counts.
                if (!"verdict".equals(factors.get(id)) || !status.equals(UNCHANGED)) {
                    changed.add(new EffectChange(id, factors.get(id), status, did, other));
                }
            }
        });
        List<Fired> onlyB = new ArrayList<>();
        didB.forEach((id, did) -> {
            if (!didA.containsKey(id)) {
                onlyB.add(new Fired(id, factors.get(id), ruleSet.status(id), did));
            }
        });
        List<String> removed = onlyA.stream().filter(f -> f.ruleSet().equals(REMOVED)).map(Fired::rule).toList();
        List<String> added = onlyB.stream().filter(f -> f.ruleSet().equals(ADDED)).map(Fired::rule).toList();
        return new Attribution(basis, situation, onlyA, onlyB, changed, removed, added);
    }

    private static Map<String, List<String>> grouped(List<Line> trace) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Line l : trace) {
            out.computeIfAbsent(l.rule(), k -> new ArrayList<>()).add(l.did());
        }
        return out;
    }

    private static Summary summary(List<CaseDiff> cases, RuleSetDiff ruleSet, RuleBase from, RuleBase to) {
        int items = 0;
        int changed = 0;
        int mode = 0;
        int up = 0;
        int down = 0;
        int range = 0;
        int escalate = 0;
        int conditions = 0;
        int score = 0;
        for (CaseDiff c : cases) {
            for (ItemDiff d : c.items()) {
                items++;
                changed += d.changed() ? 1 : 0;
                mode += d.modeChanged() ? 1 : 0;
                up += "up".equals(d.modeChange()) ? 1 : 0;
                down += "down".equals(d.modeChange()) ? 1 : 0;
                range += d.rangeChanged() ? 1 : 0;
                escalate += d.escalateChanged() ? 1 : 0;
                conditions += d.conditionsChanged() ? 1 : 0;
                score += d.scoreChanged() ? 1 : 0;
            }
        }
        TreeSet<String> rulesChanged = new TreeSet<>(ruleSet.textChanged());
        ruleSet.metadataChanged().forEach(m -> rulesChanged.add(m.rule()));
        return new Summary(cases.size(), (int) cases.stream().filter(CaseDiff::changed).count(), items, changed, mode,
                up, down, range, escalate, conditions, score, ruleSet.added().size(), ruleSet.removed().size(),
                rulesChanged.size(), from.fingerprint(), to.fingerprint());
    }

    private static Side side(RuleBase rules) {
        return new Side(rules.source().origin(), rules.fingerprint(), rules.rules().size());
    }

    // ------------------------------------------------------------------ rule texts

    private static Map<String, RuleInfo> byId(RuleBase rules) {
        Map<String, RuleInfo> out = new java.util.TreeMap<>();
        rules.rules().values().forEach(r -> out.put(r.id(), r));
        return out;
    }

    private static void field(List<FieldChange> out, String name, RuleInfo a, RuleInfo b, Function<RuleInfo, String> f) {
        if (!Objects.equals(f.apply(a), f.apply(b))) {
            out.add(new FieldChange(name, f.apply(a), f.apply(b)));
        }
    }

    /**
     * Rule name to the text of its conditions and actions (from "when" to "end"), whitespace collapsed and whole-line
     * comments dropped, so that reformatting is no change. Rules that cannot be located are left out.
     */
    static Map<String, String> bodies(RuleBase rules) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (RuleSource.RuleFile f : rules.source().files()) {
            files.put(f.name(), Arrays.asList(f.text().split("\r?\n", -1)));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (RuleInfo r : rules.rules().values()) {
            List<String> lines = files.get(r.file());
            if (lines == null || r.line() < 1 || r.line() > lines.size()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            boolean body = false;
            boolean ended = false;
            for (int n = r.line() - 1; n < lines.size(); n++) {
                String t = lines.get(n).trim();
                if (!body && (t.equals("when") || t.startsWith("when ") || t.startsWith("when\t"))) {
                    body = true;
                }
                if (!body || t.isEmpty() || t.startsWith("//")) {
                    continue;
                }
                sb.append(t.replaceAll("\\s+", " ")).append('\n');
                if (t.equals("end")) {
                    ended = true;
                    break;
                }
            }
            if (body && ended) {
                out.put(r.name(), sb.toString());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ one case under one rule set

    /**
     * A case advised under one rule set, remembering, per item, the situation that explains its advice and the mode in
     * every situation weighed, so that the situation can be rebuilt and run again.
     */
    private static final class Run {
        final Advisor advisor;
        final Scenario scenario;
        /** The situations weighed, in the order the advisor weighed them (the same for both rule sets). */
        private final List<Situation> situations = new ArrayList<>();
        ScenarioAdvice advice;
        /** Per item, the number (in enumeration order) of the first situation reaching its most cautious mode. */
        final long[] representative;
        private final int[] best;
        /** Mode ordinal per situation and item: modes[situation * items + item]. */
        private byte[] modes = new byte[64];
        private long calls;
        private final Map<Long, List<Item>> evaluated = new LinkedHashMap<>();

        private Run(Advisor advisor, Scenario scenario) {
            this.advisor = advisor;
            this.scenario = scenario;
            int n = scenario.requests().size();
            representative = new long[n];
            best = new int[n];
            Arrays.fill(representative, -1);
            Arrays.fill(best, Integer.MAX_VALUE);
        }

        static Run of(Advisor advisor, Scenario scenario) {
            Run r = new Run(advisor, scenario);
            r.advice = advisor.advise(scenario, r::observe);
            return r;
        }

        private void observe(Situation weighed, Item item) {
            int n = scenario.requests().size();
            long situation = calls / n;
            int i = (int) (calls % n);
            if (i == 0) {
                situations.add(weighed);
            }
            calls++;
            int rank = item.mode().rank();
            if (rank < best[i]) {
                best[i] = rank;
                representative[i] = situation;
            }
            if (calls > modes.length) {
                modes = Arrays.copyOf(modes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(calls, 2L * modes.length)));
            }
            if (calls <= modes.length) {
                modes[(int) (calls - 1)] = (byte) item.mode().ordinal();
            }
        }

        /** The definite situation with this number, in the order the advisor weighed them. */
        Situation situation(long number) {
            return situations.get((int) number);
        }

        List<Item> at(long number, Situation situation) {
            return evaluated.computeIfAbsent(number, k -> advisor.evaluate(situation, scenario.requests()));
        }

        /** The first situation in which item {@code i} has another mode under the other run, or -1. */
        long firstDifference(Run other, int i) {
            int n = scenario.requests().size();
            long situations = Math.min(calls, other.calls) / n;
            for (long s = 0; s < situations; s++) {
                long at = s * n + i;
                if (at >= modes.length || at >= other.modes.length) {
                    return -1;
                }
                if (modes[(int) at] != other.modes[(int) at]) {
                    return s;
                }
            }
            return -1;
        }
    }
}
