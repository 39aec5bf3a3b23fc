package org.amicus.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.engine.DrlText;
import org.amicus.render.Rulebook.Part;
import org.amicus.render.Rulebook.Text;

/**
 * Reads the text of a .drl file for the rulebook: the file's header comment, and for every rule its name, line,
 * the comment above it, its salience, and its {@code when} and {@code then} parts; and puts a rule into plain
 * language. The statement is generated from the rule text itself, so it cannot drift from the rules. What it cannot
 * translate it shows verbatim (as DRL), and it never fails: a rule it cannot read at all is shown whole.
 */
final class RuleText {
    /** One rule as written. {@code when} and {@code then} have their comments blanked out. */
    record Parsed(String name, int line, String annotation, Integer salience, String when, String then) {
    }

    /** One rule file: its family name (the file name without .drl), its header comment, its rules in file order. */
    record ParsedFile(String file, String family, String introduction, List<Parsed> rules) {
    }

    /** A plain-language statement, and the DRL fragments it had to show verbatim. */
    record Translation(Text statement, List<String> untranslated) {
    }

    /** How the rules name the situation's fields, in words. */
    private static final Map<String, String> SITUATION_FIELDS = Map.ofEntries(
            Map.entry("mandate", "the mandate"),
            Map.entry("internationalSupport", "international support"),
            Map.entry("hostState", "the host state"),
            Map.entry("stabilityRisk", "the risk to stability"),
            Map.entry("legitimacyRisk", "the risk to local legitimacy"),
            Map.entry("forceProtectionRisk", "the risk to force protection"),
            Map.entry("capacity", "the mission's capacity"),
            Map.entry("target", "the target"),
            Map.entry("prosecutionScope", "the scope of the prosecution"),
            Map.entry("politicalMoment", "the political moment"),
            Map.entry("warrant", "the warrant"),
            Map.entry("mou", "the MoU"),
            Map.entry("leaderRiskTolerance", "the leaders' tolerance of risk"),
            Map.entry("leaderPriority", "the leaders' priority"),
            Map.entry("leaderConfidenceInIcc", "the leaders' confidence in the Court"));
    private static final Map<String, String> ITEM_FIELDS = Map.of("id", "the item's id", "type", "the item's type");
    private static final Map<String, String> BALANCE_FIELDS = Map.of("score", "the item's balance");

