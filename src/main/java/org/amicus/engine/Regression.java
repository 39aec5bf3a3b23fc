package org.amicus.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;

/**
 * Advises a library of cases that record what an operation actually did, and compares: a row per
 * item, agreement rates by strength of record, a confusion matrix, and which rules fired.
 */
public final class Regression {
    /**
     * One item of one case. {@code record} is SOLID, THIN, or JUDGEMENT (a case with no record field). For an item
     * that disagrees: {@code forcedBy}, the propositions of DOMAIN.md that allow less than the record, somewhere in the
     * case's range of situations (proposition id to the most they allow), so that no rule set satisfying them could
     * agree; {@code why}, what holds the advice where it is, in the situation that gives it; and {@code holding}, the
     * rules whose ceilings (conditions and deferrals among them) hold it below the record, when it is below.
     */
    public record Row(String scenario, String item, String type, String record, boolean analogous, Mode expected,
                      Mode advised, List<Mode> range, boolean matches, String outlier, Map<String, Mode> forcedBy,
                      String why, List<String> holding) {
    }

    /** A group of rows that agreement is reported for. */
    public record Group(String name, Predicate<Row> has) {
    }

    /** The groups, "all" first: by strength of record, then the UN-and-ICC core of the solid cases, then the analogies. */
    public static final List<Group> GROUPS = List.of(
            new Group("all", r -> true),
            new Group("SOLID", r -> r.record().equals("SOLID")),
            new Group("THIN", r -> r.record().equals("THIN")),
            new Group("JUDGEMENT", r -> r.record().equals("JUDGEMENT")),
            new Group("SOLID, UN missions and the ICC only", r -> r.record().equals("SOLID") && !r.analogous()),
            new Group("analogous (non-UN or non-ICC)", Row::analogous));

    /** Agreement within one group of rows; {@code forced}: the items that no rule set satisfying DOMAIN.md could agree on. */
    public record Rate(String group, int items, int agree, int withinRange, int forced) {
        public double rate() {
            return items == 0 ? 0 : (double) agree / items;
        }

        /** The highest agreement that rules satisfying the propositions could reach on these items. */
        @com.fasterxml.jackson.annotation.JsonProperty("reachable")
        public double reachable() {
            return items == 0 ? 0 : (double) (items - forced) / items;
        }
    }

    /**
     * {@code holdingBelowRecord}: for each rule that holds some item below the record, how many, most first (where a
     * maintainer might look for a rule to question). {@code inputs}: per case (or exercise step), a hash of what it asks
     * and expects ({@link #inputs(Scenario)}).
     */
    public record Report(String rulesFingerprint, int cases, List<Row> rows, List<Rate> rates,
                         Map<Mode, Map<Mode, Integer>> confusion, Map<String, Integer> holdingBelowRecord,
                         List<String> rulesFired, List<String> rulesNeverFired,
                         Map<String, Map<String, Mode>> advisedByCase, Map<String, String> inputs) {
        /** Agreement over every item that has an expectation. */
        public Rate overall() {
            return rates.get(0);
        }
    }

    private Regression() {
    }

