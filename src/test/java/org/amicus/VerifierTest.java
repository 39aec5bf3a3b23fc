package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.amicus.cli.VerifyCommand;
import org.amicus.engine.Advisor;
import org.amicus.engine.ItemAdvice;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleFileException;
import org.amicus.engine.RuleSource;
import org.amicus.engine.Rules;
import org.amicus.engine.ScenarioAdvice;
import org.amicus.engine.Verifier;
import org.amicus.engine.Verifier.Check;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Assessment;
import org.amicus.model.Confidence;
import org.amicus.model.Factor;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Mou;
import org.amicus.model.PoliticalMoment;
import org.amicus.model.ProsecutionScope;
import org.amicus.model.Risk;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;
import org.amicus.model.Support;
import org.amicus.model.Tolerance;
import org.amicus.render.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code amicus verify}: a sample of the shipped rules is clean; deliberately broken copies of the rules are caught,
 * with counterexample files that {@code advise} reads and that show the violation; a rule that can never fire is
 * reported; the exhaustive mode (on a narrowed corner of the lattice, to run in seconds) agrees with an independent
 * count made through {@link Advisor}.
 */
class VerifierTest {
    static final int SAMPLE = 2_000;
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * A corner of the lattice of 9,072 situations: mandate, international support, host state, capacity, target,
     * warrant and leader priority take all their levels; the other factors one each.
     */
    static final Map<Factor, List<? extends Level>> CORNER = Map.of(
            Factor.STABILITY_RISK, List.of(Risk.LOW),
            Factor.LEGITIMACY_RISK, List.of(Risk.LOW),
            Factor.FORCE_PROTECTION_RISK, List.of(Risk.MODERATE),
            Factor.PROSECUTION_SCOPE, List.of(ProsecutionScope.ALL_SIDES),
            Factor.POLITICAL_MOMENT, List.of(PoliticalMoment.ROUTINE),
            Factor.MOU, List.of(Mou.IN_FORCE),
            Factor.LEADER_RISK_TOLERANCE, List.of(Tolerance.HIGH),
            Factor.LEADER_CONFIDENCE_IN_ICC, List.of(Confidence.HIGH));

    record Run(int status, String out, String err) {
    }

