package org.amicus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleDiff;
import org.amicus.engine.RuleDiff.Attribution;
import org.amicus.engine.RuleDiff.CaseDiff;
import org.amicus.engine.RuleDiff.EffectChange;
import org.amicus.engine.RuleDiff.Fired;
import org.amicus.engine.RuleDiff.ItemDiff;
import org.amicus.engine.RuleDiff.MetadataChange;
import org.amicus.engine.RuleDiff.Report;
import org.amicus.engine.RuleDiff.Summary;
import org.amicus.engine.RuleFileException;
import org.amicus.engine.RuleSource;
import org.amicus.engine.Rules;
import org.amicus.io.InvalidScenarioException;
import org.amicus.io.Problem;
import org.amicus.model.Condition;
import org.amicus.model.Mode;
import org.amicus.model.Scenario;
import org.amicus.render.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code amicus diff}: the same cases under two rule sets, and the rules that make the difference. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Advises the same cases under two rule sets and attributes every change of advice to the rules that fired differently.",
            "",
            "Each case is advised under the rules of --from and under those of --to. For each item: the mode, whether UN Headquarters must decide, the conditions and the balance of considerations (0-100), under both rule sets. When any of them differs, or the range of modes over the uncertain values, the change is attributed: the rules that fired for the item under one rule set and not the other, with what each did, and the rules that fired under both but did something else. Both rule sets are run on the same situation, so that their traces differ only because the rules do: for a case with uncertain factors, the situation that explains the more cautious of the two advices, whose values are shown. Each rule named is marked when it was added, removed or changed between the rule sets.",
            "",
            "The rule sets themselves are compared by rule @id: the rules added and removed, the rules whose metadata changed (@factor, @effect, @source, @quote, or the rule's name), and the rules whose conditions or actions changed (layout and whole-line comments aside). The summary counts the cases and items compared, the items whose advice changed and those whose mode went up (more assistance) or down, and gives both rules fingerprints.",
            "",
            "A tabletop exercise (a scenario with injects) is compared at its start, if it already has requests, and after each inject, the injects applied in turn; each step is labelled case@at, e.g. silent-warrant@Day 15.",
            "",
            "Text and markdown show every case and item, each attribution in full; json gives every item of every case, with \"changed\" and, for a changed item, its \"attribution\".",
            ""},
        footer = {"",
            "Exit status: 0 compared (whether or not the advice changed: the diff is a report), 2 a scenario, folder or option is wrong, 3 the rules of either folder are broken.",
            "",
            "Examples:",
            "  amicus diff --from rules --to my-rules",
            "  amicus diff --from rules --to my-rules scenarios/examples/ituri-logistics.json",
            "  amicus diff --from rules --to my-rules --format markdown > rules-diff.md"})
public final class DiffCommand implements Callable<Integer> {
    /** The renderings of the diff. */
    enum DiffFormat { text, markdown, json }

    static final List<String> DEFAULT_CASES = List.of("scenarios/historical", "scenarios/examples", "scenarios/tabletop");

