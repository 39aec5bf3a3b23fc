package org.amicus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.amicus.engine.Advisor;
import org.amicus.engine.Regression;
import org.amicus.model.Mode;
import org.amicus.model.Scenario;
import org.amicus.render.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "regress", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compares the advice with what operations actually did, over a library of historical cases.",
            "",
            "Prints a row per item (case, item, expected, advised, match), the agreement rate (overall, and separately for cases with SOLID and THIN records), a confusion matrix of expected against advised modes, and rule coverage (the rules that fired in any situation weighed, and those that never did).",
            "",
            "For each item that differs it says what holds the advice there (the band of the balance, and the rules whose ceilings, conditions or deferrals stand between the advice and the record) and which propositions of DOMAIN.md allow less than the record somewhere in the case's range: no rule set that satisfies them could agree on that item. Each rate says how many such items it has, and so the highest agreement rules satisfying the propositions could reach.",
            "",
            "Fails (exit 1) when agreement falls below the baseline recorded in the repository (in any group, fewer of the items the baseline knows agree with the record), or when a case marked \"locked\" changes its advice. A case added to the library since, or changed since (its factors, requests or expected modes), is reported but not held to the baseline until it is updated. The baseline only moves up: --update-baseline refuses to write one on which agreement fell.",
            ""},
        footer = {"", "Exit status: 0 agreement at or above the baseline, 1 below it or a locked case changed, 2 a bad case file, 3 broken rules."})
