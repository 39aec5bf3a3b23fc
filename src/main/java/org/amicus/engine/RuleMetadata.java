package org.amicus.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.model.Factor;
import org.amicus.model.RuleInfo;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** Reads and checks every rule's metadata: @id, @factor, @effect, @source, @quote. */
final class RuleMetadata {
    /** What a rule may weigh besides a factor of DOMAIN.md. */
    static final Set<String> OTHER_SUBJECTS = Set.of("item", "instrument", "verdict");
    static final Set<String> EFFECTS = Set.of("+", "-", "+/-", "base", "ceiling", "condition", "escalate", "defer", "verdict");
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    private RuleMetadata() {
    }

    static Map<String, RuleInfo> read(RuleSource source, KieBase kieBase) {
        Map<String, String[]> where = locate(source);
        List<RuleFileException.Problem> problems = new ArrayList<>();
        Map<String, RuleInfo> byName = new HashMap<>();
        Map<String, String> idToName = new TreeMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                String[] loc = where.getOrDefault(r.getName(), new String[] {source.origin(), "0"});
                String file = loc[0];
                int line = Integer.parseInt(loc[1]);
                Map<String, Object> meta = r.getMetaData();
                List<String> missing = new ArrayList<>();
                for (String key : List.of("id", "factor", "effect", "source", "quote")) {
                    if (!(meta.get(key) instanceof String s) || s.isBlank()) {
                        missing.add("@" + key);
                    }
                }
                if (!missing.isEmpty()) {
                    problems.add(new RuleFileException.Problem(file, line, 0, "rule \"" + r.getName()
                            + "\" lacks " + String.join(", ", missing)
                            + "; every rule carries @id, @factor, @effect, @source and @quote (the research passage it rests on)"));
                    continue;
                }
                String id = (String) meta.get("id");
                String factor = (String) meta.get("factor");
                String effect = (String) meta.get("effect");
                if (Factor.byKey(factor) == null && !OTHER_SUBJECTS.contains(factor)) {
                    problems.add(new RuleFileException.Problem(file, line, 0, "rule \"" + r.getName()
                            + "\": unknown @factor \"" + factor + "\"; use a factor of DOMAIN.md or one of " + OTHER_SUBJECTS));
                }
                if (!EFFECTS.contains(effect)) {
                    problems.add(new RuleFileException.Problem(file, line, 0, "rule \"" + r.getName()
                            + "\": unknown @effect \"" + effect + "\"; use one of " + EFFECTS));
                }
                String previous = idToName.put(id, r.getName());
                if (previous != null) {
                    problems.add(new RuleFileException.Problem(file, line, 0, "rule \"" + r.getName()
                            + "\": @id \"" + id + "\" is already used by rule \"" + previous + "\"; ids must be unique and stable"));
                }
                byName.put(r.getName(), new RuleInfo(id, r.getName(), factor, effect,
                        (String) meta.get("source"), (String) meta.get("quote"), file, line));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return Map.copyOf(byName);
    }

    /** Rule name to {file, line} of its header. */
    private static Map<String, String[]> locate(RuleSource source) {
        Map<String, String[]> where = new HashMap<>();
        for (RuleSource.RuleFile f : source.files()) {
            Matcher m = RULE_HEADER.matcher(f.text());
            while (m.find()) {
                int line = 1;
                for (int i = 0; i < m.start(1); i++) {
                    if (f.text().charAt(i) == '\n') {
                        line++;
                    }
                }
                where.put(m.group(1), new String[] {f.name(), Integer.toString(line)});
            }
        }
        return where;
    }
}
