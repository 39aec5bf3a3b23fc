package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleFileException;
import org.amicus.engine.RuleSource;
import org.amicus.engine.Rules;
import org.amicus.model.Factor;
import org.amicus.model.RuleInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every rule rests on a research passage: its @quote must stand verbatim in the research file its @source names
 * (whitespace collapsed; a word hyphenated across a line end may be quoted joined). The research folder is given by the
 * system property amicus.research (surefire sets it to ../shared/research).
 */
class QuotesTest {
    private static Collection<RuleInfo> rules;

    @BeforeAll
    static void load() {
        rules = Fixtures.rules().rules().values();
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The text with a hyphen at a line end joined to the next line's word: "lead-\nership" becomes "leadership". */
    static String dehyphenate(String s) {
        return s.replaceAll("(\\p{L})-[ \\t]*\\r?\\n\\s*(\\p{Ll})", "$1$2");
    }

    /** The text with a line break after a hyphen removed, the hyphen kept: "non-\nstate" becomes "non-state". */
    static String joinHyphenated(String s) {
        return s.replaceAll("(\\p{L})-[ \\t]*\\r?\\n\\s*(\\p{L})", "$1-$2");
    }

    static boolean quoted(String research, String quote) {
        String q = collapse(quote);
        return collapse(research).contains(q) || collapse(dehyphenate(research)).contains(q)
                || collapse(joinHyphenated(research)).contains(q);
    }

    @Test
    @DisplayName("the matching itself: whitespace collapsed, line-end hyphenation joined, nothing else forgiven")
    void matching() {
        String text = "peace operations may have to use sub-\nstantial and\n\n  proactive force to assist";
        assertThat(quoted(text, "may have to use substantial and proactive force")).isTrue();
        assertThat(quoted(text, "may have to use sub- stantial and proactive")).isTrue();
        assertThat(quoted(text, "proactive force to assist them")).isFalse();
        assertThat(quoted(text, "may have to use substantial or proactive force")).isFalse();
        assertThat(quoted("the non-\nstate armed groups", "the non-state armed groups")).isTrue(); // a compound broken at the hyphen
        assertThat(quoted("the non-\nstate armed groups", "the nonstate armed groups")).isTrue();
        assertThat(quoted("the non-\nstate armed groups", "the non state armed groups")).isFalse();
    }

    @Test
    @DisplayName("every rule's @quote stands verbatim in the research file its @source names")
    void quotesAreVerbatim() throws IOException {
        Path dir = researchDir();
        Map<String, String> texts = new HashMap<>();
        Map<String, String> problems = new TreeMap<>();
        for (RuleInfo r : rules) {
            Path file = dir.resolve(r.source());
            if (!Files.isRegularFile(file)) {
                problems.put(r.id(), "@source " + r.source() + " is not a file of " + dir);
                continue;
            }
            String text = texts.computeIfAbsent(r.source(), s -> read(file));
            if (!quoted(text, r.quote())) {
                problems.put(r.id(), "@quote not found in " + r.source() + ": \"" + r.quote() + "\"");
            }
        }
        assertThat(problems).as(() -> problems.size() + " rule(s) quote what their source does not say (" + r(rules.size())
                + "):\n  " + problems.entrySet().stream().map(e -> e.getKey() + " (" + where(e.getKey()) + "): " + e.getValue())
                        .collect(Collectors.joining("\n  "))).isEmpty();
    }

    @Test
    @DisplayName("every research quote in a scenario's sources stands verbatim in the research file it names")
    void scenarioQuotesAreVerbatim() throws IOException {
        Path dir = researchDir();
        java.util.regex.Pattern cite = java.util.regex.Pattern.compile("research/(\\d{3}_[0-9a-f]{16}\\.txt): '(.*)'( \\([^']*\\))?");
        Map<String, String> texts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int quotes = 0;
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(Path.of("scenarios"))) {
            files = walk.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().endsWith("baseline.json"))
                    .sorted().toList();
        }
        for (Path f : files) {
            for (com.fasterxml.jackson.databind.JsonNode source : org.amicus.render.Json.mapper().readTree(f.toFile()).path("sources")) {
                java.util.regex.Matcher m = cite.matcher(source.asText());
                if (!source.asText().startsWith("research/")) {
                    continue;
                }
                if (!m.matches()) {
                    problems.add(f + ": not of the form research/NNN_<hash>.txt: 'quote' (remark): " + source.asText());
                    continue;
                }
                quotes++;
                Path file = dir.resolve(m.group(1));
                if (!Files.isRegularFile(file)) {
                    problems.add(f + ": " + m.group(1) + " is not a file of " + dir);
                } else if (!quoted(texts.computeIfAbsent(m.group(1), k -> read(file)), m.group(2))) {
                    problems.add(f + ": not found in " + m.group(1) + ": '" + m.group(2) + "'");
                }
            }
        }
        assertThat(quotes).as("research quotes in scenario sources").isGreaterThan(50);
        assertThat(problems).as(() -> String.join("\n", problems)).isEmpty();
    }

    /** The research folder (system property amicus.research); the test is skipped, not failed, without it. */
    private static Path researchDir() {
        String folder = System.getProperty("amicus.research");
        Assumptions.assumeTrue(folder != null && Files.isDirectory(Path.of(folder)),
                "the research folder (system property amicus.research = " + folder + ") is absent");
        return Path.of(folder);
    }

    private static String r(int n) {
        return n + " rules checked";
    }

    private static String where(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).map(r -> r.file() + ":" + r.line()).findFirst().orElse("?");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("every rule has @id, @factor, @effect, @source and @quote, and the ids are unique")
    void metadataComplete() throws IOException {
        assertThat(rules).as("rules loaded").hasSizeGreaterThan(50);
        List<String> ids = new ArrayList<>();
        for (RuleInfo r : rules) {
            String at = "rule \"" + r.name() + "\" (" + r.file() + ":" + r.line() + ")";
            assertThat(r.id()).as("@id of " + at).isNotBlank();
            assertThat(r.factor()).as("@factor of " + at).isNotBlank();
            assertThat(r.effect()).as("@effect of " + at).isNotBlank();
            assertThat(r.source()).as("@source of " + at).isNotBlank().matches("\\d{3}_[0-9a-f]{16}\\.txt");
            assertThat(r.quote()).as("@quote of " + at).isNotBlank();
            assertThat(collapse(r.quote()).length()).as("@quote of " + at + " is a passage, not a word").isGreaterThanOrEqualTo(15);
            assertThat(Factor.byKey(r.factor()) != null || Set.of("item", "instrument", "verdict").contains(r.factor()))
                    .as("@factor of " + at + " is a factor of DOMAIN.md, item, instrument or verdict: " + r.factor()).isTrue();
            assertThat(r.effect()).as("@effect of " + at)
                    .isIn("+", "-", "+/-", "base", "ceiling", "condition", "escalate", "defer", "verdict");
            assertThat(r.file()).as("file of " + at).endsWith(".drl");
            assertThat(r.line()).as("line of " + at).isPositive();
            ids.add(r.id());
        }
        assertThat(ids).as("rule ids").doesNotHaveDuplicates();
        // Every rule of the .drl files is in the rule base (none lost to a package or a name clash).
        long headers = 0;
        for (RuleSource.RuleFile f : RuleSource.fromDirectory(Fixtures.RULES_DIR).files()) {
            headers += f.text().lines().filter(l -> l.matches("\\s*rule\\s+\".*")).count();
        }
        assertThat(rules).as("rules in the rule base vs rule headers in the files").hasSize((int) headers);
    }

    @Test
    @DisplayName("a rule without @quote, or with a duplicate @id, is refused with its file and line")
    void incompleteMetadataIsRefused() {
        List<RuleSource.RuleFile> files = Fixtures.rulesWithBadMetadata();
        String support = files.stream().filter(f -> f.name().equals("support.drl")).findFirst().orElseThrow().text();
        int moderateLine = Fixtures.lineOf(support, "rule \"support-moderate\"");
        int highLine = Fixtures.lineOf(support, "rule \"support-high\"");
        int lowLine = Fixtures.lineOf(support, "rule \"support-low\"");
        RuleSource source = RuleSource.of("edited", files);
        RuleFileException refused = null;
        try {
            RuleBase accepted = Rules.load(source);
            RuleInfo moderate = accepted.rules().get("support-moderate");
            throw new AssertionError("rules with a missing @quote and a duplicate @id were accepted"
                    + (moderate != null && moderate.quote() != null
                            ? "; and the accepted rule base still carries the removed quote of support-moderate (\"" + moderate.quote()
                                    + "\"): the edited rules are not the ones that were loaded"
                            : ""));
        } catch (RuleFileException e) {
            refused = e;
        }
        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("support.drl");
            assertThat(p.line()).isEqualTo(moderateLine);
            assertThat(p.message()).contains("support-moderate").contains("@quote");
        });
        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("support.drl");
            assertThat(p.message()).contains("support-low").contains("already used");
            assertThat(p.line()).isIn(highLine, lowLine);
        });
    }
}