    public static Report run(Advisor advisor, List<Scenario> cases) {
        List<Row> rows = new ArrayList<>();
        TreeSet<String> fired = new TreeSet<>();
        Map<String, Map<String, Mode>> advisedByCase = new LinkedHashMap<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Scenario> step : steps(cases).entrySet()) {
            Scenario c = step.getValue();
            ScenarioAdvice advice = advisor.advise(c, (situation, item) -> item.trace().forEach(f -> fired.add(f.rule().id())));
            Map<String, Mode> advised = new LinkedHashMap<>();
            for (ItemAdvice i : advice.items()) {
                advised.put(i.id(), i.mode());
                if (i.expected() == null) {
                    continue;
                }
                boolean matches = i.mode() == i.expected();
                rows.add(new Row(step.getKey(), i.id(), i.type().name(), c.record() == null ? "JUDGEMENT" : c.record(),
                        c.analogous(), i.expected(), i.mode(), i.modeRange(), matches, c.outliers().get(i.id()),
                        matches ? Map.of() : forcedBy(c.factors(), request(c, i.id()), i.expected()), matches ? null : why(i),
                        holding(i)));
            }
            advisedByCase.put(step.getKey(), advised);
            inputs.put(step.getKey(), inputs(c));
        }
        List<Rate> rates = new ArrayList<>();
        for (Group g : GROUPS) {
            List<Row> group = rows.stream().filter(g.has()).toList();
            if (!group.isEmpty() || rates.isEmpty()) {
                rates.add(rate(g.name(), group));
            }
        }
        Map<Mode, Map<Mode, Integer>> confusion = new EnumMap<>(Mode.class);
        for (Mode e : Mode.values()) {
            Map<Mode, Integer> row = new EnumMap<>(Mode.class);
            for (Mode a : Mode.values()) {
                row.put(a, 0);
            }
            confusion.put(e, row);
        }
        rows.forEach(r -> confusion.get(r.expected()).merge(r.advised(), 1, Integer::sum));
        List<String> never = advisor.rules().rules().values().stream().map(org.amicus.model.RuleInfo::id)
                .filter(id -> !fired.contains(id)).sorted().toList();
        Map<String, Integer> holds = new TreeMap<>();
        rows.forEach(r -> r.holding().forEach(id -> holds.merge(id, 1, Integer::sum)));
        Map<String, Integer> holding = new LinkedHashMap<>();
        holds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> holding.put(e.getKey(), e.getValue()));
        return new Report(advisor.rules().fingerprint(), cases.size(), rows, rates, confusion, holding, List.copyOf(fired), never,
                advisedByCase, inputs);
    }

    /** Each case as it stands; an exercise as each of its steps ("id@Start", "id@Day 3"), with that step's expectations. */
    static Map<String, Scenario> steps(List<Scenario> cases) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (Scenario c : cases) {
            if (c.injects().isEmpty()) {
                out.put(c.id(), c);
                continue;
            }
            if (!c.requests().isEmpty()) {
                out.put(c.id() + "@Start", c);
            }
            Scenario current = c;
            for (org.amicus.model.Inject inject : c.injects()) {
                current = current.after(inject);
                out.put(c.id() + "@" + inject.at(), current);
            }
        }
        return out;
    }

    /**
     * What a case asks of the engine and expects, as a short hash: the levels of each factor, the requests and the
     * expected modes. A case whose hash changed is a corrected case, not the same case advised differently.
     */
    static String inputs(Scenario c) {
        StringBuilder sb = new StringBuilder();
        for (Factor f : Factor.all()) {
            sb.append(f.key()).append('=').append(c.factors().get(f).candidates()).append(';');
        }
        for (Request r : c.requests()) {
            sb.append(r.id()).append(':').append(r.type()).append(r.confidential() ? ":confidential" : "").append(';');
        }
        new TreeMap<>(c.expected()).forEach((item, mode) -> sb.append(item).append("->").append(mode).append(';'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Rate rate(String group, List<Row> rows) {
        int agree = (int) rows.stream().filter(Row::matches).count();
        int within = (int) rows.stream().filter(r -> r.range().contains(r.expected())).count();
        int forced = (int) rows.stream().filter(r -> !r.forcedBy().isEmpty()).count();
        return new Rate(group, rows.size(), agree, within, forced);
    }

    private static Request request(Scenario c, String id) {
        return c.requests().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no request " + id + " in " + c.id()));
    }

    /**
     * The propositions that allow this request less than {@code expected} in some situation the case's factors allow:
     * proposition id to the least it allows there. Since the advice is the most cautious mode over those situations,
     * rules that satisfy the proposition cannot advise {@code expected}. Every combination of the candidate levels of
     * the factors the propositions read is tried (at most 15,120); the others do not matter to them.
     */
    public static Map<String, Mode> forcedBy(Map<Factor, Assessment> factors, Request r, Mode expected) {
        List<Factor> read = Verifier.BOUND_FACTORS;
        Level[] levels = new Level[Factor.all().size()];
        for (Factor f : Factor.all()) {
            levels[f.ordinal()] = factors.get(f).candidates().get(0);
        }
        int[] at = new int[read.size()];
        Map<String, Mode> forced = new TreeMap<>();
        while (true) {
            for (int j = 0; j < read.size(); j++) {
                levels[read.get(j).ordinal()] = factors.get(read.get(j)).candidates().get(at[j]);
            }
            Situation s = new Situation(levels.clone());
            for (Verifier.Check check : Verifier.Check.values()) {
                Mode bound = Verifier.bound(check, s, r.type(), r.confidential());
                if (bound != null && expected.above(bound)) {
                    forced.merge(check.id(), bound, Mode::cautious);
                }
            }
            int j = 0;
            while (j < read.size() && ++at[j] == factors.get(read.get(j)).candidates().size()) {
                at[j++] = 0;
            }
            if (j == read.size()) {
                return forced;
            }
        }
    }

    /** The rules whose ceilings hold the item below the record, when the advice is below it; else none. */
    static List<String> holding(ItemAdvice i) {
        if (i.expected() == null || !i.expected().above(i.mode())) {
            return List.of();
        }
        return i.ceilings().stream().filter(l -> i.expected().above(l.mode())).map(ItemAdvice.Limit::rule).distinct().toList();
    }

    /**
     * What holds the advice where it is, in the situation that gives it: the verdict band of the balance and, when
     * the record is more assistance than the advice, the ceilings below the record (conditions and deferrals among
     * them), else the lowest ceiling.
     */
    static String why(ItemAdvice i) {
        StringBuilder sb = new StringBuilder("balance " + i.score() + ", " + i.band() + " band");
        Map<Mode, List<String>> below = new TreeMap<>();
        for (ItemAdvice.Limit l : i.ceilings()) {
            if (i.expected().above(i.mode()) ? i.expected().above(l.mode()) : l.mode() == i.mode()) {
                List<String> rules = below.computeIfAbsent(l.mode(), m -> new ArrayList<>());
                if (!rules.contains(l.rule())) {
                    rules.add(l.rule());
                }
            }
        }
        below.forEach((mode, rules) -> sb.append("; at most ").append(mode).append(": ").append(String.join(", ", rules)));
        return sb.toString();
    }
}