final class RegressCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..*",
            description = "Folders (or files) of cases. An exercise counts as each of its steps. Default: scenarios/historical.")
    List<String> dirs = new ArrayList<>(List.of("scenarios/historical"));

    enum RegressFormat { text, markdown, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    RegressFormat format;

    @Option(names = "--baseline", paramLabel = "FILE", defaultValue = "scenarios/regress-baseline.json",
            description = "The recorded baseline: agreement rates, whether each item agreed, and the advice of locked cases. Default: ${DEFAULT-VALUE}.")
    String baseline;

    @Option(names = "--update-baseline", description = "Write the current rates, whether each item agrees, and the locked advice as the new baseline, unless agreement on the items the old one knows fell.")
    boolean update;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Scenario> cases = Cases.read(dirs);
        Advisor advisor = new Advisor(rules.load());
        Regression.Report report = Regression.run(advisor, cases);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.pretty(report));
            case markdown -> out.print(markdown(report));
            case text -> out.print(text(report));
        }
        out.flush(); // the report, then what falls short of the baseline
        Path baselineFile = Cases.resolve(baseline);
        JsonNode base = Files.exists(baselineFile) ? Json.mapper().readTree(baselineFile.toFile()) : null;
        List<String> failures = base == null ? List.of() : check(report, cases, base, baselineFile);
        PrintWriter err = spec.commandLine().getErr();
        if (update) {
            if (failures.stream().anyMatch(f -> f.startsWith("agreement on"))) {
                failures.forEach(f -> err.println("amicus: " + f));
                err.println("amicus: the baseline only moves up; not updated.");
                return Main.CHECK_FAILED;
            }
            write(report, cases, baselineFile);
            err.println("amicus: baseline written to " + baselineFile + "; commit it deliberately.");
            return Main.OK;
        }
        failures.forEach(f -> err.println("amicus: regression: " + f));
        List<String> unknown = base == null ? List.of() : notInBaseline(report, base);
        if (!unknown.isEmpty()) {
            err.println("amicus: not in the baseline, so not held to it until --update-baseline: " + String.join(", ", unknown));
        }
        return failures.isEmpty() ? Main.OK : Main.CHECK_FAILED;
    }

    /**
     * What falls short of the recorded baseline. Agreement is compared on the items the baseline knows, for cases as
     * they stood then, so that a case added to the library, or corrected (its factors, requests or expected modes),
     * does not fail the run: it joins the baseline at the next deliberate update. Messages on agreement start with
     * "agreement", on locked cases with "locked".
     */
    static List<String> check(Regression.Report report, List<Scenario> cases, JsonNode base, Path file) {
        List<String> failures = new ArrayList<>();
        JsonNode agrees = base.path("agrees");
        if (!agrees.isObject()) {
            failures.add("agreement: the baseline " + file + " records no items (\"agrees\"); write one with --update-baseline");
        }
        for (Regression.Group g : Regression.GROUPS) {
            int then = 0;
            int now = 0;
            int known = 0;
            List<String> lost = new ArrayList<>();
            for (Regression.Row row : report.rows()) {
                JsonNode was = agrees.path(row.scenario()).path(row.item());
                if (!known(row, report, base) || !g.has().test(row)) {
                    continue; // new or changed since the baseline, or not in this group
                }
                known++;
                then += was.asBoolean() ? 1 : 0;
                now += row.matches() ? 1 : 0;
                if (was.asBoolean() && !row.matches()) {
                    lost.add(row.scenario() + " " + row.item() + " (expected " + row.expected() + ", now " + row.advised() + ")");
                }
            }
            if (now < then) {
                failures.add(String.format(Locale.ROOT, "agreement on %s cases fell from %d to %d of the %d items the baseline knows; no longer agreeing: %s",
                        g.name(), then, now, known, String.join(", ", lost)));
            }
        }
        JsonNode locked = base.path("locked");
        for (Scenario c : cases) {
            if (!c.locked()) {
                continue;
            }
            JsonNode was = locked.path(c.id());
            Map<String, Mode> now = report.advisedByCase().get(c.id());
            if (now == null) {
                failures.add("locked case " + c.id() + " is an exercise; lock its steps' cases instead");
                continue;
            }
            if (was.isMissingNode()) {
                failures.add("locked case " + c.id() + " has no advice recorded in the baseline; run with --update-baseline");
                continue;
            }
            now.forEach((item, mode) -> {
                if (!mode.name().equals(was.path(item).asText())) {
                    failures.add("locked case " + c.id() + ": item " + item + " was " + was.path(item).asText("(absent)") + ", now " + mode);
                }
            });
        }
        return failures;
    }

    /** True when the baseline recorded this item for its case as it stands (the same factors, requests and expected modes). */
    private static boolean known(Regression.Row row, Regression.Report report, JsonNode base) {
        JsonNode inputs = base.path("cases");
        return base.path("agrees").path(row.scenario()).path(row.item()).isBoolean()
                && (!inputs.isObject() || inputs.path(row.scenario()).asText().equals(report.inputs().get(row.scenario())));
    }

    /** The items the baseline does not hold: of cases added since it was written, or changed since. */
    static List<String> notInBaseline(Regression.Report report, JsonNode base) {
        return report.rows().stream().filter(r -> !known(r, report, base))
                .map(r -> r.scenario() + " " + r.item() + (base.path("agrees").path(r.scenario()).isObject() ? " (case changed)" : " (new)"))
                .toList();
    }

    /**
     * The rates (for the reader), whether each item agrees and a hash of what each case asks (what {@link #check}
     * compares), and the locked advice.
     */
    private static void write(Regression.Report report, List<Scenario> cases, Path file) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rulesFingerprint", report.rulesFingerprint());
        Map<String, Double> rates = new LinkedHashMap<>();
        report.rates().forEach(r -> rates.put(r.group(), Math.floor(r.rate() * 10000) / 10000));
        out.put("agreement", rates);
        Map<String, Map<String, Boolean>> agrees = new LinkedHashMap<>();
        report.rows().forEach(r -> agrees.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>()).put(r.item(), r.matches()));
        out.put("agrees", agrees);
        out.put("cases", report.inputs());
        Map<String, Map<String, Mode>> locked = new LinkedHashMap<>();
        cases.stream().filter(Scenario::locked).forEach(c -> locked.put(c.id(), report.advisedByCase().get(c.id())));
        out.put("locked", locked);
        Files.writeString(file, Json.pretty(out) + "\n");
    }

    static String text(Regression.Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-42s %-4s %-20s %-9s %-11s %-11s %s%n", "case", "item", "type", "record", "expected", "advised", "match"));
        for (Regression.Row row : r.rows()) {
            sb.append(String.format("%-42s %-4s %-20s %-9s %-11s %-11s %s%n", row.scenario(), row.item(), row.type(),
                    row.record() + (row.analogous() ? "*" : ""), row.expected(), row.advised(),
                    row.matches() ? "yes" : (row.range().contains(row.expected()) ? "no (in range)" : "no")
                            + (row.outlier() != null ? " [outlier]" : "")));
        }
        sb.append("(* analogous: a non-UN force or a tribunal other than the ICC)\n");
        List<Regression.Row> differ = r.rows().stream().filter(row -> !row.matches()).toList();
        if (!differ.isEmpty()) {
            sb.append("\nWhere the advice differs, what holds it there (in the situation that gives it), and the propositions\n"
                    + "of DOMAIN.md that allow less than the record, so that no rule set satisfying them could agree:\n");
            for (Regression.Row row : differ) {
                sb.append(String.format("  %s %s: expected %s, advised %s: %s%s%n", row.scenario(), row.item(), row.expected(),
                        row.advised(), row.why(), forced(row)));
            }
        }
        if (!r.holdingBelowRecord().isEmpty()) {
            sb.append("\nRules that hold items below the record (items): ").append(holding(r)).append('\n');
        }
        sb.append("\nAgreement:\n");
        for (Regression.Rate rate : r.rates()) {
            sb.append(String.format(Locale.ROOT, "  %-32s %5.1f%%  (%d of %d items; %d within the advised range%s)%n", rate.group(),
                    100 * rate.rate(), rate.agree(), rate.items(), rate.withinRange(), rate.forced() == 0 ? ""
                            : String.format(Locale.ROOT, "; %d cannot agree while the propositions hold: at most %.1f%%",
                                    rate.forced(), 100 * rate.reachable())));
        }
        sb.append("\nConfusion (rows: expected, columns: advised):\n");
        sb.append(String.format("  %-12s", "")).append(modes(m -> String.format("%12s", m))).append('\n');
        r.confusion().forEach((e, row) -> sb.append(String.format("  %-12s", e))
                .append(row.values().stream().map(n -> String.format("%12d", n)).collect(Collectors.joining())).append('\n'));
        sb.append(String.format("%nRules: %d fired in %d cases; %d never fired%s%n", r.rulesFired().size(), r.cases(),
                r.rulesNeverFired().size(), r.rulesNeverFired().isEmpty() ? "" : ": " + String.join(", ", r.rulesNeverFired())));
        sb.append("Rules fingerprint: ").append(r.rulesFingerprint()).append('\n');
        return sb.toString();
    }

    static String markdown(Regression.Report r) {
        StringBuilder sb = new StringBuilder("| case | item | type | record | expected | advised | match | what holds the advice there |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Regression.Row row : r.rows()) {
            sb.append("| ").append(row.scenario()).append(" | ").append(row.item()).append(" | ").append(row.type()).append(" | ")
                    .append(row.record()).append(row.analogous() ? " (analogous)" : "").append(" | ").append(row.expected())
                    .append(" | ").append(row.advised()).append(" | ")
                    .append(row.matches() ? "yes" : row.range().contains(row.expected()) ? "no (in range)" : "**no**")
                    .append(row.outlier() != null ? " (outlier)" : "").append(" | ")
                    .append(row.matches() ? "" : row.why() + forced(row)).append(" |\n");
        }
        sb.append("\n| records | agreement | items | within range | cannot agree while the propositions hold | highest agreement they allow |\n"
                + "|---|---|---|---|---|---|\n");
        for (Regression.Rate rate : r.rates()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f%% | %d/%d | %d | %d | %.1f%% |%n", rate.group(), 100 * rate.rate(),
                    rate.agree(), rate.items(), rate.withinRange(), rate.forced(), 100 * rate.reachable()));
        }
        if (!r.holdingBelowRecord().isEmpty()) {
            sb.append("\nRules that hold items below the record (items): ").append(holding(r)).append(".\n");
        }
        sb.append("\n| expected \\ advised |").append(modes(m -> " " + m + " |")).append("\n|---|---|---|---|---|---|\n");
        r.confusion().forEach((e, row) -> sb.append("| ").append(e).append(" |")
                .append(row.values().stream().map(n -> " " + n + " |").collect(Collectors.joining())).append('\n'));
        sb.append("\nRules fired: ").append(r.rulesFired().size()).append("; never fired: ")
                .append(r.rulesNeverFired().isEmpty() ? "none" : String.join(", ", r.rulesNeverFired())).append(".\n");
        return sb.toString();
    }

    /** "force-protection-moderate 9, instrument-costs 7". */
    private static String holding(Regression.Report r) {
        return r.holdingBelowRecord().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "; proposition 5 allows at most DECLINE", for an item that no rule set satisfying the propositions could agree on. */
    private static String forced(Regression.Row row) {
        return row.forcedBy().entrySet().stream().map(e -> "; proposition " + e.getKey() + " allows at most " + e.getValue())
                .collect(Collectors.joining());
    }

    private static String modes(java.util.function.Function<Mode, String> f) {
        StringBuilder sb = new StringBuilder();
        for (Mode m : Mode.values()) {
            sb.append(f.apply(m));
        }
        return sb.toString();
    }
}
