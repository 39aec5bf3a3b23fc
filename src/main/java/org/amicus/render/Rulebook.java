package org.amicus.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleSource;
import org.amicus.model.Factor;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.RuleInfo;

/**
 * The rulebook, for legal reviewers who do not read DRL: every rule, grouped by family (the rule file it is written
 * in, introduced by the file's header comment), with its id, a plain-language statement of what it does, its effect,
 * and the research passage it rests on; the factors and their levels, with what each level means; the modes and the
 * verdict bands. The statements and the bands are generated from the rule text, and the ids, factors, effects and
 * passages come from the compiled rules' metadata, so the rulebook cannot drift from the rules it describes.
 * Rendered as Markdown or as one self-contained HTML page; the same rules always give the same bytes.
 */
public final class Rulebook {
    /** A piece of a statement: words, or DRL shown as written ({@code code}). */
    public record Part(String text, boolean code) {
    }

    /** A statement in plain language, with any DRL it shows verbatim kept apart for rendering. */
    public record Text(List<Part> parts) {
        public Text {
            parts = List.copyOf(parts);
        }

        /** The statement as plain text (verbatim DRL included as written). */
        public String plain() {
            return parts.stream().map(Part::text).collect(Collectors.joining());
        }

        /** Builds a text, merging neighbouring pieces of the same kind. */
        static final class Builder {
            private final List<Part> parts = new ArrayList<>();

            Builder text(String s) {
                return add(new Part(s, false));
            }

            Builder code(String s) {
                return add(new Part(s, true));
            }

            Builder parts(List<Part> more) {
                more.forEach(this::add);
                return this;
            }

            private Builder add(Part p) {
                if (p.text().isEmpty()) {
                    return this;
                }
                int last = parts.size() - 1;
                if (last >= 0 && !p.code() && !parts.get(last).code()) {
                    parts.set(last, new Part(parts.get(last).text() + p.text(), false));
                } else {
                    parts.add(p);
                }
                return this;
            }

            Text build() {
                return new Text(parts);
            }
        }
    }

    /**
     * One rule. {@code untranslated} lists the DRL fragments the statement shows verbatim (empty when all of it is
     * in words); {@code annotation} is the comment above the rule in its file; {@code salience} is null without one.
     */
    public record Entry(String id, String name, String family, String file, int line, String factor, String effect,
                        String source, String quote, String annotation, Integer salience, Text statement,
                        List<String> untranslated) {
    }

    /** The rules of one file, in file order, with the file's header comment as the family's introduction. */
    public record Family(String name, String file, String introduction, List<Entry> rules) {
    }

    /** A verdict band: balances from {@code from} to {@code to} (inclusive, within 0-100) give this mode. */
    public record Band(Mode mode, int from, int to, String rule) {
    }

    /** Families in the order a reviewer meets them: where an item starts, the factors by weight, the verdict. */
    private static final List<String> FAMILY_ORDER =
            List.of("items", "mandate", "support", "risks", "hoststate", "request", "instruments", "leadership", "verdict");

    private static final Map<String, String> FACTOR_MEANINGS = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> LEVEL_MEANINGS = new LinkedHashMap<>();

