package org.amicus.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.amicus.engine.Exercise;
import org.amicus.engine.ItemAdvice;
import org.amicus.model.Condition;
import org.amicus.model.Scenario;

/**
 * An exercise as text (for the facilitator at a terminal), or as a Markdown/HTML handout: the
 * participants' version (narrative, requests and questions, no answers) or the facilitator's
 * (advice, what changed and why, discussion points).
 */
public final class ExerciseReport {
    private ExerciseReport() {
    }

    public static String text(Scenario exercise, List<Exercise.Step> steps) {
        StringBuilder sb = new StringBuilder();
        sb.append(exercise.id()).append(" — ").append(exercise.title()).append('\n');
        for (Exercise.Step s : steps) {
            sb.append("\n== ").append(s.at()).append(": ").append(s.title()).append('\n');
            if (!s.set().isEmpty()) {
                sb.append("   changes: ").append(TextReport.situation(s.set())).append('\n');
            }
            for (ItemAdvice i : s.advice().items()) {
                Exercise.Change c = change(s, i.id());
                sb.append(String.format("   %-4s %-20s %-11s", i.id(), i.type(), i.mode()));
                if (c != null) {
                    sb.append(c.before() == null ? "  (new request)" : c.before() != i.mode() ? "  (was " + c.before() + ")" : "");
                }
                if (i.expected() != null) {
                    sb.append(i.matches() ? "  [expected: agrees]" : "  [expected " + i.expected() + ": DIFFERS]");
                }
                sb.append('\n');
                if (c != null && c.before() != null && (!c.rulesStarted().isEmpty() || !c.rulesStopped().isEmpty())) {
                    if (!c.rulesStarted().isEmpty()) {
                        sb.append("        now weighing: ").append(String.join(", ", c.rulesStarted())).append('\n');
                    }
                    if (!c.rulesStopped().isEmpty()) {
                        sb.append("        no longer:    ").append(String.join(", ", c.rulesStopped())).append('\n');
                    }
                }
            }
        }
        int expected = steps.stream().mapToInt(Exercise.Step::expectations).sum();
        int met = steps.stream().mapToInt(Exercise.Step::met).sum();
        if (expected > 0) {
            sb.append(String.format("%nExpectations: %d of %d met%n", met, expected));
        }
        return sb.toString();
    }

    public static String markdown(Scenario exercise, List<Exercise.Step> steps, boolean facilitator) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(exercise.title()).append(facilitator ? " — facilitator's version" : " — participants' version").append("\n\n");
        if (exercise.description() != null) {
            sb.append(exercise.description()).append("\n\n");
        }
        for (Exercise.Step s : steps) {
            sb.append("## ").append(s.at()).append(": ").append(s.title()).append("\n\n");
            if (s.description() != null && s.number() > 0) {
                sb.append(s.description()).append("\n\n");
            }
            sb.append(facilitator ? "| request | type | advice | was | expected |\n|---|---|---|---|---|\n" : "| request | type | description |\n|---|---|---|\n");
            for (ItemAdvice i : s.advice().items()) {
                if (facilitator) {
                    Exercise.Change c = change(s, i.id());
                    sb.append("| ").append(i.id()).append(" | ").append(i.type()).append(" | **").append(i.mode()).append("** | ")
                            .append(c == null ? "" : c.before() == null ? "new" : String.valueOf(c.before())).append(" | ")
                            .append(i.expected() == null ? "" : i.expected() + (i.matches() ? " (agrees)" : " (differs)")).append(" |\n");
                } else {
                    sb.append("| ").append(i.id()).append(" | ").append(i.type()).append(" | ")
                            .append(i.description() == null ? "" : MarkdownReport.cell(i.description())).append(" |\n");
                }
            }
            sb.append('\n');
            if (facilitator) {
                for (ItemAdvice i : s.advice().items()) {
                    sb.append("- **").append(i.id()).append(" ").append(i.mode()).append("**");
                    if (!i.conditions().isEmpty()) {
                        sb.append(" — conditions: ").append(i.conditions().stream().map(Condition::code).collect(Collectors.joining(", ")));
                    }
                    if (i.escalate()) {
                        sb.append(" — UN Headquarters decides");
                    }
                    List<ItemAdvice.Driver> top = i.drivers().stream().limit(2).toList();
                    if (!top.isEmpty()) {
                        sb.append(" — weighs most: ").append(top.stream().map(d -> d.text() + " (" + d.rule() + ")").collect(Collectors.joining("; ")));
                    }
                    Exercise.Change c = change(s, i.id());
                    if (c != null && c.before() != null && !c.rulesStarted().isEmpty()) {
                        sb.append(" — now weighing: ").append(String.join(", ", c.rulesStarted()));
                    }
                    if (c != null && c.before() != null && !c.rulesStopped().isEmpty()) {
                        sb.append(" — no longer: ").append(String.join(", ", c.rulesStopped()));
                    }
                    sb.append('\n');
                }
                sb.append('\n');
                for (Map.Entry<String, String> n : s.notes().entrySet()) {
                    sb.append("> **").append(n.getKey()).append(":** ").append(n.getValue()).append("\n\n");
                }
            }
            if (!s.questions().isEmpty()) {
                sb.append("Questions:\n\n");
                s.questions().forEach(q -> sb.append("1. ").append(q).append('\n'));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The Markdown handout wrapped as a self-contained HTML page (the Markdown kept readable, tables rendered). */
    public static String html(Scenario exercise, List<Exercise.Step> steps, boolean facilitator) {
        return Html.page(exercise.title(), markdown(exercise, steps, facilitator));
    }

    private static Exercise.Change change(Exercise.Step s, String item) {
        return s.changes().stream().filter(c -> c.item().equals(item)).findFirst().orElse(null);
    }
}
