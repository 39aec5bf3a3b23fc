package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.cli.RulebookCommand;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleSource;
import org.amicus.model.Factor;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.RuleInfo;
import org.amicus.render.Rulebook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The rulebook: complete (every rule, quote, factor and level), right (statements of known rules), safe, stable. */
class RulebookTest {
    private static RuleBase rules;
    private static Rulebook book;
    private static String markdown;
    private static String html;

    @BeforeAll
    static void build() {
        rules = Fixtures.rules();
        book = Rulebook.of(rules);
        markdown = book.markdown();
        html = book.html();
    }

    @Test
    void theShippedRulebookMatchesTheRules() throws java.io.IOException {
        java.nio.file.Path shipped = java.nio.file.Path.of("docs/rulebook.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(Fixtures.RULES_DIR.equals(java.nio.file.Path.of("rules")));
        assertThat(java.nio.file.Files.readString(shipped))
                .as("docs/rulebook.md is out of date: run ./amicus rulebook -o docs/rulebook.md")
                .isEqualTo(markdown);
    }

    private static String statement(String id) {
        return book.entry(id).orElseThrow(() -> new AssertionError("no rule " + id + " in the rulebook")).statement().plain();
    }

    /** The text of a rule in the shipped files, from its header to its end. */
    private static String drl(String name) {
        for (RuleSource.RuleFile f : rules.source().files()) {
            int at = f.text().indexOf("rule \"" + name + "\"");
            if (at >= 0) {
                int end = f.text().indexOf("\nend", at);
                return f.text().substring(at, end < 0 ? f.text().length() : end);
            }
        }
        throw new AssertionError("no rule " + name + " in the rule files");
    }

    @Test
    @DisplayName("every rule of the shipped rules appears once, with its id, in Markdown and HTML")
    void everyRuleAppears() {
        assertThat(rules.rules()).isNotEmpty();
        assertThat(book.entries()).hasSameSizeAs(rules.rules().values());
        for (RuleInfo r : rules.rules().values()) {
            assertThat(book.entry(r.id())).as(r.id()).isPresent();
            assertThat(markdown).as(r.id()).contains("\n### " + r.id() + "\n");
            assertThat(html).as(r.id()).contains("id=\"rule-" + r.id() + "\"");
        }
        assertThat(book.entries().stream().map(Rulebook.Entry::id).distinct().count()).isEqualTo(rules.rules().size());
    }

    @Test
    @DisplayName("every rule's research passage and source file appear, as the metadata gives them")
    void everyQuoteAppears() {
        for (RuleInfo r : rules.rules().values()) {
            Rulebook.Entry e = book.entry(r.id()).orElseThrow();
            assertThat(e.quote()).isEqualTo(r.quote());
            assertThat(e.source()).isEqualTo(r.source());
            assertThat(e.factor()).isEqualTo(r.factor());
            assertThat(e.effect()).isEqualTo(r.effect());
            assertThat(markdown).as(r.id()).contains(Rulebook.escapeMarkdown(r.quote())).contains(r.source());
            assertThat(html).as(r.id()).contains(Rulebook.escapeHtml(r.quote())).contains(Rulebook.escapeHtml(r.source()));
        }
    }

    @Test
    @DisplayName("families are the rule files, each introduced by its header comment")
    void familiesAreTheRuleFiles() {
        List<String> files = rules.source().files().stream().map(f -> f.name().replaceFirst("\\.drl$", "")).sorted().toList();
        assertThat(book.families().stream().map(Rulebook.Family::name).sorted().toList()).isEqualTo(files);
        for (Rulebook.Family f : book.families()) {
            assertThat(f.introduction()).as(f.name()).isNotBlank();
            assertThat(markdown).contains("## Family: " + f.name()).contains(Rulebook.escapeMarkdown(f.introduction()));
            assertThat(f.rules()).allSatisfy(e -> assertThat(e.family()).isEqualTo(f.name()));
        }
    }

    @Test
    @DisplayName("every shipped rule is put entirely in words (no DRL shown verbatim)")
    void everyShippedRuleIsInWords() {
        for (Rulebook.Entry e : book.entries()) {
            assertThat(e.untranslated()).as(e.id() + ": " + e.statement().plain()).isEmpty();
            assertThat(e.statement().parts()).as(e.id()).noneMatch(Rulebook.Part::code);
            assertThat(e.statement().plain()).as(e.id()).matches("(When|For|Always) .*\\.").doesNotContain("$i").doesNotContain("kcontext");
        }
    }

    @Test
    @DisplayName("the statements of known rules say what the DRL says")
    void knownStatements() {
        Matcher w = Pattern.compile("weigh\\(kcontext, (-?\\d+),").matcher(drl("mandate-none"));
        assertThat(w.find()).isTrue();
        assertThat(statement("mandate-none"))
                .startsWith("When the mandate is NONE, for every item: weighs " + w.group(1) + " (the mandate has no language")
                .contains("; at most CONDITIONAL (without a mandate");
        assertThat(statement("mandate-none-coercive"))
                .isEqualTo("When the mandate is NONE, for ACCOMMODATION, ARREST_SUPPORT and ARREST_OPERATION items: "
                        + "at most DECLINE (coercive assistance needs at least a mandate to counter impunity).");
        Matcher t = Pattern.compile("\\? (-?\\d+) : (-?\\d+),").matcher(drl("mandate-impunity-general"));
        assertThat(t.find()).isTrue();
        assertThat(statement("mandate-impunity-general"))
                .contains("When the mandate is IMPUNITY_GENERAL, for every item: weighs " + t.group(1)
                        + " for ARREST_SUPPORT and ARREST_OPERATION, otherwise " + t.group(2) + " (the mandate tasks");
        assertThat(statement("mandate-arrest-operation-needs-authority"))
                .startsWith("When the mandate is not ARREST_AUTHORITY, for ARREST_OPERATION items: at most LIMITED (");
        assertThat(statement("host-opposed"))
                .startsWith("When the host state is OPPOSED, for every item except ACCOMMODATION, ARREST_SUPPORT and ARREST_OPERATION: ");
        assertThat(statement("host-opposed-risky"))
                .contains("at most DECLINE (")
                .contains("; refers the decision to UN Headquarters (the host state is opposed to a risky operation).");
        assertThat(statement("host-consent-risky"))
                .startsWith("When the host state is not OPPOSED, for ACCOMMODATION, ARREST_SUPPORT and ARREST_OPERATION items: "
                        + "requires HOST_STATE_CONSENT (");
        assertThat(statement("moment-peace-talks-arrest"))
                .startsWith("When the political moment is PEACE_TALKS and the target is HEAD_OF_STATE, GOVERNMENT_AGENT or "
                        + "PEACE_PROCESS_PARTY, for ARREST_SUPPORT and ARREST_OPERATION items: at most DEFER until the end");
        assertThat(statement("target-former-official-arrest"))
                .startsWith("When the target is FORMER_OFFICIAL and the mandate is not ARREST_AUTHORITY, for ARREST_SUPPORT and ARREST_OPERATION items: ");
        assertThat(statement("scope-one-sided"))
                .matches(".*weighs -\\d+ for PUBLIC_SUPPORT, ACCOMMODATION, ARREST_SUPPORT and ARREST_OPERATION, otherwise -\\d+ \\(.*");
        assertThat(statement("instrument-confidential"))
                .startsWith("For every confidential item: requires ORIGINATOR_CONSENT (")
                .contains("requires REDACTION_AND_LEGAL_REVIEW (");
        assertThat(statement("instrument-focal-points")).startsWith("For INFORMATION_SHARING items that are not confidential: weighs ");
        assertThat(statement("instrument-relationship-agreement")).startsWith("For every item: weighs ");
        assertThat(statement("item-arrest-operation"))
                .matches("For ARREST_OPERATION items: starts the balance at \\d+; the lower-risk form offered when LIMITED: .+\\.");
        assertThat(statement("verdict-conditional"))
                .matches("When the item's balance is at least \\d+ and below \\d+: the verdict band is CONDITIONAL .*");
        assertThat(statement("verdict-balance")).contains("computes the item's balance");
        assertThat(book.entry("verdict-full").orElseThrow().salience()).isNotNull().isNegative();
    }

    @Test
    @DisplayName("the verdict bands are read from the verdict rules and cover 0 to 100 without gaps or overlaps")
    void bands() {
        List<Rulebook.Band> bands = new ArrayList<>(book.bands());
        assertThat(bands).extracting(Rulebook.Band::mode).containsExactly(Mode.values());
        bands.sort(Comparator.comparingInt(Rulebook.Band::from));
        assertThat(bands.get(0).from()).isZero();
        assertThat(bands.get(bands.size() - 1).to()).isEqualTo(100);
        for (int i = 1; i < bands.size(); i++) {
            assertThat(bands.get(i).from()).isEqualTo(bands.get(i - 1).to() + 1);
        }
        Matcher full = Pattern.compile("score >= (\\d+)\\)").matcher(drl("verdict-full"));
        assertThat(full.find()).isTrue();
        assertThat(book.bands().get(0).from()).isEqualTo(Integer.parseInt(full.group(1)));
        assertThat(markdown).contains("### Verdict bands").contains("| " + full.group(1) + " to 100 | FULL | [verdict-full](#verdict-full) |");
        for (Mode m : Mode.values()) {
            assertThat(markdown).contains("| " + m + " | ");
        }
    }

    @Test
    @DisplayName("every factor and every level, in order, with a meaning")
    void factorsAndLevels() {
        assertThat(markdown).contains("## Factors and levels");
        for (Factor f : Factor.all()) {
            assertThat(Rulebook.meaning(f)).as(f.key()).isNotBlank();
            assertThat(markdown).contains("### Factor: " + f.key());
            assertThat(html).contains("id=\"factor-" + f.key().toLowerCase() + "\"");
            int section = markdown.indexOf("### Factor: " + f.key() + "\n");
            int previous = section;
            for (Level l : f.levels()) {
                String meaning = Rulebook.meaning(f, l);
                assertThat(meaning).as(f.key() + " " + l.name()).isNotBlank();
                String row = "| " + l.name() + " | " + Rulebook.escapeMarkdown(meaning).replace("|", "\\|") + " |";
                int at = markdown.indexOf(row, section);
                assertThat(at).as(row).isGreaterThan(previous);
                previous = at;
                assertThat(html).contains(Rulebook.escapeHtml(meaning));
            }
        }
    }

    @Test
    @DisplayName("the rules fingerprint is in both renderings")
    void fingerprint() {
        assertThat(book.fingerprint()).isEqualTo(rules.fingerprint()).startsWith("sha256:");
        assertThat(markdown).contains(rules.fingerprint());
        assertThat(html).contains(rules.fingerprint());
    }

    private static final String HOSTILE = """
            // A family whose <b>header</b> says "fish & chips".
            package amicus;

            import org.amicus.model.*;

            // 000: "a < b & c"
            rule "hostile"
                @id("hostile") @factor("item") @effect("+")
                @source("000_<x>.txt")
                @quote("a < b & c > d \\"e\\"")
            when
                $i : Item(type == ItemType.LOGISTICS)
            then
                $i.weigh(kcontext, 3, "<script>alert('x & y')</script>");
            end
            """;

    private static Map<String, RuleInfo> meta(String... ids) {
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        for (String id : ids) {
            m.put(id, new RuleInfo(id, id, "item", "+", "000_<x>.txt", "a < b & c > d \"e\"", "x.drl", 1));
        }
        return m;
    }

    @Test
    @DisplayName("HTML escapes <, &, > and quotes everywhere; Markdown makes no raw HTML of rule text")
    void escaping() {
        Rulebook b = Rulebook.of(RuleSource.of("test", List.of(new RuleSource.RuleFile("x.drl", HOSTILE))), meta("hostile"));
        String h = b.html();
        assertThat(b.entry("hostile").orElseThrow().statement().plain())
                .isEqualTo("For LOGISTICS items: weighs 3 (<script>alert('x & y')</script>).");
        assertThat(h).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("<x>")
                .contains("&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;")
                .contains("a &lt; b &amp; c &gt; d &quot;e&quot;")
                .contains("&lt;b&gt;header&lt;/b&gt; says &quot;fish &amp; chips&quot;")
                .startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        String m = b.markdown();
        assertThat(m).contains("\\<script>").contains("\\<b>header\\</b>").contains("a < b & c");
        assertThat(Pattern.compile("(?<![\\\\`_])<(script|b|/b|/script)").matcher(m).find()).as("raw HTML in the Markdown").isFalse();
    }

    private static final String ODD = """
            package amicus;

            import org.amicus.model.*;

            rule "negated"
                @id("negated") @factor("item") @effect("+") @source("s.txt") @quote("q")
            when
                not Item(type == ItemType.LOGISTICS)
            then
                System.out.println("none");
            end

            rule "disjunction"
                @id("disjunction") @factor("item") @effect("+") @source("s.txt") @quote("q")
            when
                Situation(mandate == "NONE" || hostState == "OPPOSED")
                $i : Item(type in (ItemType.LOGISTICS, ItemType.ACCOMMODATION), id != "r1")
            then
                $i.weigh(kcontext, weightOf($i), "computed");
                $i.cap(kcontext, Mode.LIMITED, "limited");
            end

            rule "mixed-weights"
                @id("mixed-weights") @factor("item") @effect("+/-") @source("s.txt") @quote("q")
            when
                $i : Item()
            then
                $i.weigh(kcontext, $i.getType() == ItemType.LOGISTICS && $i.isConfidential() ? 2 : 5, "mixed");
                $i.weigh(kcontext, $i.isConfidential() ? -4 : $i.getType() == ItemType.LOGISTICS ? 1 : 0, "nested");
            end

            rule "broken" when ( then
                $i.weigh(kcontext, 1 +, "x"
            end
            """;

    @Test
    @DisplayName("what cannot be put in words is shown as DRL, and nothing fails")
    void fallsBackToVerbatim() {
        Rulebook b = Rulebook.of(RuleSource.of("test", List.of(new RuleSource.RuleFile("odd.drl", ODD))),
                meta("negated", "disjunction", "mixed-weights", "broken"));
        assertThat(b.entries()).extracting(Rulebook.Entry::id).containsExactly("negated", "disjunction", "mixed-weights", "broken");

        Rulebook.Entry negated = b.entry("negated").orElseThrow();
        assertThat(negated.statement().plain()).isEqualTo("When not Item(type == ItemType.LOGISTICS): System.out.println(\"none\").");
        assertThat(negated.untranslated()).containsExactly("not Item(type == ItemType.LOGISTICS)", "System.out.println(\"none\")");

        Rulebook.Entry disjunction = b.entry("disjunction").orElseThrow();
        assertThat(disjunction.statement().plain()).isEqualTo(
                "When mandate == \"NONE\" || hostState == \"OPPOSED\", for LOGISTICS and ACCOMMODATION items where "
                        + "the item's id is not \"r1\": $i.weigh(kcontext, weightOf($i), \"computed\"); at most LIMITED (limited).");
        assertThat(disjunction.statement().parts()).filteredOn(Rulebook.Part::code).extracting(Rulebook.Part::text)
                .containsExactly("mandate == \"NONE\" || hostState == \"OPPOSED\"", "$i.weigh(kcontext, weightOf($i), \"computed\")");

        Rulebook.Entry mixed = b.entry("mixed-weights").orElseThrow();
        assertThat(mixed.statement().plain()).isEqualTo("For every item: weighs 2 if $i.getType() == ItemType.LOGISTICS && "
                + "$i.isConfidential(), otherwise 5 (mixed); weighs -4 for confidential items, 1 for LOGISTICS, otherwise 0 (nested).");
        assertThat(mixed.untranslated()).containsExactly("$i.getType() == ItemType.LOGISTICS && $i.isConfidential()");

        assertThat(b.entry("broken").orElseThrow().untranslated()).isNotEmpty();
        String m = b.markdown();
        assertThat(m).contains("`mandate == \"NONE\" || hostState == \"OPPOSED\"`");
        assertThat(b.html()).contains("<code>not Item(type == ItemType.LOGISTICS)</code>");

        assertThatCode(() -> Rulebook.of(RuleSource.of("t", List.of(new RuleSource.RuleFile("z.drl", "rule \"x\" when $i : Item(\nthen\n"),
                new RuleSource.RuleFile("y.drl", "rule"), new RuleSource.RuleFile("w.drl", ""))), Map.of()).html())
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the same rules give the same rulebook, byte for byte")
    void deterministic() {
        RuleSource again = RuleSource.fromDirectory(Fixtures.RULES_DIR);
        List<RuleSource.RuleFile> reversed = new ArrayList<>(again.files());
        java.util.Collections.reverse(reversed);
        Map<String, RuleInfo> shuffled = new HashMap<>(rules.rules());
        Map<String, RuleInfo> backwards = new TreeMap<>(Comparator.reverseOrder());
        backwards.putAll(rules.rules());
        Rulebook b1 = Rulebook.of(again, shuffled);
        Rulebook b2 = Rulebook.of(RuleSource.of("elsewhere", reversed), backwards);
        assertThat(b1.markdown()).isEqualTo(markdown).isEqualTo(b2.markdown());
        assertThat(b1.html()).isEqualTo(html).isEqualTo(b2.html());
        assertThat(Rulebook.of(rules).markdown()).isEqualTo(markdown);
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new RulebookCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    @DisplayName("amicus rulebook: --format, -o/--output, --rules, --help")
    void command(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "--rules", Fixtures.RULES_DIR.toString())).isZero();
        assertThat(out.toString()).isEqualTo(markdown);

        Path page = dir.resolve("new/folder/rulebook.html");
        assertThat(run(new StringWriter(), err, "--rules", Fixtures.RULES_DIR.toString(), "--format", "html", "-o", page.toString())).isZero();
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).isEqualTo(html);
        Path md = dir.resolve("rulebook.md");
        assertThat(run(new StringWriter(), err, "--rules", Fixtures.RULES_DIR.toString(), "--output", md.toString())).isZero();
        assertThat(Files.readString(md, StandardCharsets.UTF_8)).isEqualTo(markdown);
        assertThat(err.toString()).isEmpty();

        StringWriter bad = new StringWriter();
        assertThat(run(new StringWriter(), bad, "--format", "pdf")).isEqualTo(2);
        assertThat(bad.toString()).contains("markdown").contains("html");

        StringWriter unwritable = new StringWriter();
        Files.writeString(dir.resolve("file"), "x");
        assertThat(run(new StringWriter(), unwritable, "--rules", Fixtures.RULES_DIR.toString(), "-o", dir.resolve("file/rulebook.md").toString()))
                .isEqualTo(2);
        assertThat(unwritable.toString()).startsWith("amicus: cannot write the rulebook to ");

        StringWriter help = new StringWriter();
        assertThat(run(help, new StringWriter(), "--help")).isZero();
        assertThat(help.toString()).contains("Usage: rulebook").contains("--format=FORMAT").contains("-o, --output=FILE")
                .contains("--rules=DIR").contains("Default: markdown");
        assertThat(help.toString().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }
}
