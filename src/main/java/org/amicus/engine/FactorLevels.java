package org.amicus.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.io.Suggest;
import org.amicus.model.Factor;
import org.amicus.model.Level;

/**
 * Checks, and where needed rewrites, the levels the rules compare a situation's factors with. The rules write a level
 * as scenario files do, {@code Situation(target == "SPOILER")}: Drools' executable model indexes a comparison with a
 * literal (and not one with an enum constant), so a change of one factor reaches only the rules on that factor's new
 * and old levels. The compiler does not check a string, so this does: a misspelt level stops the rules, with the file
 * and line. Rule sets written before levels were strings compare with enum constants ({@code Target.SPOILER}); they
 * are read as the same levels, so that older rule sets still load and can be replayed.
 */
final class FactorLevels {
    private static final Pattern SITUATION = Pattern.compile("\\bSituation\\s*\\(");
    private static final Pattern COMPARISON = Pattern.compile("\\b(\\w+)\\s*(?:==|!=)\\s*(\"[^\"\\n]*\"|[A-Za-z_][\\w.]*)");
    private static final Pattern MEMBERSHIP = Pattern.compile("\\b(\\w+)\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern ELEMENT = Pattern.compile("\"[^\"\\n]*\"|[A-Za-z_][\\w.]*");

    private FactorLevels() {
    }

    /** The rules as the compiler is to read them (enum constants as levels), or every level that is wrong. */
    static RuleSource check(RuleSource source) {
        List<RuleFileException.Problem> problems = new ArrayList<>();
        List<RuleSource.RuleFile> files = new ArrayList<>();
        for (RuleSource.RuleFile file : source.files()) {
            String[] views = DrlText.views(file.text());
            String plain = views[0];
            String masked = views[1];
            StringBuilder text = new StringBuilder(file.text());
            List<int[]> constants = new ArrayList<>(); // {start, end} of each constant to write as its level
            Matcher pattern = SITUATION.matcher(masked);
            while (pattern.find()) {
                int open = pattern.end();
                int close = closing(masked, open);
                Matcher c = COMPARISON.matcher(plain).region(open, close);
                while (c.find()) {
                    level(file, plain, c.group(1), c.group(2), c.start(2), problems, constants);
                }
                Matcher m = MEMBERSHIP.matcher(plain).region(open, close);
                while (m.find()) {
                    Matcher e = ELEMENT.matcher(m.group(2));
                    while (e.find()) {
                        level(file, plain, m.group(1), e.group(), m.start(2) + e.start(), problems, constants);
                    }
                }
            }
            // From the end, so that the offsets still to rewrite stay valid; lines do not move.
            constants.sort((a, b) -> Integer.compare(b[0], a[0]));
            for (int[] k : constants) {
                text.replace(k[0], k[1], "\"" + plain.substring(k[0], k[1]).replaceAll(".*\\.", "") + "\"");
            }
            files.add(new RuleSource.RuleFile(file.name(), text.toString()));
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return source.compiledAs(files);
    }

    /** One value compared with a factor: a level in quotes, a level as an enum constant, or a variable. */
    private static void level(RuleSource.RuleFile file, String text, String field, String value, int offset,
            List<RuleFileException.Problem> problems, List<int[]> constants) {
        Factor factor = Factor.byKey(field);
        if (factor == null || value.startsWith("$") || value.equals("null")) {
            return; // not a factor (the compiler knows Situation's other properties), or a variable
        }
        List<String> names = factor.levels().stream().map(Level::name).toList();
        boolean quoted = value.startsWith("\"");
        String name = quoted ? value.substring(1, value.length() - 1) : value.substring(value.lastIndexOf('.') + 1);
        String type = factor.levels().get(0).getClass().getSimpleName();
        int line = DrlText.lineOf(text, offset);
        if (!names.contains(name)) {
            String suggestion = Suggest.closest(name, names);
            problems.add(new RuleFileException.Problem(file.name(), line, 0, "unknown level " + value + " for " + field
                    + (suggestion != null ? "; did you mean \"" + suggestion + "\"?" : "") + " (levels: "
                    + String.join(", ", names) + ")"));
        } else if (!quoted && !value.equals(type + "." + name) && !value.endsWith("." + type + "." + name)) {
            problems.add(new RuleFileException.Problem(file.name(), line, 0, "compares " + field + " with " + value
                    + ", a constant of another kind; write the level in quotes, as in scenario files: \"" + name + "\""));
        } else if (!quoted) {
            constants.add(new int[] {offset, offset + value.length()});
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
