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
import org.amicus.model.Factor;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.Scenario;

/**
 * Advises a library of cases that record what an operation actually did, and compares: a row per
 * item, agreement rates by strength of record, a confusion matrix, and which rules fired.
 */
public final class Regression {
    /** One item of one case. {@code record} is SOLID, THIN, or JUDGEMENT (a case with no record field). */
    public record Row(String scenario, String item, String type, String record, boolean analogous, Mode expected,
                      Mode advised, List<Mode> range, boolean matches, String outlier) {
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

    /** Agreement within one group of rows. */
    public record Rate(String group, int items, int agree, int withinRange) {
        public double rate() {
            return items == 0 ? 0 : (double) agree / items;
        }
    }

    /** {@code inputs}: per case (or exercise step), a hash of what it asks and expects ({@link #inputs(Scenario)}). */
    public record Report(String rulesFingerprint, int cases, List<Row> rows, List<Rate> rates,
                         Map<Mode, Map<Mode, Integer>> confusion, List<String> rulesFired, List<String> rulesNeverFired,
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
                rows.add(new Row(step.getKey(), i.id(), i.type().name(), c.record() == null ? "JUDGEMENT" : c.record(),
                        c.analogous(), i.expected(), i.mode(), i.modeRange(), i.mode() == i.expected(),
                        c.outliers().get(i.id())));
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
        return new Report(advisor.rules().fingerprint(), cases.size(), rows, rates, confusion, List.copyOf(fired), never,
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
        return new Rate(group, rows.size(), agree, within);
    }
}
