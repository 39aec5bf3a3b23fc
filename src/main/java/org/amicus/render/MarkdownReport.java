package org.amicus.render;

import java.util.stream.Collectors;
import org.amicus.engine.ItemAdvice;
import org.amicus.engine.ScenarioAdvice;
import org.amicus.model.Condition;
import org.amicus.model.Mode;

/** The advice as a Markdown memo, with the full trace of every item, for filing. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ScenarioAdvice a) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(a.title()).append("\n\n");
        sb.append("Scenario `").append(a.scenario()).append("`; rules `").append(a.rulesFingerprint()).append("`.\n\n");
        sb.append("| factor | level |\n|---|---|\n");
        a.factors().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(cell(TextReport.written(v))).append(" |\n"));
        sb.append("\n| item | type | advice | range | HQ decides | balance |\n|---|---|---|---|---|---|\n");
        for (ItemAdvice i : a.items()) {
            sb.append("| ").append(i.id()).append(" | ").append(i.type()).append(" | **").append(i.mode()).append("** | ")
                    .append(i.modeRange().stream().map(Mode::name).collect(Collectors.joining(", "))).append(" | ")
                    .append(i.escalate() ? "yes" : "no").append(" | ").append(i.score()).append(" |\n");
        }
        for (ItemAdvice i : a.items()) {
            sb.append("\n## ").append(i.id()).append(": ").append(i.type());
            if (i.description() != null) {
                sb.append(" — ").append(i.description());
            }
            sb.append("\n\n**Advice: ").append(i.mode()).append("**");
            if (i.expected() != null) {
                sb.append(" (expected ").append(i.expected()).append(i.matches() ? ", agrees)" : ", differs)");
            }
            sb.append("\n\n");
            if (i.escalate()) {
                sb.append("UN Headquarters must decide: ").append(String.join("; ", i.escalations())).append(".\n\n");
            }
            if (i.offer() != null) {
                sb.append("Offer instead: ").append(i.offer()).append(".\n\n");
            }
            if (i.deferUntil() != null) {
                sb.append("Wait for: ").append(String.join("; ", i.deferUntil())).append(".\n\n");
            }
            if (!i.conditions().isEmpty()) {
                sb.append("Conditions:\n\n");
                for (Condition c : i.conditions()) {
                    sb.append("- `").append(c.code()).append("`: ").append(c.text()).append('\n');
                }
                sb.append('\n');
            }
            if (!i.ceilings().isEmpty()) {
                sb.append("Limits (why not more):\n\n");
                for (ItemAdvice.Limit c : i.ceilings()) {
                    sb.append("- at most ").append(c.mode()).append(": ").append(c.reason()).append(" (`").append(c.rule()).append("`)\n");
                }
                sb.append('\n');
            }
            if (!i.unknowns().isEmpty()) {
                sb.append("Depends on:\n\n");
                for (ItemAdvice.Unknown u : i.unknowns()) {
                    sb.append("- ").append(u.factor()).append(": ").append(u.modes().entrySet().stream()
                            .map(e -> e.getValue() + " if " + e.getKey()).collect(Collectors.joining(", "))).append('\n');
                }
                sb.append('\n');
            }
            if (!i.assumed().isEmpty()) {
                sb.append("Weighed with the uncertain factors at the levels that give this advice: ").append(TextReport.assumed(i))
                        .append(".\n\n");
            }
            sb.append("| rule | factor | effect | what it did | source | passage |\n|---|---|---|---|---|---|\n");
            for (ItemAdvice.TraceLine t : i.trace()) {
                sb.append("| `").append(t.rule()).append("` | ").append(t.factor()).append(" | ").append(t.effect()).append(" | ")
                        .append(cell(t.did())).append(" | ").append(t.source()).append(" | \"").append(cell(t.quote())).append("\" |\n");
            }
        }
        return sb.toString();
    }

    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