    @Option(names = "--from", paramLabel = "DIR", required = true,
            description = "Folder of .drl rule files: the rules before the change (e.g. rules/).")
    Path from;

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "Folder of .drl rule files: the rules after the change (e.g. an edited copy of rules/).")
    Path to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (to read in a terminal), markdown (a memo, e.g. for a review of a change to the rules) or json (the whole comparison, for tools). Default: ${DEFAULT-VALUE}.")
    DiffFormat format;

    @Parameters(paramLabel = "SCENARIOS", arity = "0..*",
            description = "Scenario files or folders of them (JSON or YAML). Default: scenarios/historical, scenarios/examples and scenarios/tabletop.")
    List<String> scenarios = new ArrayList<>(DEFAULT_CASES);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Problem> problems = new ArrayList<>();
            folder("--from", from, problems);
            folder("--to", to, problems);
            if (!problems.isEmpty()) {
                throw new InvalidScenarioException(problems);
            }
            List<Scenario> cases = Cases.read(scenarios);
            RuleBase a = load("--from", from);
            RuleBase b = load("--to", to);
            Report report = RuleDiff.run(a, b, cases);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case json -> out.println(Json.pretty(report));
                case markdown -> out.print(markdown(report));
                default -> out.print(text(report));
            }
            out.flush();
            return Main.OK;
        } catch (InvalidScenarioException e) {
            e.problems().forEach(p -> err.println("amicus: " + p));
            err.flush();
            return Main.BAD_INPUT;
        } catch (BrokenRules e) {
            err.println("amicus: the rules of " + e.option + " " + e.dir + " cannot be used:");
            e.cause.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return Main.BROKEN_RULES;
        }
    }

    /** A folder given to --from or --to must exist and hold .drl files (else exit 2: the option is wrong). */
    private static void folder(String option, Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(option, 0, 0, "", "no such folder: " + dir + "; give a folder of .drl rule files"));
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.noneMatch(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))) {
                problems.add(new Problem(option, 0, 0, "", "the folder " + dir + " holds no .drl file"));
            }
        } catch (IOException e) {
            problems.add(new Problem(option, 0, 0, "", "cannot read the folder " + dir + ": " + e.getMessage()));
        }
    }

    private static RuleBase load(String option, Path dir) {
        try {
            return Rules.load(RuleSource.fromDirectory(dir));
        } catch (RuleFileException e) {
            throw new BrokenRules(option, dir, e);
        }
    }

    /** The rules of one side are broken: exit 3, naming the side. */
    private static final class BrokenRules extends RuntimeException {
        final String option;
        final Path dir;
        final RuleFileException cause;

        BrokenRules(String option, Path dir, RuleFileException cause) {
            super(cause);
            this.option = option;
            this.dir = dir;
            this.cause = cause;
        }
    }

    // ------------------------------------------------------------------ text

    static String text(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(r.from().rules()).append("  (").append(r.from().fingerprint()).append(", ")
                .append(r.from().ruleCount()).append(" rules)\n");
        sb.append("To:   ").append(r.to().rules()).append("  (").append(r.to().fingerprint()).append(", ")
                .append(r.to().ruleCount()).append(" rules)\n\n");
        sb.append("Rule sets:");
        RuleDiff.RuleSetDiff rs = r.ruleSet();
        if (rs.identical()) {
            sb.append(" identical").append(r.from().fingerprint().equals(r.to().fingerprint()) ? " (same fingerprint)" : "")
                    .append('\n');
        } else {
            sb.append('\n');
            sb.append("  Added:   ").append(list(rs.added())).append('\n');
            sb.append("  Removed: ").append(list(rs.removed())).append('\n');
            sb.append("  Conditions or actions changed: ").append(list(rs.textChanged())).append('\n');
            sb.append("  Metadata changed:").append(rs.metadataChanged().isEmpty() ? " none" : "").append('\n');
            for (MetadataChange m : rs.metadataChanged()) {
                for (RuleDiff.FieldChange f : m.fields()) {
                    sb.append("    ").append(m.rule()).append(" @").append(f.field()).append(": \"").append(f.from())
                            .append("\" -> \"").append(f.to()).append("\"\n");
                }
            }
        }
        for (CaseDiff c : r.cases()) {
            sb.append('\n').append(c.label()).append(" — ").append(c.title())
                    .append(c.changed() ? "" : "  [no change]").append('\n');
            for (ItemDiff d : c.items()) {
                item(sb, d);
            }
        }
        Summary s = r.summary();
        sb.append("\nSummary:\n");
        sb.append("  Cases compared: ").append(s.cases()).append(" (").append(s.casesChanged()).append(" with a change)\n");
        sb.append("  Items compared: ").append(s.items()).append(" (").append(s.itemsChanged()).append(" with a change)\n");
        sb.append("  Mode changed:   ").append(s.modeChanged()).append(" (").append(s.modeUp()).append(" up, ")
                .append(s.modeDown()).append(" down)\n");
        sb.append("  Also changed:   range of modes ").append(s.rangeChanged()).append(", escalation ")
                .append(s.escalateChanged()).append(", conditions ").append(s.conditionsChanged()).append(", balance ")
                .append(s.scoreChanged()).append('\n');
        sb.append("  Rules:          ").append(s.rulesAdded()).append(" added, ").append(s.rulesRemoved())
                .append(" removed, ").append(s.rulesChanged()).append(" changed\n");
        sb.append("  From rules:     ").append(s.fromFingerprint()).append('\n');
        sb.append("  To rules:       ").append(s.toFingerprint()).append('\n');
        return sb.toString();
    }

    private static void item(StringBuilder sb, ItemDiff d) {
        sb.append("  ").append(d.item()).append("  ").append(d.type());
        if (!d.changed()) {
            sb.append("  ").append(d.modeFrom()).append(", escalate ").append(yesNo(d.escalateFrom())).append(", balance ")
                    .append(d.scoreFrom()).append(d.conditionsFrom().isEmpty() ? "" : ", conditions "
                            + String.join(", ", d.conditionsFrom()))
                    .append("  [no change]\n");
            return;
        }
        sb.append("  CHANGED\n");
        sb.append("    Mode:       ").append(arrow(d.modeFrom(), d.modeTo()))
                .append(d.modeChange() == null ? "" : "  (" + d.modeChange() + ")").append('\n');
        if (d.rangeChanged() && (d.modeRangeFrom().size() > 1 || d.modeRangeTo().size() > 1)) {
            sb.append("    Range:      ").append(range(d.modeRangeFrom())).append(" -> ").append(range(d.modeRangeTo()))
                    .append('\n');
        }
        sb.append("    Escalate:   ").append(arrow(yesNo(d.escalateFrom()), yesNo(d.escalateTo()))).append('\n');
        sb.append("    Balance:    ").append(arrow(d.scoreFrom(), d.scoreTo())).append('\n');
        if (d.conditionsChanged()) {
            sb.append("    Conditions:\n");
            d.conditionsAdded().forEach(c -> sb.append("      added:    ").append(condition(c)).append('\n'));
            d.conditionsRemoved().forEach(c -> sb.append("      removed:  ").append(condition(c)).append('\n'));
            d.conditionsReworded().forEach(c -> sb.append("      reworded: ").append(c.code()).append(": \"")
                    .append(c.from()).append("\" -> \"").append(c.to()).append("\"\n"));
        }
        Attribution a = d.attribution();
        if (a == null) {
            return;
        }
        sb.append("    Why (compared in ").append(a.basis());
        if (a.situation() != null) {
            sb.append(": ").append(situation(a.situation()));
        }
        sb.append("):\n");
        if (a.isEmpty()) {
            sb.append("      no rule fired differently there\n");
        }
        List<Row> rows = rows(a);
        boolean changedHeading = false;
        boolean otherHeading = false;
        for (Row row : rows) {
            boolean unchanged = row.status().equals(RuleDiff.UNCHANGED);
            if (!unchanged && !changedHeading) {
                sb.append("      Rules changed between the rule sets:\n");
                changedHeading = true;
            }
            if (unchanged && !otherHeading) {
                sb.append(changedHeading ? "      Unchanged rules that fired differently:\n" : "      Rules that fired differently:\n");
                otherHeading = true;
            }
            sb.append("        ").append(row.rule()).append(" (").append(row.factor()).append(")").append(tag(row.status()))
                    .append(": ").append(row.what()).append('\n');
            row.from().forEach(did -> sb.append("            ").append(row.to().isEmpty() ? "" : "from: ").append(did).append('\n'));
            row.to().forEach(did -> sb.append("            ").append(row.from().isEmpty() ? "" : "to:   ").append(did).append('\n'));
        }
        if (!a.rulesRemoved().isEmpty()) {
            sb.append("      Removed from the rule set: ").append(String.join(", ", a.rulesRemoved())).append('\n');
        }
        if (!a.rulesAdded().isEmpty()) {
            sb.append("      Added to the rule set: ").append(String.join(", ", a.rulesAdded())).append('\n');
        }
    }

    /** One rule of an attribution, as shown: what it did under --from and under --to. */
    record Row(String rule, String factor, String status, String what, List<String> from, List<String> to) {
    }

    /** The rules of an attribution: those changed between the rule sets first, then the others, each group in trace order. */
    static List<Row> rows(Attribution a) {
        List<Row> rows = new ArrayList<>();
        for (EffectChange e : a.effectChanged()) {
            rows.add(new Row(e.rule(), e.factor(), e.ruleSet(), "did something else", e.from(), e.to()));
        }
        for (Fired f : a.firedOnlyFrom()) {
            rows.add(new Row(f.rule(), f.factor(), f.ruleSet(), "fired only under --from", f.did(), List.of()));
        }
        for (Fired f : a.firedOnlyTo()) {
            rows.add(new Row(f.rule(), f.factor(), f.ruleSet(), "fired only under --to", List.of(), f.did()));
        }
        List<Row> sorted = new ArrayList<>(rows.stream().filter(r -> !r.status().equals(RuleDiff.UNCHANGED)).toList());
        sorted.addAll(rows.stream().filter(r -> r.status().equals(RuleDiff.UNCHANGED)).toList());
        return sorted;
    }

    private static String tag(String status) {
        return switch (status) {
            case RuleDiff.ADDED -> " [added in --to]";
            case RuleDiff.REMOVED -> " [removed in --to]";
            case RuleDiff.CHANGED -> " [changed]";
            default -> "";
        };
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String arrow(Object a, Object b) {
        return a.equals(b) ? a + " (same)" : a + " -> " + b;
    }

    private static String range(List<Mode> modes) {
        return modes.stream().map(Mode::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String condition(Condition c) {
        return c.code() + ": " + c.text();
    }

    private static String situation(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ markdown

    static String markdown(Report r) {
        StringBuilder sb = new StringBuilder("# Rules diff\n\n");
        sb.append("| | rules | fingerprint | rules |\n|---|---|---|---|\n");
        sb.append("| from | ").append(cell(r.from().rules())).append(" | `").append(r.from().fingerprint()).append("` | ")
                .append(r.from().ruleCount()).append(" |\n");
        sb.append("| to | ").append(cell(r.to().rules())).append(" | `").append(r.to().fingerprint()).append("` | ")
                .append(r.to().ruleCount()).append(" |\n\n");
        Summary s = r.summary();
        sb.append("## Summary\n\n");
        sb.append("- Cases compared: ").append(s.cases()).append(" (").append(s.casesChanged()).append(" with a change)\n");
        sb.append("- Items compared: ").append(s.items()).append(" (").append(s.itemsChanged()).append(" with a change)\n");
        sb.append("- Mode changed: ").append(s.modeChanged()).append(" (").append(s.modeUp()).append(" up, ")
                .append(s.modeDown()).append(" down)\n");
        sb.append("- Also changed: range of modes ").append(s.rangeChanged()).append(", escalation ")
                .append(s.escalateChanged()).append(", conditions ").append(s.conditionsChanged()).append(", balance ")
                .append(s.scoreChanged()).append('\n');
        sb.append("- Rules: ").append(s.rulesAdded()).append(" added, ").append(s.rulesRemoved()).append(" removed, ")
                .append(s.rulesChanged()).append(" changed\n\n");
        sb.append("## Rule sets\n\n");
        RuleDiff.RuleSetDiff rs = r.ruleSet();
        if (rs.identical()) {
            sb.append("The two rule sets are identical.\n\n");
        } else {
            sb.append("- Added: ").append(codes(rs.added())).append('\n');
            sb.append("- Removed: ").append(codes(rs.removed())).append('\n');
            sb.append("- Conditions or actions changed: ").append(codes(rs.textChanged())).append('\n');
            sb.append("- Metadata changed: ").append(rs.metadataChanged().isEmpty() ? "none" : "").append("\n\n");
            if (!rs.metadataChanged().isEmpty()) {
                sb.append("| rule | field | from | to |\n|---|---|---|---|\n");
                for (MetadataChange m : rs.metadataChanged()) {
                    for (RuleDiff.FieldChange f : m.fields()) {
                        sb.append("| `").append(m.rule()).append("` | @").append(f.field()).append(" | ")
                                .append(cell(f.from())).append(" | ").append(cell(f.to())).append(" |\n");
                    }
                }
                sb.append('\n');
            }
        }
        sb.append("## Advice\n\n| case | item | type | mode | escalate | balance | conditions |\n|---|---|---|---|---|---|---|\n");
        for (CaseDiff c : r.cases()) {
            for (ItemDiff d : c.items()) {
                sb.append("| ").append(cell(c.label())).append(" | ").append(cell(d.item())).append(" | ").append(d.type())
                        .append(" | ").append(d.modeChanged() ? "**" + d.modeFrom() + " → " + d.modeTo() + "**" : d.modeFrom())
                        .append(d.modeChange() == null ? "" : " (" + d.modeChange() + ")")
                        .append(" | ").append(d.escalateChanged() ? "**" + yesNo(d.escalateFrom()) + " → " + yesNo(d.escalateTo()) + "**"
                                : yesNo(d.escalateFrom()))
                        .append(" | ").append(d.scoreChanged() ? "**" + d.scoreFrom() + " → " + d.scoreTo() + "**" : d.scoreFrom())
                        .append(" | ").append(conditionCell(d)).append(" |\n");
            }
        }
        List<CaseDiff> changed = r.cases().stream().filter(CaseDiff::changed).toList();
        if (!changed.isEmpty()) {
            sb.append("\n## Why\n");
        }
        for (CaseDiff c : changed) {
            for (ItemDiff d : c.items()) {
                if (!d.changed()) {
                    continue;
                }
                sb.append("\n### ").append(c.label()).append(", ").append(d.item()).append(" (").append(d.type()).append(")\n\n");
                if (c.title() != null) {
                    sb.append("*").append(c.title()).append("*\n\n");
                }
                sb.append("- Mode: ").append(arrow(d.modeFrom(), d.modeTo()).replace("->", "→"))
                        .append(d.modeChange() == null ? "" : " (" + d.modeChange() + ")").append('\n');
                if (d.rangeChanged() && (d.modeRangeFrom().size() > 1 || d.modeRangeTo().size() > 1)) {
                    sb.append("- Range: ").append(range(d.modeRangeFrom())).append(" → ").append(range(d.modeRangeTo())).append('\n');
                }
                sb.append("- Escalate: ").append(arrow(yesNo(d.escalateFrom()), yesNo(d.escalateTo())).replace("->", "→")).append('\n');
                sb.append("- Balance: ").append(arrow(d.scoreFrom(), d.scoreTo()).replace("->", "→")).append('\n');
                d.conditionsAdded().forEach(cd -> sb.append("- Condition added: `").append(cd.code()).append("` ").append(cd.text()).append('\n'));
                d.conditionsRemoved().forEach(cd -> sb.append("- Condition removed: `").append(cd.code()).append("` ").append(cd.text()).append('\n'));
                d.conditionsReworded().forEach(cd -> sb.append("- Condition reworded: `").append(cd.code()).append("` “")
                        .append(cd.from()).append("” → “").append(cd.to()).append("”\n"));
                Attribution a = d.attribution();
                if (a == null) {
                    continue;
                }
                sb.append("\nCompared in ").append(a.basis());
                if (a.situation() != null) {
                    sb.append(": ").append(situation(a.situation()));
                }
                sb.append(".\n\n");
                if (a.isEmpty()) {
                    sb.append("No rule fired differently there.\n");
                    continue;
                }
                sb.append("| rule | factor | rule set | | under --from | under --to |\n|---|---|---|---|---|---|\n");
                for (Row row : rows(a)) {
                    sb.append("| `").append(row.rule()).append("` | ").append(cell(row.factor())).append(" | ").append(row.status())
                            .append(" | ").append(row.what()).append(" | ").append(cell(String.join("; ", row.from())))
                            .append(" | ").append(cell(String.join("; ", row.to()))).append(" |\n");
                }
                if (!a.rulesRemoved().isEmpty()) {
                    sb.append("\nRemoved from the rule set: ").append(codes(a.rulesRemoved())).append(".\n");
                }
                if (!a.rulesAdded().isEmpty()) {
                    sb.append("\nAdded to the rule set: ").append(codes(a.rulesAdded())).append(".\n");
                }
            }
        }
        sb.append("\nRules fingerprints: from `").append(s.fromFingerprint()).append("`, to `").append(s.toFingerprint()).append("`.\n");
        return sb.toString();
    }

    private static String conditionCell(ItemDiff d) {
        List<String> parts = new ArrayList<>();
        d.conditionsAdded().forEach(c -> parts.add("+" + c.code()));
        d.conditionsRemoved().forEach(c -> parts.add("−" + c.code()));
        d.conditionsReworded().forEach(c -> parts.add("~" + c.code()));
        return parts.isEmpty() ? "same" : cell(String.join(" ", parts));
    }

    private static String codes(List<String> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "));
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