    private static void factor(String key, String meaning, String... levels) {
        FACTOR_MEANINGS.put(key, meaning);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < levels.length; i += 2) {
            m.put(levels[i], levels[i + 1]);
        }
        LEVEL_MEANINGS.put(key, m);
    }

    // The meanings of the factors and their levels, from DOMAIN.md.
    static {
        factor("mandate", "What the Security Council's mandate says about impunity and the Court. Particularly important: "
                        + "the research finds \"a moderately permissive mandate\" matters, and that it is \"more important that the "
                        + "mandate refers to assistance than whether it explicitly mentions the modalities\".",
                "NONE", "The mandate has no language on countering impunity or on the Court.",
                "IMPUNITY_GENERAL", "The mandate tasks the mission with fighting impunity or supporting justice, without naming the Court.",
                "ICC_SUPPORT", "The mandate explicitly calls for cooperation with the ICC (as for MONUC/MONUSCO).",
                "ARREST_AUTHORITY", "The mandate explicitly authorises the mission to arrest or detain suspects (MINUSCA's \"Urgent Temporary Measures\"; UNMIL for Charles Taylor).");
        factor("internationalSupport", "Support for assisting the Court from states, especially on the Security Council, and from "
                        + "the UN Secretariat. Particularly important: the research finds assistance needs \"at least a moderate degree "
                        + "of international support\".",
                "LOW", "States and the UN Secretariat give little support to assisting the Court.",
                "MODERATE", "There is at least a moderate degree of international support for assistance.",
                "HIGH", "States and the UN Secretariat strongly support assisting the Court.");
        factor("hostState", "The attitude of the state on whose territory the assistance would take place. Support is "
                        + "\"frequently conditioned on the existence of host state support\", especially for risky operations.",
                "OPPOSED", "The host state opposes cooperation with the Court (a lack of political will).",
                "AMBIVALENT", "The host state neither clearly consents nor opposes; there are tensions between it and the Court.",
                "UNABLE", "The host state consents but lacks the capacity to act itself: here the mission's assets matter most.",
                "SUPPORTIVE", "The host state supports cooperation with the Court.");
        factor("stabilityRisk", "The risk that assisting poses to stability in the mission area. Particularly important: "
                        + "assistance must generate \"little risks to stability\".",
                "HIGH", "Assisting would put the stability of the mission area at high risk.",
                "MODERATE", "Assisting carries a moderate risk to stability.",
                "LOW", "Assisting puts little at risk for stability.");
        factor("legitimacyRisk", "The risk that assisting poses to the mission's local legitimacy: the consent of the parties, "
                        + "impartiality, the limited use of force. Particularly important.",
                "HIGH", "Assisting would put the mission's local legitimacy at high risk.",
                "MODERATE", "Assisting carries a moderate risk to the mission's local legitimacy.",
                "LOW", "Assisting puts little at risk for the mission's local legitimacy.");
        factor("forceProtectionRisk", "The threat to mission personnel on the ground if the mission assists (as UNAMID was "
                        + "threatened after the al-Bashir warrant). A tested factor.",
                "HIGH", "Mission personnel on the ground would face a high threat.",
                "MODERATE", "Mission personnel on the ground would face a moderate threat.",
                "LOW", "The threat to mission personnel on the ground is low.");
        factor("capacity", "Whether the mission has the assets the assistance needs: investigators, troops, armoured cars, "
                        + "aircraft, special forces. A tested factor.",
                "NONE", "The mission lacks the assets this assistance needs.",
                "LIMITED", "The mission has some of the assets, but they are limited.",
                "ADEQUATE", "The mission has the assets this assistance needs.");
        factor("target", "Whom the Court targets. Where the Court prosecutes spoilers of a peace agreement the interests of the "
                        + "mission and the Court overlap; where it targets parties to a peace agreement or government agents, "
                        + "assisting could thwart the mandate. Sitting officials enjoy immunities.",
                "HEAD_OF_STATE", "A sitting head of state, with immunities and an inviolability that bars arrest by other states.",
                "GOVERNMENT_AGENT", "An agent of the government whose consent the mission needs.",
                "PEACE_PROCESS_PARTY", "A party to the peace process.",
                "ARMED_GROUP", "A leader of an armed group, protected by militias: a practical, operational challenge.",
                "SPOILER", "Someone identified as spoiling a peace agreement: the mission's and the Court's interests overlap.",
                "NONE", "No named suspect (outside the order).",
                "FORMER_OFFICIAL", "A former head of state or official, no longer in office, as Charles Taylor (outside the order).");
        factor("prosecutionScope", "Whether the Court prosecutes all sides to the conflict; impartiality problems are "
                        + "\"exacerbated when the ICC is not prosecuting all sides\".",
                "ONE_SIDED", "The Court prosecutes one side only, which strains the mission's impartiality.",
                "ALL_SIDES", "The Court prosecutes all sides to the conflict.");
        factor("politicalMoment", "When the Court asks: the research urges to \"carefully consider the timing of judicial "
                        + "actions\" (the Doha talks were suspended after the al-Bashir warrant). The levels are not ordered.",
                "PEACE_TALKS", "Peace talks are under way.",
                "TRANSITION", "A peace agreement or a transitional government is being implemented.",
                "ELECTIONS", "An election is near.",
                "CRISIS", "The mission is absorbed by an acute crisis.",
                "ROUTINE", "No talks, election or crisis makes this a delicate moment.");
        factor("warrant", "The Court's arrest warrant behind an arrest request; the research recommends \"sealed warrants to be "
                        + "unsealed at the most opportune moment\". The levels are not ordered.",
                "NONE", "No arrest warrant has been issued.",
                "SEALED", "A warrant is issued under seal: the suspect is not forewarned and the moment can be chosen.",
                "PUBLIC", "The warrant is public: the suspect and his protectors are forewarned.");
        factor("mou", "Whether a memorandum of understanding between the mission and the Court is in force (as for MINUSCA, "
                        + "MINUSMA, MONUC/MONUSCO and UNOCI); MoUs give \"much freedom to decide on whether and how to assist on a "
                        + "case-by-case basis\".",
                "NONE", "No MoU with the Court governs the mission's assistance.",
                "IN_FORCE", "An MoU with the Court is in force and sets out how assistance fits within the UN's work.");
        factor("leaderRiskTolerance", "Whether the mission's leaders are tolerant of risk. A secondary factor: alone it never "
                        + "moves the advice by more than one mode.",
                "LOW", "The mission's leaders are averse to risk.",
                "HIGH", "The mission's leaders are tolerant of risk.");
        factor("leaderPriority", "How the mission's leaders weigh peace against justice; missions assist more when led by "
                        + "people who \"prioritize peace and justice equally\". A secondary factor.",
                "PEACE_FIRST", "The leaders put peace (stability) before justice.",
                "JUSTICE_FIRST", "The leaders put justice before peace, which the research finds less favourable than balance.",
                "BALANCED", "The leaders weigh peace and justice equally: the most favourable level.");
        factor("leaderConfidenceInIcc", "Whether the mission's leaders \"feel that the ICC will efficiently deliver on its "
                        + "mandate\". A secondary factor.",
                "LOW", "The leaders doubt that the Court will deliver.",
                "HIGH", "The leaders trust the Court to deliver on its mandate to fight impunity.");
    }

    private static final Map<Mode, String> MODE_MEANINGS = new EnumMap<>(Map.of(
            Mode.FULL, "Assist as requested.",
            Mode.CONDITIONAL, "Assist once the listed conditions hold.",
            Mode.LIMITED, "Do not assist as requested, but offer a lower-risk form (the rulebook names it for each type of item).",
            Mode.DEFER, "Not now: wait for an event (for example the end of peace talks, or the unsealing of a warrant).",
            Mode.DECLINE, "Do not assist."));

    private static final Map<String, String> EFFECT_MEANINGS = new LinkedHashMap<>();

    static {
        EFFECT_MEANINGS.put("+", "weighs for assisting");
        EFFECT_MEANINGS.put("-", "weighs against assisting");
        EFFECT_MEANINGS.put("+/-", "weighs for or against assisting, depending on the item");
        EFFECT_MEANINGS.put("base", "sets where an item starts (its inherent risk) and the lower-risk form offered when LIMITED");
        EFFECT_MEANINGS.put("ceiling", "sets the most assistance allowed (\"at most ...\"), and may also weigh against");
        EFFECT_MEANINGS.put("condition", "sets a condition to meet before assisting: the item is at most CONDITIONAL until it is met");
        EFFECT_MEANINGS.put("escalate", "UN Headquarters must decide");
        EFFECT_MEANINGS.put("defer", "not now: the item is at most DEFER until an event");
        EFFECT_MEANINGS.put("verdict", "turns the balance of considerations into a mode");
    }

    private static final Pattern BAND_CALL =
            Pattern.compile("\\.\\s*band\\s*\\(\\s*(?:kcontext|drools)\\s*,\\s*(?:\\w+\\.)*([A-Z]+)\\s*\\)");
    private static final Pattern SCORE_BOUND = Pattern.compile("\\bscore\\s*(>=|<=|>|<)\\s*(-?\\d+)");

    private final String fingerprint;
    private final List<Family> families;
    private final List<Band> bands;

    private Rulebook(String fingerprint, List<Family> families, List<Band> bands) {
        this.fingerprint = fingerprint;
        this.families = List.copyOf(families);
        this.bands = List.copyOf(bands);
    }

    /** The rulebook of compiled rules: their text and their metadata. */
    public static Rulebook of(RuleBase rules) {
        return of(rules.source(), rules.rules());
    }

    /** The rulebook of a rule set's text and its rules' metadata (keyed by rule name, as {@link RuleBase#rules()}). */
    public static Rulebook of(RuleSource source, Map<String, RuleInfo> metadata) {
        Map<String, RuleInfo> byName = new TreeMap<>(metadata);
        Map<String, Family> families = new LinkedHashMap<>();
        List<Band> bands = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (RuleSource.RuleFile f : source.files()) {
            RuleText.ParsedFile file = RuleText.parse(f.name(), f.text());
            List<Entry> entries = new ArrayList<>();
            for (RuleText.Parsed p : file.rules()) {
                if (!seen.add(p.name())) {
                    continue;
                }
                RuleInfo info = byName.get(p.name());
                RuleText.Translation t = RuleText.translate(p);
                entries.add(new Entry(info != null ? info.id() : p.name(), p.name(), file.family(), f.name(), p.line(),
                        info != null ? info.factor() : "?", info != null ? info.effect() : "?",
                        info != null ? info.source() : "?", info != null ? info.quote() : "",
                        p.annotation(), p.salience(), t.statement(), t.untranslated()));
                band(p, info, bands);
            }
            families.computeIfAbsent(file.family(), k -> new Family(k, f.name(), file.introduction(), new ArrayList<>()))
                    .rules().addAll(entries);
        }
        for (RuleInfo info : byName.values()) {
            if (seen.contains(info.name())) {
                continue;
            }
            String file = info.file() == null ? "" : info.file();
            String family = file.endsWith(".drl") ? file.substring(0, file.length() - 4) : "other";
            Text missing = new Text.Builder().text("The text of this rule was not found in the rule files.").build();
            families.computeIfAbsent(family, k -> new Family(k, file, null, new ArrayList<>())).rules()
                    .add(new Entry(info.id(), info.name(), family, file, info.line(), info.factor(), info.effect(),
                            info.source(), info.quote(), null, null, missing, List.of()));
        }
        List<Family> ordered = families.values().stream()
                .map(f -> new Family(f.name(), f.file(), f.introduction(), List.copyOf(f.rules())))
                .sorted(Comparator.comparingInt((Family f) -> {
                    int i = FAMILY_ORDER.indexOf(f.name());
                    return i < 0 ? FAMILY_ORDER.size() : i;
                }).thenComparing(Family::name))
                .toList();
        bands.sort(Comparator.comparing(Band::mode).thenComparing(Band::from));
        return new Rulebook(source.fingerprint(), ordered, bands);
    }

    /** A verdict rule that bands an item's balance: which mode for which balances. */
    private static void band(RuleText.Parsed p, RuleInfo info, List<Band> bands) {
        Matcher call = BAND_CALL.matcher(p.then());
        if (!call.find() || !p.when().contains("Balance")) {
            return;
        }
        Mode mode;
        try {
            mode = Mode.valueOf(call.group(1));
        } catch (IllegalArgumentException e) {
            return;
        }
        int from = 0;
        int to = 100;
        Matcher b = SCORE_BOUND.matcher(p.when());
        while (b.find()) {
            int n = Integer.parseInt(b.group(2));
            switch (b.group(1)) {
                case ">=" -> from = Math.max(from, n);
                case ">" -> from = Math.max(from, n + 1);
                case "<=" -> to = Math.min(to, n);
                default -> to = Math.min(to, n - 1);
            }
        }
        bands.add(new Band(mode, from, to, info != null ? info.id() : p.name()));
    }

    public String fingerprint() { return fingerprint; }
    public List<Family> families() { return families; }
    public List<Band> bands() { return bands; }

    /** Every rule, family by family. */
    public List<Entry> entries() {
        return families.stream().flatMap(f -> f.rules().stream()).toList();
    }

    public Optional<Entry> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** What a level of a factor means (from DOMAIN.md), or null if the rulebook does not describe it yet. */
    public static String meaning(Factor factor, Level level) {
        return LEVEL_MEANINGS.getOrDefault(factor.key(), Map.of()).get(level.name());
    }

    /** What a factor is about (from DOMAIN.md), or null. */
    public static String meaning(Factor factor) {
        return FACTOR_MEANINGS.get(factor.key());
    }

    /** "NONE < IMPUNITY_GENERAL < ...": the levels from the least to the most favourable, then those outside the order. */
    static String order(Factor factor) {
        Map<Integer, List<String>> byRank = new TreeMap<>();
        List<String> outside = new ArrayList<>();
        for (Level l : factor.levels()) {
            if (l.rank() == Level.UNORDERED) {
                outside.add(l.name());
            } else {
                byRank.computeIfAbsent(l.rank(), k -> new ArrayList<>()).add(l.name());
            }
        }
        String ordered = byRank.values().stream().map(v -> String.join(" ≈ ", v)).collect(Collectors.joining(" < "));
        if (ordered.isEmpty()) {
            return "not ordered";
        }
        return outside.isEmpty() ? ordered : ordered + "; outside the order: " + String.join(", ", outside);
    }

    private List<Entry> rulesOf(String factorKey) {
        return entries().stream().filter(e -> e.factor().equals(factorKey)).toList();
    }

    private int ruleCount() {
        return families.stream().mapToInt(f -> f.rules().size()).sum();
    }

    private static String effect(String effect) {
        return EFFECT_MEANINGS.getOrDefault(effect, "(not described)");
    }

    private static String rules(int n) {
        return n + (n == 1 ? " rule" : " rules");
    }

    private static final String TITLE = "The amicus rulebook";
    private static final String ABOUT = "The rules by which amicus advises a UN peace operation on a request from the International "
            + "Criminal Court, for legal reviewers who do not read the rule language (DRL): every rule, grouped by family (the rule "
            + "file it is written in), with its id, what it does in plain language, its effect, and the research passage it rests "
            + "on; the factors and their levels, with what each level means; and how the advice is reached.";
    private static final String GENERATED = "Generated by amicus rulebook from the rule files. The plain-language statements are "
            + "generated from the text of the rules, so they say what the rules do; where a part of a rule could not be put in "
            + "words it is shown as written, in code type. Do not edit this document: change the rules and generate it again.";
    private static final String HOW = "For each item requested, one rule of the items family sets where the item starts (its "
            + "inherent risk) and the lower-risk form that can be offered instead. The factor rules then weigh the situation: "
            + "each weight is added to the item's balance of considerations, kept between 0 and 100. Some rules also set a "
            + "ceiling (\"at most ...\"), a condition (the item is at most CONDITIONAL until it is met), a deferral (at most DEFER "
            + "until an event) or a referral to UN Headquarters. Last, the verdict rules place the balance in a band; the "
            + "item's mode is that band, lowered to the lowest ceiling that any rule set. A factor left UNKNOWN is weighed at "
            + "each of its levels, and the advice is the most cautious mode reached.";
    private static final String UNKNOWN = "Every factor also accepts UNKNOWN (the adviser does not know): it is never silently "
            + "treated as favourable; the advice is weighed at every level and reports which unknowns matter. Where the levels "
            + "are ordered, they run from the least to the most favourable to assistance.";
    private static final String[][] READING = {
        {"weighs N (reason)", "adds N to the item's balance (a negative N weighs against assisting); \"A for X, otherwise B\" gives the weight by type of item"},
        {"at most MODE (reason)", "a ceiling: the item's mode is never above MODE"},
        {"requires CODE (text)", "a condition to meet before assisting; the item is at most CONDITIONAL until it is met"},
        {"at most DEFER until event", "not now: wait for the event"},
        {"refers the decision to UN Headquarters (reason)", "the mission cannot decide alone: UN Headquarters must"},
        {"starts the balance at N", "the item's starting balance, and the lower-risk form offered when the advice is LIMITED"},
    };

    // ------------------------------------------------------------------------------------------------ Markdown

    /** The rulebook as Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(TITLE).append("\n\n");
        sb.append(md(ABOUT)).append("\n\n");
        sb.append(md(GENERATED)).append("\n\n");
        sb.append("- Rules fingerprint: `").append(fingerprint).append("` (as in every advice given with these rules)\n");
        sb.append("- ").append(rules(ruleCount())).append(" in ").append(families.size()).append(" families\n\n");

        sb.append("## Contents\n\n");
        sb.append("1. [How the advice is reached](#how-the-advice-is-reached)\n");
        sb.append("2. [Factors and levels](#factors-and-levels)\n");
        sb.append("3. Rules by family:\n");
        for (Family f : families) {
            sb.append("   - [").append(md(f.name())).append("](#").append(slug("Family: " + f.name())).append("): ")
                    .append(rules(f.rules().size())).append('\n');
        }
        sb.append('\n');

        sb.append("## How the advice is reached\n\n").append(md(HOW)).append("\n\n");
        sb.append("### Modes\n\nFrom the most to the least assistance:\n\n| mode | meaning |\n|---|---|\n");
        for (Mode m : Mode.values()) {
            sb.append("| ").append(m).append(" | ").append(cell(MODE_MEANINGS.get(m))).append(" |\n");
        }
        sb.append("\n### Verdict bands\n\n");
        if (bands.isEmpty()) {
            sb.append("These rules have no verdict rule that bands the balance.\n\n");
        } else {
            sb.append("The band the balance of considerations falls in (read from the verdict rules):\n\n");
            sb.append("| balance | band | rule |\n|---|---|---|\n");
            for (Band b : bands) {
                sb.append("| ").append(b.from()).append(" to ").append(b.to()).append(" | ").append(b.mode()).append(" | [")
                        .append(md(b.rule())).append("](#").append(slug(b.rule())).append(") |\n");
            }
            sb.append('\n');
        }
        sb.append("### Effects\n\n| effect | meaning |\n|---|---|\n");
        EFFECT_MEANINGS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(cell(v)).append(" |\n"));
        sb.append("\n### Reading a statement\n\n");
        for (String[] r : READING) {
            sb.append("- \"").append(md(r[0])).append("\": ").append(md(r[1])).append(".\n");
        }
        sb.append("- Text in `code type` is a part of the rule that could not be put in words, shown as written.\n\n");

        sb.append("## Factors and levels\n\n").append(md(UNKNOWN)).append("\n\n");
        for (Factor f : Factor.all()) {
            sb.append("### ").append(md("Factor: " + f.key())).append("\n\n");
            String about = meaning(f);
            if (about != null) {
                sb.append(md(about)).append(' ');
            }
            sb.append(f.isLeadership() ? "Secondary factor (leadership)." : "Primary factor.").append("\n\n");
            sb.append("Order: ").append(md(order(f))).append(".\n\n");
            sb.append("| level | meaning |\n|---|---|\n");
            for (Level l : f.levels()) {
                String m = meaning(f, l);
                sb.append("| ").append(l.name()).append(" | ").append(cell(m == null ? "(not described yet)" : m)).append(" |\n");
            }
            sb.append('\n');
            List<Entry> rs = rulesOf(f.key());
            sb.append("Rules: ");
            sb.append(rs.isEmpty() ? "none." : rs.stream().map(e -> "[" + md(e.id()) + "](#" + slug(e.id()) + ")")
                    .collect(Collectors.joining(", ")) + ".");
            sb.append("\n\n");
        }

        for (Family f : families) {
            sb.append("## Family: ").append(md(f.name())).append("\n\n");
            if (f.introduction() != null) {
                sb.append(md(f.introduction())).append("\n\n");
            }
            sb.append("Written in `").append(f.file()).append("`; ").append(rules(f.rules().size())).append(".\n\n");
            for (Entry e : f.rules()) {
                sb.append("### ").append(md(e.id())).append("\n\n");
                sb.append(md(e.statement())).append("\n\n");
                if (!e.quote().isEmpty()) {
                    sb.append("> \"").append(md(e.quote())).append("\"  \n> — `").append(e.source()).append("`\n\n");
                }
                sb.append("- Factor: ").append(Factor.byKey(e.factor()) != null
                        ? "[" + md(e.factor()) + "](#" + slug("Factor: " + e.factor()) + ")" : md(e.factor())).append('\n');
                sb.append("- Effect: `").append(e.effect()).append("` (").append(md(effect(e.effect()))).append(")\n");
                if (e.annotation() != null) {
                    sb.append("- Comment in the rule file: ").append(md(e.annotation())).append('\n');
                }
                if (e.salience() != null) {
                    sb.append("- Order: runs after the rules of higher salience (its salience is ").append(e.salience())
                            .append("; rules without one have 0)\n");
                }
                sb.append("- Written in `").append(e.file()).append("`, line ").append(e.line()).append(", rule \"")
                        .append(md(e.name())).append("\"\n\n");
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    private static String md(Text t) {
        StringBuilder sb = new StringBuilder();
        for (Part p : t.parts()) {
            sb.append(p.code() ? codeSpan(p.text()) : md(p.text()));
        }
        return sb.toString();
    }

    /**
     * Escapes what would make Markdown of plain text: backslashes, code, emphasis and link brackets, and the
     * {@code <} and {@code &} that would start an HTML tag or an entity. Line breaks become spaces.
     */
    public static String escapeMarkdown(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            boolean tag = c == '<' && (Character.isLetter(next) || "/!?".indexOf(next) >= 0);
            boolean entity = c == '&' && (Character.isLetter(next) || next == '#');
            if ("\\`*[]".indexOf(c) >= 0 || tag || entity) {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }

    private static String md(String s) {
        return escapeMarkdown(s);
    }

    /** A table cell: Markdown-escaped, with the column separator escaped too. */
    private static String cell(String s) {
        return md(s).replace("|", "\\|");
    }

    private static String codeSpan(String code) {
        String c = code.replaceAll("\\s+", " ");
        int longest = 0;
        Matcher m = Pattern.compile("`+").matcher(c);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = c.startsWith("`") || c.endsWith("`");
        return fence + (pad ? " " : "") + c + (pad ? " " : "") + fence;
    }

    /** The anchor a Markdown renderer (GitHub's) gives a heading. */
    static String slug(String heading) {
        StringBuilder sb = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ HTML

    private static final String CSS = """
            body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff; margin: 0; }
            main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
            h1, h2, h3, nav, table, .meta, .details, .effect { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
            h1 { font-size: 1.9rem; margin-bottom: .25rem; }
            h2 { font-size: 1.4rem; border-bottom: 2px solid #1d4e89; padding-bottom: .2rem; margin-top: 2.5rem; }
            h3 { font-size: 1.1rem; margin: 1.75rem 0 .4rem; }
            a { color: #1d4e89; }
            code { font: .88em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f2f4f7; padding: 0 .2em; border-radius: 3px; }
            table { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .5rem 0 1rem; }
            th, td { border: 1px solid #d0d5dd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            th { background: #f2f4f7; }
            .meta, .intro, .details { color: #444; }
            .rule { border-left: 4px solid #d0d5dd; padding: .1rem 0 .1rem 1rem; margin: 1.25rem 0; }
            .rule h3 { margin-top: .4rem; }
            .statement { font-size: 1.05rem; }
            blockquote { margin: .5rem 0; padding: .4rem .8rem; background: #f8f6f0; border-left: 3px solid #b08d3c; }
            blockquote cite { display: block; font-style: normal; font-size: .85rem; color: #555; }
            .details { font-size: .88rem; margin: .4rem 0 0; padding-left: 1.1rem; }
            .effect { display: inline-block; min-width: 1.5em; text-align: center; font-size: .8rem; font-weight: 600; padding: 0 .35em; border-radius: 3px; background: #e4e7ec; }
            .effect-plus { background: #d1fadf; } .effect-minus { background: #fee4e2; } .effect-ceiling, .effect-defer { background: #fef0c7; }
            .untranslated { color: #8a2c0d; }
            @media print { main { max-width: none; } .rule { break-inside: avoid; } nav { display: none; } }
            """;

    /** The rulebook as one self-contained HTML page. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"amicus rulebook\">\n")
                .append("<title>").append(esc(TITLE)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        sb.append("<header>\n<h1>").append(esc(TITLE)).append("</h1>\n<p>").append(esc(ABOUT)).append("</p>\n");
        sb.append("<p class=\"meta\">").append(esc(GENERATED)).append("</p>\n");
        sb.append("<p class=\"meta\">Rules fingerprint: <code>").append(esc(fingerprint))
                .append("</code> (as in every advice given with these rules). ").append(esc(rules(ruleCount()))).append(" in ")
                .append(families.size()).append(" families.</p>\n</header>\n");

        sb.append("<nav>\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#how-the-advice-is-reached\">How the advice is reached</a></li>\n")
                .append("<li><a href=\"#factors-and-levels\">Factors and levels</a></li>\n<li>Rules by family:\n<ul>\n");
        for (Family f : families) {
            sb.append("<li><a href=\"#").append(esc(slug("Family: " + f.name()))).append("\">").append(esc(f.name()))
                    .append("</a>: ").append(esc(rules(f.rules().size()))).append("</li>\n");
        }
        sb.append("</ul>\n</li>\n</ol>\n</nav>\n");

        sb.append("<section id=\"how-the-advice-is-reached\">\n<h2>How the advice is reached</h2>\n<p>").append(esc(HOW)).append("</p>\n");
        sb.append("<h3>Modes</h3>\n<p>From the most to the least assistance:</p>\n<table>\n<tr><th>mode</th><th>meaning</th></tr>\n");
        for (Mode m : Mode.values()) {
            sb.append("<tr><td><strong>").append(m).append("</strong></td><td>").append(esc(MODE_MEANINGS.get(m))).append("</td></tr>\n");
        }
        sb.append("</table>\n<h3>Verdict bands</h3>\n");
        if (bands.isEmpty()) {
            sb.append("<p>These rules have no verdict rule that bands the balance.</p>\n");
        } else {
            sb.append("<p>The band the balance of considerations falls in (read from the verdict rules):</p>\n<table>\n")
                    .append("<tr><th>balance</th><th>band</th><th>rule</th></tr>\n");
            for (Band b : bands) {
                sb.append("<tr><td>").append(b.from()).append(" to ").append(b.to()).append("</td><td>").append(b.mode())
                        .append("</td><td><a href=\"#rule-").append(esc(b.rule())).append("\"><code>").append(esc(b.rule()))
                        .append("</code></a></td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<h3>Effects</h3>\n<table>\n<tr><th>effect</th><th>meaning</th></tr>\n");
        EFFECT_MEANINGS.forEach((k, v) -> sb.append("<tr><td>").append(effectBadge(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n"));
        sb.append("</table>\n<h3>Reading a statement</h3>\n<ul>\n");
        for (String[] r : READING) {
            sb.append("<li>“").append(esc(r[0])).append("”: ").append(esc(r[1])).append(".</li>\n");
        }
        sb.append("<li>Text in <code>code type</code> is a part of the rule that could not be put in words, shown as written.</li>\n</ul>\n</section>\n");

        sb.append("<section id=\"factors-and-levels\">\n<h2>Factors and levels</h2>\n<p>").append(esc(UNKNOWN)).append("</p>\n");
        for (Factor f : Factor.all()) {
            sb.append("<section class=\"factor\" id=\"").append(esc(slug("Factor: " + f.key()))).append("\">\n<h3>Factor: <code>")
                    .append(esc(f.key())).append("</code></h3>\n<p>");
            String about = meaning(f);
            if (about != null) {
                sb.append(esc(about)).append(' ');
            }
            sb.append(f.isLeadership() ? "Secondary factor (leadership)." : "Primary factor.").append("</p>\n");
            sb.append("<p>Order: ").append(esc(order(f))).append(".</p>\n<table>\n<tr><th>level</th><th>meaning</th></tr>\n");
            for (Level l : f.levels()) {
                String m = meaning(f, l);
                sb.append("<tr><td><code>").append(esc(l.name())).append("</code></td><td>")
                        .append(esc(m == null ? "(not described yet)" : m)).append("</td></tr>\n");
            }
            sb.append("</table>\n<p>Rules: ");
            List<Entry> rs = rulesOf(f.key());
            sb.append(rs.isEmpty() ? "none" : rs.stream()
                    .map(e -> "<a href=\"#rule-" + esc(e.id()) + "\"><code>" + esc(e.id()) + "</code></a>")
                    .collect(Collectors.joining(", ")));
            sb.append(".</p>\n</section>\n");
        }
        sb.append("</section>\n");

        for (Family f : families) {
            sb.append("<section class=\"family\" id=\"").append(esc(slug("Family: " + f.name()))).append("\">\n<h2>Family: ")
                    .append(esc(f.name())).append("</h2>\n");
            if (f.introduction() != null) {
                sb.append("<p class=\"intro\">").append(esc(f.introduction())).append("</p>\n");
            }
            sb.append("<p class=\"meta\">Written in <code>").append(esc(f.file())).append("</code>; ")
                    .append(esc(rules(f.rules().size()))).append(".</p>\n");
            for (Entry e : f.rules()) {
                sb.append("<article class=\"rule\" id=\"rule-").append(esc(e.id())).append("\">\n<h3><code>").append(esc(e.id()))
                        .append("</code> ").append(effectBadge(e.effect())).append("</h3>\n");
                sb.append("<p class=\"statement").append(e.untranslated().isEmpty() ? "" : " untranslated").append("\">")
                        .append(html(e.statement())).append("</p>\n");
                if (!e.quote().isEmpty()) {
                    sb.append("<blockquote><p>“").append(esc(e.quote())).append("”</p><cite>").append(esc(e.source()))
                            .append("</cite></blockquote>\n");
                }
                sb.append("<ul class=\"details\">\n<li>Factor: ").append(Factor.byKey(e.factor()) != null
                        ? "<a href=\"#" + esc(slug("Factor: " + e.factor())) + "\"><code>" + esc(e.factor()) + "</code></a>"
                        : "<code>" + esc(e.factor()) + "</code>").append("</li>\n");
                sb.append("<li>Effect: <code>").append(esc(e.effect())).append("</code> (").append(esc(effect(e.effect()))).append(")</li>\n");
                if (e.annotation() != null) {
                    sb.append("<li>Comment in the rule file: ").append(esc(e.annotation())).append("</li>\n");
                }
                if (e.salience() != null) {
                    sb.append("<li>Order: runs after the rules of higher salience (its salience is ").append(e.salience())
                            .append("; rules without one have 0)</li>\n");
                }
                sb.append("<li>Written in <code>").append(esc(e.file())).append("</code>, line ").append(e.line())
                        .append(", rule “").append(esc(e.name())).append("”</li>\n</ul>\n</article>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String html(Text t) {
        StringBuilder sb = new StringBuilder();
        for (Part p : t.parts()) {
            sb.append(p.code() ? "<code>" + esc(p.text().replaceAll("\\s+", " ")) + "</code>" : esc(p.text()));
        }
        return sb.toString();
    }

    private static String effectBadge(String effect) {
        String kind = switch (effect) {
            case "+" -> "plus";
            case "-" -> "minus";
            case "+/-" -> "mixed";
            default -> effect.replaceAll("[^A-Za-z0-9_-]", "");
        };
        return "<span class=\"effect effect-" + kind + "\" title=\"" + esc(effect(effect)) + "\">" + esc(effect) + "</span>";
    }

    /** Escapes text for HTML content and attribute values. */
    public static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String esc(String s) {
        return escapeHtml(s);
    }
}
