package org.amicus.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.io.Suggest;
import org.amicus.model.Factor;
import org.amicus.model.Level;

/**
 * Checks the levels the rules compare a situation's factors with. The rules write a level as scenario files do,
 * {@code Situation(target == "SPOILER")}: Drools' executable model indexes a comparison with a literal (and not one
 * with an enum constant), so a change of one factor reaches only the rules on that factor's new and old levels. A
 * string is not checked by the compiler, though: a misspelt level, or a constant such as {@code Target.SPOILER},
 * would compile and never match, so this check rejects both, with the file and line.
 */
final class FactorLevels {
    private static final Pattern SITUATION = Pattern.compile("\\bSituation\\s*\\(");
    private static final Pattern COMPARISON = Pattern.compile("\\b(\\w+)\\s*(?:==|!=)\\s*(\"[^\"\\n]*\"|[A-Za-z_][\\w.]*)");
    private static final Pattern MEMBERSHIP = Pattern.compile("\\b(\\w+)\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern ELEMENT = Pattern.compile("\"[^\"\\n]*\"|[A-Za-z_][\\w.]*");

    private FactorLevels() {
    }

    static List<RuleFileException.Problem> check(RuleSource source) {
        List<RuleFileException.Problem> problems = new ArrayList<>();
        for (RuleSource.RuleFile file : source.files()) {
            String[] views = DrlText.views(file.text());
            String plain = views[0];
            String masked = views[1];
            Matcher pattern = SITUATION.matcher(masked);
            while (pattern.find()) {
                int open = pattern.end();
                int close = closing(masked, open);
                Matcher c = COMPARISON.matcher(plain).region(open, close);
                while (c.find()) {
                    level(file, plain, c.group(1), c.group(2), c.start(2), problems);
                }
                Matcher m = MEMBERSHIP.matcher(plain).region(open, close);
                while (m.find()) {
                    Matcher e = ELEMENT.matcher(m.group(2));
                    while (e.find()) {
                        level(file, plain, m.group(1), e.group(), m.start(2) + e.start(), problems);
                    }
                }
            }
        }
        return problems;
    }

    /** One value compared with a factor: a level in quotes, or a variable (left to the compiler). */
    private static void level(RuleSource.RuleFile file, String text, String field, String value, int offset,
            List<RuleFileException.Problem> problems) {
        Factor factor = Factor.byKey(field);
        if (factor == null || value.startsWith("$") || value.equals("null")) {
            return; // not a factor (the compiler knows Situation's other properties), or a variable
        }
        int line = DrlText.lineOf(text, offset);
        List<String> names = factor.levels().stream().map(Level::name).toList();
        if (!value.startsWith("\"")) {
            String constant = value.substring(value.lastIndexOf('.') + 1);
            String level = names.contains(constant) ? constant : Suggest.closest(constant, names);
            problems.add(new RuleFileException.Problem(file.name(), line, 0, "compares " + field + " with " + value
                    + ", which is never equal to a level, so the rule would never match; write the level in quotes, as"
                    + " in scenario files" + (level != null ? ": \"" + level + "\"" : "")));
            return;
        }
        String name = value.substring(1, value.length() - 1);
        if (!names.contains(name)) {
            String suggestion = Suggest.closest(name, names);
            problems.add(new RuleFileException.Problem(file.name(), line, 0, "unknown level \"" + name + "\" for "
                    + field + (suggestion != null ? "; did you mean \"" + suggestion + "\"?" : "") + " (levels: "
                    + String.join(", ", names) + ")"));
        }
    }

    /** The offset of the parenthesis that closes the one before {@code from} (strings and comments masked). */
    private static int closing(String masked, int from) {
        int depth = 1;
        for (int i = from; i < masked.length(); i++) {
            char ch = masked.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return masked.length();
    }
}