    private static final Pattern RULE_KEYWORD = Pattern.compile("(?m)^[ \\t]*rule\\b");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");
    private static final Pattern SALIENCE = Pattern.compile("\\bsalience\\s+(-?\\d+)");
    private static final Pattern BINDING = Pattern.compile("\\$?[A-Za-z_]\\w*\\s*:(?!:)\\s*");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_][\\w.]*\\s*");
    private static final String CONSTANT = "(?:[A-Za-z_]\\w*\\.)*([A-Z][A-Z0-9_]*)";
    private static final Pattern ENUM_COMPARISON = Pattern.compile("(\\w+)\\s*(==|!=)\\s*" + CONSTANT);
    private static final Pattern MEMBERSHIP = Pattern.compile("(\\w+)\\s+(not\\s+in|in)\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern CONSTANT_ONLY = Pattern.compile(CONSTANT);
    private static final Pattern QUOTED_LEVEL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern NUMBER_COMPARISON = Pattern.compile("(\\w+)\\s*(>=|<=|>|<|==|!=)\\s*(-?\\d+)");
    private static final Pattern BOOLEAN_COMPARISON = Pattern.compile("(\\w+)\\s*(==|!=)\\s*(true|false)");
    private static final Pattern STRING_COMPARISON = Pattern.compile("(\\w+)\\s*(==|!=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern BOOLEAN_FIELD = Pattern.compile("(!?)\\s*(\\w+)");
    private static final Pattern LEADING_BINDING = Pattern.compile("\\$\\w+\\s*:(?!:)\\s*");
    private static final Pattern CALL = Pattern.compile("(?:\\$?\\w+\\s*\\.\\s*)?(\\w+)\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern TYPE_TEST = Pattern.compile("(?:\\$?\\w+\\s*\\.\\s*getType\\s*\\(\\s*\\)|type)\\s*==\\s*" + CONSTANT);
    private static final Pattern INTEGER = Pattern.compile("-?\\s*\\d+");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);

    private RuleText() {
    }

    // ------------------------------------------------------------------------------------------------ reading

    static ParsedFile parse(String fileName, String text) {
        String family = fileName.endsWith(".drl") ? fileName.substring(0, fileName.length() - 4) : fileName;
        String[] views = DrlText.views(text);
        String plain = views[0];
        String masked = views[1];
        List<Parsed> rules = new ArrayList<>();
        Matcher m = RULE_KEYWORD.matcher(masked);
        int from = 0;
        while (from < masked.length() && m.find(from)) {
            int keyword = masked.indexOf("rule", m.start());
            int[] nameEnd = new int[1];
            String name = ruleName(text, keyword + 4, nameEnd);
            int line = DrlText.lineOf(text, keyword);
            int headerEnd = nameEnd[0];
            Matcher when = WHEN.matcher(masked);
            Matcher then = THEN.matcher(masked);
            Matcher end = END.matcher(masked);
            boolean hasThen = then.find(headerEnd);
            int thenStart = hasThen ? then.start() : masked.length();
            boolean hasWhen = when.find(headerEnd) && when.start() < thenStart;
            int whenStart = hasWhen ? when.start() : thenStart;
            int bodyStart = hasThen ? then.end() : masked.length();
            boolean hasEnd = end.find(bodyStart);
            int endStart = hasEnd ? end.start() : masked.length();
            Matcher salience = SALIENCE.matcher(masked.substring(headerEnd, whenStart));
            Integer sal = salience.find() ? Integer.valueOf(salience.group(1)) : null;
            String whenPart = hasWhen ? plain.substring(when.end(), thenStart) : "";
            String thenPart = plain.substring(bodyStart, endStart);
            rules.add(new Parsed(name, line, annotation(text, keyword), sal, whenPart, thenPart));
            from = hasEnd ? end.end() : masked.length();
        }
        return new ParsedFile(fileName, family, introduction(text), rules);
    }

    private static String ruleName(String text, int from, int[] end) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            char q = text.charAt(i);
            int close = text.indexOf(q, i + 1);
            if (close < 0) {
                close = text.length();
            }
            end[0] = Math.min(close + 1, text.length());
            return text.substring(i + 1, close);
        }
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        end[0] = j;
        return text.substring(i, j);
    }

    /** The comment lines right above a rule, joined into one paragraph; null when there are none. */
    private static String annotation(String text, int ruleOffset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, ruleOffset - 1)) + 1;
        List<String> lines = new ArrayList<>();
        int end = lineStart - 1;
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end).strip();
            if (!line.startsWith("//")) {
                break;
            }
            lines.add(0, commentText(line));
            end = start - 1;
        }
        String joined = String.join(" ", lines).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** The file's leading comment (line comments or one block comment), joined into one paragraph. */
    private static String introduction(String text) {
        List<String> lines = new ArrayList<>();
        String[] all = text.split("\n", -1);
        int i = 0;
        while (i < all.length && all[i].isBlank()) {
            i++;
        }
        if (i < all.length && all[i].strip().startsWith("/*")) {
            for (; i < all.length; i++) {
                String line = all[i].strip();
                boolean last = line.contains("*/");
                line = line.replaceFirst("^/\\*+", "").replaceFirst("\\*+/.*$", "").replaceFirst("^\\*+", "").strip();
                lines.add(line);
                if (last) {
                    break;
                }
            }
        } else {
            for (; i < all.length && all[i].strip().startsWith("//"); i++) {
                lines.add(commentText(all[i].strip()));
            }
        }
        String joined = String.join(" ", lines).replaceAll("\\s+", " ").strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String commentText(String line) {
        return line.replaceFirst("^//+", "").strip();
    }

    // ------------------------------------------------------------------------------------------------ translating

    /** The rule in plain language; never fails (what it cannot translate it shows as DRL). */
    static Translation translate(Parsed rule) {
        try {
            List<String> untranslated = new ArrayList<>();
            Text.Builder out = new Text.Builder();
            condition(rule.when(), out, untranslated);
            List<List<Part>> actions = actions(rule.then(), untranslated);
            if (actions.isEmpty()) {
                out.text("does nothing");
            }
            for (int i = 0; i < actions.size(); i++) {
                if (i > 0) {
                    out.text("; ");
                }
                out.parts(actions.get(i));
            }
            out.text(".");
            return new Translation(out.build(), List.copyOf(untranslated));
        } catch (RuntimeException e) {
            Text.Builder out = new Text.Builder().text("When ").code(collapse(rule.when())).text(", then ")
                    .code(collapse(rule.then())).text(".");
            return new Translation(out.build(), List.of(collapse(rule.when()), collapse(rule.then())));
        }
    }

    private record Element(String type, String constraints, String verbatim) {
    }

    /** Not DRL this translator knows: the caller shows it verbatim. */
    private static final class Untranslatable extends RuntimeException {
        Untranslatable() {
            super(null, null, false, false);
        }
    }

    /** "When ..., for ...: " or "For ...: " from the patterns of the when part. */
    private static void condition(String when, Text.Builder out, List<String> untranslated) {
        List<Element> elements;
        try {
            elements = elements(when);
        } catch (Untranslatable e) {
            String verbatim = collapse(when);
            untranslated.add(verbatim);
            out.text("When ").code(verbatim).text(": ");
            return;
        }
        List<List<Part>> clauses = new ArrayList<>();
        List<Part> items = null;
        for (Element e : elements) {
            switch (e.type()) {
                case "Situation" -> clauses.addAll(clauses(constraints(e.constraints()), SITUATION_FIELDS, untranslated));
                case "Balance" -> clauses.addAll(clauses(constraints(e.constraints()), BALANCE_FIELDS, untranslated));
                case "Item" -> items = items(constraints(e.constraints()), untranslated);
                default -> {
                    untranslated.add(e.verbatim());
                    clauses.add(List.of(new Part(e.verbatim(), true)));
                }
            }
        }
        if (!clauses.isEmpty()) {
            out.text("When ");
            for (int i = 0; i < clauses.size(); i++) {
                if (i > 0) {
                    out.text(" and ");
                }
                out.parts(clauses.get(i));
            }
            if (items != null) {
                out.text(", for ").parts(items);
            }
        } else if (items != null) {
            out.text("For ").parts(items);
        } else {
            out.text("Always");
        }
        out.text(": ");
    }

    /** The patterns of a when part; throws Untranslatable on anything but plain {@code [$x :] Type(...)} patterns. */
    private static List<Element> elements(String when) {
        List<Element> list = new ArrayList<>();
        String w = when;
        int pos = 0;
        int n = w.length();
        while (true) {
            while (pos < n && Character.isWhitespace(w.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                break;
            }
            int start = pos;
            Matcher binding = BINDING.matcher(w).region(pos, n);
            if (binding.lookingAt()) {
                pos = binding.end();
            }
            Matcher type = TYPE_NAME.matcher(w).region(pos, n);
            if (!type.lookingAt()) {
                throw new Untranslatable();
            }
            String typeName = type.group().strip();
            if (Set.of("not", "exists", "forall", "eval", "accumulate", "collect", "from", "or", "and", "over").contains(typeName)) {
                throw new Untranslatable();
            }
            pos = type.end();
            if (pos >= n || w.charAt(pos) != '(') {
                throw new Untranslatable();
            }
            int close = closing(w, pos);
            String constraints = w.substring(pos + 1, close);
            pos = close + 1;
            String simpleType = typeName.substring(typeName.lastIndexOf('.') + 1);
            list.add(new Element(simpleType, constraints, collapse(w.substring(start, pos))));
        }
        return list;
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping strings. */
    private static int closing(String s, int open) {
        int close = topLevel(s, ')', open + 1);
        if (close < 0) {
            throw new Untranslatable();
        }
        return close;
    }

    private static int stringEnd(String s, int open) {
        char q = s.charAt(open);
        int i = open + 1;
        while (i < s.length() && s.charAt(i) != q) {
            if (s.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        return Math.min(i, s.length() - 1);
    }

    /** Splits at the top-level occurrences of a separator (outside parentheses, brackets and strings). */
    static List<String> split(String s, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(s, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && s.startsWith(separator, i)) {
                parts.add(s.substring(last, i));
                last = i + separator.length();
                i = last - 1;
            }
        }
        parts.add(s.substring(last));
        return parts;
    }

    /** The constraints of a pattern: split at top-level commas and {@code &&}, bindings without a test dropped. */
    private static List<String> constraints(String s) {
        List<String> list = new ArrayList<>();
        for (String comma : split(s, ",")) {
            for (String and : split(comma, "&&")) {
                String c = collapse(and);
                if (c.isEmpty() || c.matches("\\$\\w+\\s*:\\s*\\w+")) {
                    continue;
                }
                Matcher b = LEADING_BINDING.matcher(c);
                if (b.lookingAt()) {
                    c = c.substring(b.end());
                }
                list.add(c);
            }
        }
        return list;
    }

    /** A constraint as a subject and a predicate ("the mandate", "is NONE"), or null. */
    private record Predicate(String subject, String predicate) {
    }

    private static Predicate predicate(String constraint, Map<String, String> fields) {
        // A factor's level is written as in scenario files ("PEACE_TALKS"); it reads as the level.
        String c = fields == SITUATION_FIELDS ? QUOTED_LEVEL.matcher(constraint).replaceAll("$1") : constraint;
        Matcher m = BOOLEAN_COMPARISON.matcher(c);
        if (m.matches()) {
            boolean yes = m.group(2).equals("==") == m.group(3).equals("true");
            return new Predicate(subject(m.group(1), fields), yes ? "is true" : "is false");
        }
        m = ENUM_COMPARISON.matcher(c);
        if (m.matches()) {
            return new Predicate(subject(m.group(1), fields), (m.group(2).equals("==") ? "is " : "is not ") + m.group(3));
        }
        m = STRING_COMPARISON.matcher(c);
        if (m.matches()) {
            return new Predicate(subject(m.group(1), fields), (m.group(2).equals("==") ? "is " : "is not ") + m.group(3));
        }
        m = NUMBER_COMPARISON.matcher(c);
        if (m.matches()) {
            String n = m.group(3);
            String p = switch (m.group(2)) {
                case ">=" -> "is at least " + n;
                case "<=" -> "is at most " + n;
                case ">" -> "is above " + n;
                case "<" -> "is below " + n;
                case "==" -> "is " + n;
                default -> "is not " + n;
            };
            return new Predicate(subject(m.group(1), fields), p);
        }
        m = MEMBERSHIP.matcher(c);
        if (m.matches()) {
            List<String> values = constants(m.group(3));
            if (values == null) {
                return null;
            }
            boolean in = m.group(2).equals("in");
            String p;
            if (values.size() == 1) {
                p = (in ? "is " : "is not ") + values.get(0);
            } else if (in) {
                p = "is " + list(values, "or");
            } else if (values.size() == 2) {
                p = "is neither " + values.get(0) + " nor " + values.get(1);
            } else {
                p = "is none of " + list(values, "and");
            }
            return new Predicate(subject(m.group(1), fields), p);
        }
        return null;
    }

    private static String subject(String field, Map<String, String> fields) {
        return fields.getOrDefault(field, field);
    }

    /** The constants of an {@code in (...)} list, or null if one is not a constant. */
    private static List<String> constants(String list) {
        List<String> values = new ArrayList<>();
        for (String v : split(list, ",")) {
            Matcher c = CONSTANT_ONLY.matcher(v.strip());
            if (!c.matches()) {
                return null;
            }
            values.add(c.group(1));
        }
        return values;
    }

    /** Clauses from constraints: predicates on the same subject in a row merge ("is at least 44 and below 62"). */
    private static List<List<Part>> clauses(List<String> constraints, Map<String, String> fields, List<String> untranslated) {
        List<List<Part>> clauses = new ArrayList<>();
        String lastSubject = null;
        StringBuilder current = null;
        for (String c : constraints) {
            Predicate p = predicate(c, fields);
            if (p != null && p.subject().equals(lastSubject)) {
                current.append(" and ").append(p.predicate().startsWith("is ") ? p.predicate().substring(3) : p.predicate());
                continue;
            }
            if (current != null) {
                clauses.add(List.of(new Part(current.toString(), false)));
                current = null;
                lastSubject = null;
            }
            if (p != null) {
                current = new StringBuilder(p.subject()).append(' ').append(p.predicate());
                lastSubject = p.subject();
            } else {
                untranslated.add(c);
                clauses.add(List.of(new Part(c, true)));
            }
        }
        if (current != null) {
            clauses.add(List.of(new Part(current.toString(), false)));
        }
        return clauses;
    }

    /** "every item", "ARREST_SUPPORT and ARREST_OPERATION items", "every item except ...", "every confidential item". */
    private static List<Part> items(List<String> constraints, List<String> untranslated) {
        Set<String> only = null;
        Set<String> except = new LinkedHashSet<>();
        Boolean confidential = null;
        List<String> other = new ArrayList<>();
        for (String c : constraints) {
            Matcher m = ENUM_COMPARISON.matcher(c);
            Matcher in = MEMBERSHIP.matcher(c);
            Matcher bool = BOOLEAN_COMPARISON.matcher(c);
            Matcher flag = BOOLEAN_FIELD.matcher(c);
            List<String> values;
            if (m.matches() && m.group(1).equals("type")) {
                values = List.of(m.group(3));
                if (m.group(2).equals("==")) {
                    only = restrict(only, values);
                } else {
                    except.addAll(values);
                }
            } else if (in.matches() && in.group(1).equals("type") && (values = constants(in.group(3))) != null) {
                if (in.group(2).equals("in")) {
                    only = restrict(only, values);
                } else {
                    except.addAll(values);
                }
            } else if (bool.matches() && bool.group(1).equals("confidential") && confidential == null) {
                confidential = bool.group(2).equals("==") == bool.group(3).equals("true");
            } else if (flag.matches() && flag.group(2).equals("confidential") && confidential == null) {
                confidential = flag.group(1).isEmpty();
            } else {
                other.add(c);
            }
        }
        if (only != null) {
            only.removeAll(except);
            except.clear();
        }
        StringBuilder sb = new StringBuilder();
        if (only != null) {
            String types = only.isEmpty() ? "no" : list(List.copyOf(only), "and");
            if (Boolean.TRUE.equals(confidential)) {
                sb.append("confidential ").append(types).append(" items");
            } else {
                sb.append(types).append(" items");
                if (Boolean.FALSE.equals(confidential)) {
                    sb.append(" that are not confidential");
                }
            }
        } else {
            sb.append(Boolean.TRUE.equals(confidential) ? "every confidential item" : "every item");
            if (Boolean.FALSE.equals(confidential)) {
                sb.append(" that is not confidential");
            }
            if (!except.isEmpty()) {
                sb.append(Boolean.FALSE.equals(confidential) ? ", except " : " except ").append(list(List.copyOf(except), "and"));
            }
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(sb.toString(), false));
        for (int i = 0; i < other.size(); i++) {
            Predicate p = predicate(other.get(i), ITEM_FIELDS);
            parts.add(new Part(i == 0 ? " where " : " and ", false));
            if (p != null) {
                parts.add(new Part(p.subject() + " " + p.predicate(), false));
            } else {
                untranslated.add(other.get(i));
                parts.add(new Part(other.get(i), true));
            }
        }
        return parts;
    }

    private static Set<String> restrict(Set<String> only, List<String> values) {
        if (only == null) {
            return new LinkedHashSet<>(values);
        }
        only.retainAll(values);
        return only;
    }

    /** The statements of a then part, each in words (or verbatim). */
    private static List<List<Part>> actions(String then, List<String> untranslated) {
        List<List<Part>> actions = new ArrayList<>();
        for (String s : split(then, ";")) {
            String statement = collapse(s);
            if (statement.isEmpty()) {
                continue;
            }
            List<Part> words = action(statement);
            if (words == null) {
                words = List.of(new Part(statement, true));
            }
            words.stream().filter(Part::code).forEach(p -> untranslated.add(p.text()));
            actions.add(words);
        }
        return actions;
    }

    private static List<Part> action(String statement) {
        Matcher call = CALL.matcher(statement);
        if (!call.matches()) {
            return null;
        }
        String method = call.group(1);
        List<String> args = new ArrayList<>();
        if (!call.group(2).isBlank()) {
            for (String a : split(call.group(2), ",")) {
                args.add(a.strip());
            }
        }
        if (!args.isEmpty() && (args.get(0).equals("kcontext") || args.get(0).equals("drools"))) {
            args.remove(0);
        }
        switch (method) {
            case "insert" -> {
                if (args.size() == 1 && args.get(0).matches("\\$?\\w+\\s*\\.\\s*balance\\s*\\(\\s*(kcontext|drools)?\\s*\\)")) {
                    return words("computes the item's balance of considerations (its base plus every weight, kept between 0 and 100) for the verdict rules");
                }
                return null;
            }
            case "balance" -> {
                return args.isEmpty() ? words("computes the item's balance of considerations (its base plus every weight, kept between 0 and 100)") : null;
            }
            case "weigh" -> {
                List<Part> weight = args.size() == 2 ? weight(args.get(0)) : null;
                String text = args.size() == 2 ? string(args.get(1)) : null;
                if (weight == null || text == null) {
                    return null;
                }
                List<Part> parts = new ArrayList<>(words("weighs "));
                parts.addAll(weight);
                parts.add(new Part(" (" + text + ")", false));
                return parts;
            }
            case "cap" -> {
                String mode = args.size() == 2 ? constant(args.get(0)) : null;
                String reason = args.size() == 2 ? string(args.get(1)) : null;
                return mode == null || reason == null ? null : words("at most " + mode + " (" + reason + ")");
            }
            case "require" -> {
                String code = args.size() == 2 ? string(args.get(0)) : null;
                String text = args.size() == 2 ? string(args.get(1)) : null;
                return code == null || text == null ? null : words("requires " + code + " (" + text + ")");
            }
            case "escalate" -> {
                String reason = args.size() == 1 ? string(args.get(0)) : null;
                return reason == null ? null : words("refers the decision to UN Headquarters (" + reason + ")");
            }
            case "defer" -> {
                String event = args.size() == 1 ? string(args.get(0)) : null;
                return event == null ? null : words("at most DEFER until " + event);
            }
            case "base" -> {
                String score = args.size() == 2 ? integer(args.get(0)) : null;
                String form = args.size() == 2 ? string(args.get(1)) : null;
                return score == null || form == null ? null
                        : words("starts the balance at " + score + "; the lower-risk form offered when LIMITED: " + form);
            }
            case "band" -> {
                String mode = args.size() == 1 ? constant(args.get(0)) : null;
                return mode == null ? null
                        : words("the verdict band is " + mode + " (the item's mode, unless a rule set a lower ceiling)");
            }
            default -> {
                return null;
            }
        }
    }

    private static List<Part> words(String s) {
        return List.of(new Part(s, false));
    }

    /**
     * A weight: an integer, or a ternary on the item ("4 for ARREST_SUPPORT and ARREST_OPERATION, otherwise 8"); a
     * condition it cannot put in words is shown as written ("4 if `cond`, otherwise 8"). Null if the weights
     * themselves are not integers.
     */
    private static List<Part> weight(String expr) {
        String e = unwrap(expr);
        String n = integer(e);
        if (n != null) {
            return words(n);
        }
        int q = topLevel(e, '?', 0);
        int colon = q < 0 ? -1 : matchingColon(e, q + 1);
        if (colon < 0) {
            return null;
        }
        String yes = integer(unwrap(e.substring(q + 1, colon)));
        String no = unwrap(e.substring(colon + 1));
        List<Part> rest = integer(no) != null ? words("otherwise " + integer(no)) : weight(no);
        if (yes == null || rest == null) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        String whom = itemTest(e.substring(0, q));
        if (whom != null) {
            parts.add(new Part(yes + " for " + whom + ", ", false));
        } else {
            parts.add(new Part(yes + " if ", false));
            parts.add(new Part(collapse(e.substring(0, q)), true));
            parts.add(new Part(", ", false));
        }
        parts.addAll(rest);
        return parts;
    }

    /** "ARREST_SUPPORT and ARREST_OPERATION" for a test of the item's type, "confidential items"; else null. */
    private static String itemTest(String condition) {
        String c = unwrap(condition);
        if (c.matches("\\$?\\w+\\s*\\.\\s*isConfidential\\s*\\(\\s*\\)")) {
            return "confidential items";
        }
        List<String> types = new ArrayList<>();
        for (String alternative : split(c, "||")) {
            Matcher t = TYPE_TEST.matcher(unwrap(alternative));
            if (!t.matches()) {
                return null;
            }
            types.add(t.group(1));
        }
        return list(types, "and");
    }

    /** The index of the first {@code target} outside strings and parentheses, from {@code from}, or -1. */
    private static int topLevel(String s, char target, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (depth == 0 && c == target) {
                return i;
            }
            if (c == '"' || c == '\'') {
                i = stringEnd(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return -1;
    }

    private static int matchingColon(String s, int from) {
        int depth = 0;
        int pending = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == '?') {
                pending++;
            } else if (depth == 0 && c == ':') {
                if (pending == 0) {
                    return i;
                }
                pending--;
            }
        }
        return -1;
    }

    /** Strips whitespace and parentheses that enclose the whole expression. */
    private static String unwrap(String s) {
        String e = s.strip();
        while (e.startsWith("(") && e.endsWith(")")) {
            try {
                if (closing(e, 0) != e.length() - 1) {
                    break;
                }
            } catch (Untranslatable x) {
                break;
            }
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    private static String integer(String s) {
        String e = unwrap(s);
        return INTEGER.matcher(e).matches() ? e.replaceAll("\\s+", "") : null;
    }

    private static String constant(String s) {
        Matcher m = CONSTANT_ONLY.matcher(unwrap(s));
        return m.matches() ? m.group(1) : null;
    }

    /** The value of a Java string literal, or null if the argument is not one literal. */
    private static String string(String s) {
        Matcher m = STRING.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        String body = m.group(1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                sb.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    if (i + 4 < body.length() && body.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        sb.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        sb.append("\\u");
                    }
                }
                default -> sb.append(next);
            }
        }
        return sb.toString();
    }

    /** "A", "A and B", "A, B and C". */
    static String list(List<String> values, String conjunction) {
        if (values.size() <= 1) {
            return values.isEmpty() ? "" : values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " " + conjunction + " " + values.get(values.size() - 1);
    }

    static String collapse(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