    /** Runs {@code amicus verify ARGS} in this process (the command on its own, as Main runs it). */
    static Run verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** A copy of the rules with one file's text changed; fails if the change does not apply. */
    static Path rulesCopy(Path dir, String file, UnaryOperator<String> change) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("rules"));
        for (RuleSource.RuleFile f : RuleSource.fromDirectory(Fixtures.RULES_DIR).files()) {
            String text = f.text();
            if (f.name().equals(file)) {
                String changed = change.apply(text);
                assertThat(changed).as("the change to " + file + " applies").isNotEqualTo(text);
                text = changed;
            }
            Files.writeString(copy.resolve(f.name()), text, StandardCharsets.UTF_8);
        }
        return copy;
    }

    static Path withSupportLowCappedAtConditional(Path dir) throws IOException {
        return rulesCopy(dir, "support.drl", t -> t.replace(
                "$i.cap(kcontext, Mode.LIMITED, \"international support for assistance is low\");",
                "$i.cap(kcontext, Mode.CONDITIONAL, \"international support for assistance is low\");"));
    }

    static final String IMPOSSIBLE_RULE = """

            // Deliberately dead: no situation has two mandates.
            rule "impossible-mandate"
                @id("impossible-mandate") @factor("mandate") @effect("-")
                @source("000_baf110f81c0b74ad.txt")
                @quote("to not including any language on countering impunity at all")
            when
                Situation(mandate == "NONE", mandate == "ICC_SUPPORT")
                $i : Item()
            then
                $i.weigh(kcontext, -1, "a mandate that is both absent and explicit");
            end
            """;

    // --- the lattice ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("the lattice: 19,595,520 situations, indexed in mixed radix over the factors (last fastest), round trip")
    void latticeIndexing() {
        Verifier v = new Verifier(Fixtures.rules());
        assertThat(Verifier.LATTICE).isEqualTo(19_595_520L)
                .isEqualTo(Factor.all().stream().mapToLong(f -> f.levels().size()).reduce(1, (a, b) -> a * b));
        assertThat(v.latticeSize()).isEqualTo(Verifier.LATTICE);
        assertThat(Verifier.REQUESTS).hasSize(11);
        assertThat(Verifier.REQUESTS.stream().filter(r -> r.confidential()).map(r -> r.type().name()))
                .containsExactly("INFORMATION_SHARING", "STAFF_TESTIMONY");
        Situation first = v.situation(0);
        for (Factor f : Factor.all()) {
            assertThat(first.get(f)).isEqualTo(f.levels().get(0));
        }
        assertThat(v.situation(1).get(Factor.LEADER_CONFIDENCE_IN_ICC)).isEqualTo(Confidence.HIGH);
        Random r = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            Situation s = Fixtures.randomSituation(r);
            long k = v.index(s);
            assertThat(k).isEqualTo(Fixtures.key(s));
            assertThat(v.situation(k)).isEqualTo(s);
        }
        assertThat(v.index(v.situation(Verifier.LATTICE - 1))).isEqualTo(Verifier.LATTICE - 1);
    }

    // --- the shipped rules ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("verify --sample 2000 on the shipped rules: no violation, exit 0, every proposition checked")
    void shippedRulesSampleIsClean(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("verify");
        Run run = verify("--rules", Fixtures.RULES_DIR.toString(), "--sample", Integer.toString(SAMPLE), "--threads",
                Integer.toString(THREADS), "--format", "json", "--out", out.toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("exhaustive").asBoolean()).isFalse();
        assertThat(report.get("sample").asLong()).isEqualTo(SAMPLE);
        assertThat(report.has("modesDigest")).as("a sample has no digest of the whole lattice").isFalse();
        assertThat(report.get("violations").asLong()).isZero();
        assertThat(report.get("situationsEvaluated").asLong()).isGreaterThan(SAMPLE);
        assertThat(report.get("itemAdvices").asLong()).isEqualTo(11 * report.get("situationsEvaluated").asLong());
        List<String> ids = new ArrayList<>();
        for (JsonNode p : report.get("propositions")) {
            ids.add(p.get("id").asText());
            assertThat(p.get("violations").asLong()).as("violations of proposition " + p.get("id").asText() + ": " + p)
                    .isZero();
            assertThat(p.get("checked").asLong()).as("proposition " + p.get("id").asText() + " checked").isPositive();
        }
        assertThat(ids).containsExactly("1", "2", "3", "4", "5", "6", "7a", "7b", "8", "9", "10", "11", "12");
        assertThat(out).as("no counterexample written").doesNotExist();
    }

    @Test
    @DisplayName("the exhaustive mode on a corner of the lattice: no violation on the shipped rules, the same in text")
    void shippedRulesCornerExhaustive() {
        Verifier v = new Verifier(Fixtures.rules(), CORNER);
        assertThat(v.latticeSize()).isEqualTo(9_072);
        Verifier.Result r = v.run(Verifier.Options.full(THREADS));
        assertThat(r.exhaustive()).isTrue();
        assertThat(r.violations()).as(r.findings().toString()).isZero();
        assertThat(r.finding(Check.P12).checked()).isEqualTo(9_072);
        assertThat(r.modesDigest()).matches("sha256:[0-9a-f]{64}");
        // Every pair compared once: 1,296 SPOILER situations against 5 other named targets, SEALED against PUBLIC, the
        // three pairs of leader priorities.
        assertThat(r.finding(Check.P7A).checked()).isEqualTo(9_072 / 7 * 5);
        assertThat(r.finding(Check.P8).checked()).isEqualTo(9_072 / 3);
        assertThat(r.finding(Check.P9).checked()).isEqualTo(9_072 / 3 * 3);
        assertThat(r.situationsEvaluated()).isEqualTo(9_072 + 2L * Verifier.DETERMINISM_SAMPLE);
        // Rules of levels outside the corner cannot fire in it; the rules of its levels all do.
        assertThat(r.rulesNeverFired()).contains("stability-high", "moment-crisis", "mou-none")
                .doesNotContain("support-low", "host-opposed", "verdict-full", "mandate-none", "target-spoiler");
    }

    // --- a broken ceiling -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("support-low capped at CONDITIONAL: a prop-3 violation, with an example file that advise reads and shows")
    void brokenCeilingIsCaught(@TempDir Path tmp) throws IOException {
        Path rulesDir = withSupportLowCappedAtConditional(tmp);
        RuleBase broken = Rules.load(RuleSource.fromDirectory(rulesDir));
        Verifier.Result r = new Verifier(broken).run(Verifier.Options.sample(SAMPLE, 1, THREADS));
        assertThat(r.finding(Check.P3).violations()).isPositive();
        for (Verifier.Finding f : r.findings()) {
            if (f.check() != Check.P3) {
                assertThat(f.violations()).as("proposition " + f.check().id() + ": " + f.example()).isZero();
            }
        }
        assertThat(r.ok()).isFalse();
        Verifier.Example e = r.finding(Check.P3).example();
        assertThat(e.situation().get(Factor.INTERNATIONAL_SUPPORT)).isEqualTo(Support.LOW);
        assertThat(e.modes()).allSatisfy(m -> assertThat(m.above(Mode.LIMITED)).isTrue());

        Path out = tmp.resolve("out");
        Map<Check, List<Path>> files = Verifier.writeExamples(r, out);
        assertThat(files).containsOnlyKeys(Check.P3);
        Path file = files.get(Check.P3).get(0);
        assertThat(file.getFileName().toString()).isEqualTo("prop-3.json");
        try (Stream<Path> all = Files.list(out)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly("prop-3.json");
        }
        Scenario scenario = ScenarioReader.read(file);
        assertThat(scenario.factors().values()).allSatisfy(a -> assertThat(a.kind()).isEqualTo(Assessment.Kind.GIVEN));
        assertThat(scenario.factors().get(Factor.INTERNATIONAL_SUPPORT).candidates()).containsExactly(Support.LOW);
        assertThat(scenario.requests()).hasSize(e.items().size());
        assertThat(scenario.description()).contains("proposition 3").contains("above LIMITED");

        // Advised with the broken rules, the file shows the violation; with the shipped rules, it does not.
        ScenarioAdvice advice = new Advisor(broken).advise(scenario);
        assertThat(advice.items()).allSatisfy(i -> assertThat(i.mode().above(Mode.LIMITED)).as(i.id()).isTrue());
        ScenarioAdvice shipped = Fixtures.advisor().advise(scenario);
        assertThat(shipped.items()).extracting(ItemAdvice::mode).allSatisfy(m -> assertThat(m.above(Mode.LIMITED)).isFalse());

        // The command: exit 1, the violation and the path printed, the file written where --out says.
        Path cliOut = tmp.resolve("cli");
        Run run = verify("--rules", rulesDir.toString(), "--sample", "300", "--threads", Integer.toString(THREADS), "--out",
                cliOut.toString());
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("proposition 3 (internationalSupport LOW: no item above LIMITED)")
                .contains(cliOut.resolve("prop-3.json").toString()).contains("Result: 1 proposition violated");
        assertThat(cliOut.resolve("prop-3.json")).exists();
    }

    @Test
    @DisplayName("exhaustive on a corner, the broken ceiling: exactly as many violations as an independent count through Advisor")
    void exhaustiveCountMatchesAdvisor(@TempDir Path tmp) throws IOException {
        RuleBase broken = Rules.load(RuleSource.fromDirectory(withSupportLowCappedAtConditional(tmp)));
        Verifier v = new Verifier(broken, CORNER);
        Verifier.Result r = v.run(Verifier.Options.full(THREADS));
        Advisor advisor = new Advisor(broken);
        long expected = 0;
        long firstIndex = -1;
        for (long i = 0; i < v.latticeSize(); i++) {
            Situation s = v.situation(i);
            if (s.get(Factor.INTERNATIONAL_SUPPORT) != Support.LOW) {
                continue;
            }
            long above = advisor.modes(s, Verifier.REQUESTS).stream().filter(m -> m.above(Mode.LIMITED)).count();
            if (above > 0 && firstIndex < 0) {
                firstIndex = i;
            }
            expected += above;
        }
        assertThat(expected).isPositive();
        assertThat(r.finding(Check.P3).violations()).isEqualTo(expected);
        assertThat(r.finding(Check.P3).example().index()).as("the first violation in lattice order").isEqualTo(firstIndex);
        assertThat(r.violations()).isEqualTo(expected);
    }

    // --- broken monotonicity and completeness: two files for a neighbour proposition --------------------------------

    @Test
    @DisplayName("capacity ADEQUATE weighing against and overlapping verdict bands: props 1 and 12, with their example files")
    void neighbourAndCompletenessExamples(@TempDir Path tmp) throws IOException {
        Path rulesDir = rulesCopy(tmp, "risks.drl", t -> t.replace(
                "$i.weigh(kcontext, 4, \"the mission has the assets this assistance needs\");",
                "$i.weigh(kcontext, -10, \"the mission has the assets this assistance needs\");"));
        Path verdict = rulesDir.resolve("verdict.drl");
        String text = Files.readString(verdict);
        String overlapping = text.replace("Balance($i : item, score >= 36, score < 72)", "Balance($i : item, score >= 30, score < 72)");
        assertThat(overlapping).isNotEqualTo(text);
        Files.writeString(verdict, overlapping);
        RuleBase broken = Rules.load(RuleSource.fromDirectory(rulesDir));

        Verifier.Result r = new Verifier(broken, CORNER).run(Verifier.Options.full(THREADS));
        assertThat(r.walked()).isTrue();
        assertThat(r.finding(Check.P1).violations()).isPositive();
        assertThat(r.finding(Check.P12).violations()).isPositive();

        // The walk in live sessions finds exactly what a fresh session per situation finds.
        Verifier.Result fresh = new Verifier(broken, CORNER).run(Verifier.Options.full(THREADS).inFreshSessions());
        assertThat(fresh.walked()).isFalse();
        for (Check c : Check.values()) {
            Verifier.Finding x = r.finding(c);
            Verifier.Finding y = fresh.finding(c);
            assertThat(x.checked()).as(c.id()).isEqualTo(y.checked());
            assertThat(x.violations()).as(c.id()).isEqualTo(y.violations());
            assertThat(x.example() == null ? null : x.example().message()).as(c.id())
                    .isEqualTo(y.example() == null ? null : y.example().message());
        }
        assertThat(r.rulesNeverFired()).isEqualTo(fresh.rulesNeverFired());
        // Every stored mode is the same both ways, and on one thread; the shipped rules give other modes.
        assertThat(r.modesDigest()).startsWith("sha256:").isEqualTo(fresh.modesDigest());
        assertThat(new Verifier(broken, CORNER).run(Verifier.Options.full(1)).modesDigest()).isEqualTo(r.modesDigest());
        assertThat(new Verifier(Fixtures.rules(), CORNER).run(Verifier.Options.full(THREADS)).modesDigest())
                .isNotEqualTo(r.modesDigest());
        Map<Check, List<Path>> files = Verifier.writeExamples(r, tmp.resolve("out"));
        assertThat(files).containsOnlyKeys(Check.P1, Check.P12);

        // Proposition 1: the situation and its neighbour, identical but for capacity, one rank higher.
        assertThat(files.get(Check.P1)).extracting(p -> p.getFileName().toString())
                .containsExactly("prop-1.json", "prop-1-neighbour.json");
        Scenario low = ScenarioReader.read(files.get(Check.P1).get(0));
        Scenario high = ScenarioReader.read(files.get(Check.P1).get(1));
        for (Factor f : Factor.all()) {
            if (f != Factor.CAPACITY) {
                assertThat(high.factors().get(f)).as(f.key()).isEqualTo(low.factors().get(f));
            }
        }
        Level before = low.factors().get(Factor.CAPACITY).candidates().get(0);
        Level after = high.factors().get(Factor.CAPACITY).candidates().get(0);
        assertThat(after.rank()).isEqualTo(before.rank() + 1);
        Advisor advisor = new Advisor(broken);
        List<ItemAdvice> a = advisor.advise(low).items();
        List<ItemAdvice> b = advisor.advise(high).items();
        assertThat(a).hasSameSizeAs(b).isNotEmpty();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).mode().rank()).as("raising capacity lowers " + a.get(i).id()).isLessThan(a.get(i).mode().rank());
        }

        // Proposition 12: advising the example runs into the same contradiction (two verdict bands).
        Scenario contradiction = ScenarioReader.read(files.get(Check.P12).get(0));
        assertThatThrownBy(() -> advisor.advise(contradiction)).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("2 verdict rules fired");
    }

    // --- a rule that can never fire ---------------------------------------------------------------------------------

    @Test
    @DisplayName("a rule matching an impossible situation: reported as not seen in a sample (not a failure), as dead when exhaustive")
    void deadRuleIsReported(@TempDir Path tmp) throws IOException {
        Path rulesDir = rulesCopy(tmp, "mandate.drl", t -> t + IMPOSSIBLE_RULE);
        Run run = verify("--rules", rulesDir.toString(), "--sample", "300", "--threads", Integer.toString(THREADS), "--out",
                tmp.resolve("out").toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Rules not seen in the sample").contains("impossible-mandate")
                .contains("Result: no violation.");

        RuleBase rules = Rules.load(RuleSource.fromDirectory(rulesDir));
        Verifier.Result sample = new Verifier(rules).run(Verifier.Options.sample(300, 1, THREADS));
        assertThat(sample.rulesNeverFired()).contains("impossible-mandate");
        assertThat(sample.ok()).isTrue();
        Verifier.Result exhaustive = new Verifier(rules, CORNER).run(Verifier.Options.full(THREADS));
        assertThat(exhaustive.rulesNeverFired()).contains("impossible-mandate");
        assertThat(exhaustive.violations()).isZero();
        assertThat(exhaustive.ok()).as("over the whole (here: narrowed) lattice a dead rule fails the run").isFalse();
    }

    // --- the command's options --------------------------------------------------------------------------------------

    @Test
    @DisplayName("bad options exit 2, broken rules exit 3")
    void badOptionsAndBrokenRules(@TempDir Path tmp) throws IOException {
        assertThat(verify("--sample", "0").status()).isEqualTo(2);
        assertThat(verify("--sample", "-5").status()).isEqualTo(2);
        assertThat(verify("--threads", "0", "--sample", "10").status()).isEqualTo(2);
        assertThat(verify("--format", "xml", "--sample", "10").status()).isEqualTo(2);
        assertThat(verify("--sample", "ten").status()).isEqualTo(2);
        Path rulesDir = rulesCopy(tmp, "support.drl", t -> t.replace("rule \"support-moderate\"", "rule \"support-moderate\" (("));
        Run run = verify("--rules", rulesDir.toString(), "--sample", "10");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("the rules cannot be used").contains("support.drl");
        Run help = verify("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--sample=N", "--seed=S", "--threads=T", "--out=DIR", "--format=FORMAT", "--rules=DIR",
                "19,595,520", "Exit status: 0 no violation");
    }
}
