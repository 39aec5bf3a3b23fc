package org.amicus.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.amicus.engine.ItemAdvice;
import org.amicus.engine.ScenarioAdvice;
import org.amicus.model.Condition;
import org.amicus.model.Mode;

/**
 * The advice as a legal adviser reads it: per item the mode, the conditions, whether UN
 * Headquarters must decide, why not more, what the unknowns change, and the strongest reasons
 * for and against, each with the passage it rests on.
 */
public final class TextReport {
    private static final int REASONS = 3;

    private TextReport() {
    }

    public static String render(ScenarioAdvice a, boolean fullTrace) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.scenario()).append(" — ").append(a.title()).append('\n');
        sb.append("Rules: ").append(a.rulesFingerprint()).append('\n');
        sb.append("Situation: ").append(situation(a.factors())).append('\n');
        if (!a.uncertain().isEmpty()) {
            sb.append("Uncertain: ").append(String.join(", ", a.uncertain())).append(" (").append(a.situations())
                    .append(a.modeRangeComplete() ? " situations weighed)" : " situations weighed; the range may omit a middle mode)")
                    .append('\n');
        }
        for (ItemAdvice i : a.items()) {
            sb.append('\n');
            item(sb, i, fullTrace);
        }
        return sb.toString();
    }

    private static void item(StringBuilder sb, ItemAdvice i, boolean fullTrace) {
        sb.append(i.id()).append("  ").append(i.type());
        if (i.description() != null) {
            sb.append(" — ").append(i.description());
        }
        sb.append('\n');
        sb.append("  Advice: ").append(i.mode()).append("  (balance ").append(i.score()).append("/100");
        if (i.modeRange().size() > 1) {
            sb.append("; over the uncertain values: ").append(i.modeRange().stream().map(Mode::name).collect(Collectors.joining(", ")));
        }
        sb.append(")");
        if (i.expected() != null) {
            sb.append(i.matches() ? "  [expected " + i.expected() + ": agrees]" : "  [expected " + i.expected() + ": DIFFERS]");
        }
        sb.append('\n');
        sb.append("  UN Headquarters must decide: ").append(i.escalate() ? "yes — " + String.join("; ", i.escalations()) : "no").append('\n');
        if (i.offer() != null) {
            sb.append("  Offer instead: ").append(i.offer()).append('\n');
        }
        if (i.deferUntil() != null) {
            sb.append("  Wait for: ").append(String.join("; ", i.deferUntil())).append('\n');
        }
        if (!i.conditions().isEmpty()) {
            sb.append("  Conditions:\n");
            for (Condition c : i.conditions()) {
                sb.append("    - ").append(c.code()).append(": ").append(c.text()).append('\n');
            }
        }
        List<ItemAdvice.Limit> binding = i.ceilings().stream().filter(c -> c.mode() == i.mode()).toList();
        if (!binding.isEmpty() && i.band() != i.mode()) {
            sb.append("  Why not more (the balance alone gives ").append(i.band()).append("):\n");
            for (ItemAdvice.Limit c : binding) {
                sb.append("    - ").append(c.reason()).append(" [").append(c.rule()).append("]\n");
            }
        }
        if (!i.unknowns().isEmpty()) {
            sb.append("  Depends on:\n");
            for (ItemAdvice.Unknown u : i.unknowns()) {
                sb.append("    - ").append(u.factor()).append(": ").append(u.modes().entrySet().stream()
                        .map(e -> e.getValue() + " if " + e.getKey()).collect(Collectors.joining(", "))).append('\n');
            }
        } else {
            sb.append("  Robustness: ").append(i.robustness()).append('\n');
        }
        if (!i.assumed().isEmpty()) {
            sb.append("  Weighed with the uncertain factors at the levels that give this advice: ").append(assumed(i)).append('\n');
        }
        if (i.flips() != null) {
            flips(sb, i, "What would raise it", "up");
            flips(sb, i, "What would lower it", "down");
        }
        reasons(sb, i, "For", d -> d.weight() > 0);
        reasons(sb, i, "Against", d -> d.weight() < 0);
        if (fullTrace) {
            sb.append("  Trace:\n");
            for (ItemAdvice.TraceLine t : i.trace()) {
                sb.append("    ").append(t.rule()).append(" (").append(t.factor()).append(", ").append(t.effect()).append("): ")
                        .append(t.did()).append("\n      ").append(t.source()).append(": \"").append(t.quote()).append("\"\n");
            }
        }
    }

    private static void flips(StringBuilder sb, ItemAdvice i, String heading, String direction) {
        List<org.amicus.engine.Flips.Flip> fs = i.flips().stream().filter(f -> f.direction().equals(direction)).limit(6).toList();
        if (fs.isEmpty()) {
            sb.append("  ").append(heading).append(": no change of one or two factors\n");
            return;
        }
        sb.append("  ").append(heading).append(":\n");
        for (org.amicus.engine.Flips.Flip f : fs) {
            sb.append("    ").append(f.changes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" and ")))
                    .append(" -> ").append(f.mode()).append("  (").append(f.lever()).append(")\n");
        }
        long more = i.flips().stream().filter(f -> f.direction().equals(direction)).count() - fs.size();
        if (more > 0) {
            sb.append("    ... and ").append(more).append(" more (see --format json)\n");
        }
    }

    private static void reasons(StringBuilder sb, ItemAdvice i, String heading, java.util.function.Predicate<ItemAdvice.Driver> which) {
        List<ItemAdvice.Driver> ds = i.drivers().stream().filter(which).limit(REASONS).toList();
        if (ds.isEmpty()) {
            return;
        }
        sb.append("  ").append(heading).append(":\n");
        for (ItemAdvice.Driver d : ds) {
            ItemAdvice.TraceLine t = i.trace().stream().filter(x -> x.rule().equals(d.rule())).findFirst().orElse(null);
            sb.append("    ").append(d.weight() > 0 ? "+" : "").append(d.weight()).append("  ").append(d.text());
            String level = i.assumed().get(d.factor());
            if (level != null) {
                sb.append("  [assumed: ").append(d.factor()).append(" is uncertain; ").append(level).append(" weighed]");
            }
            sb.append('\n');
            if (t != null) {
                sb.append("        ").append(t.source()).append(": \"").append(t.quote()).append("\"\n");
            }
        }
    }

    /** "forceProtectionRisk=HIGH, leaderRiskTolerance=LOW": the levels an advice weighed its uncertain factors at. */
    static String assumed(ItemAdvice i) {
        return i.assumed().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    static String situation(Map<String, Object> factors) {
        return factors.entrySet().stream().map(e -> e.getKey() + "=" + written(e.getValue())).collect(Collectors.joining(", "));
    }

    static String written(Object v) {
        return v instanceof List<?> l ? l.stream().map(Object::toString).collect(Collectors.joining("|")) : String.valueOf(v);
    }
}
