package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.amicus.cli.DiffCommand;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleDiff;
import org.amicus.engine.RuleSource;
import org.amicus.engine.Rules;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Mode;
import org.amicus.model.Scenario;
import org.amicus.render.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code amicus diff}: the same cases under two rule sets, every change of advice attributed to the rules that fired
 * differently. The rule sets are copies of rules/, one rule edited or removed in the second.
 */
class DiffTest {
    @TempDir
    static Path tmp;

    /** rules/ as it is. */
    static Path same;
    /** rules/ again, in another folder. */
    static Path copy;
    /** support-low weighs -30 instead of -12 and caps at DEFER instead of LIMITED. */
    static Path harsher;
    /** support-moderate removed. */
    static Path withoutModerate;

    static Path lowSupport;
    static Path moderateSupport;

    /** Support LOW, everything else favourable: every item is capped at LIMITED by support-low. */
    static final String LOW = """
            {
              "schema": "scenario/v1",
              "id": "low-support",
              "title": "Favourable in all but international support",
              "factors": {
                "mandate": "ICC_SUPPORT", "internationalSupport": "LOW", "hostState": "SUPPORTIVE",
                "stabilityRisk": "LOW", "legitimacyRisk": "LOW", "forceProtectionRisk": "LOW", "capacity": "ADEQUATE",
                "target": "SPOILER", "prosecutionScope": "ALL_SIDES", "politicalMoment": "ROUTINE", "warrant": "PUBLIC",
                "mou": "IN_FORCE", "leaderRiskTolerance": "HIGH", "leaderPriority": "BALANCED", "leaderConfidenceInIcc": "HIGH"
              },
              "requests": [
                { "id": "r1", "type": "LOGISTICS" },
                { "id": "r2", "type": "INFORMATION_SHARING", "confidential": true },
                { "id": "r3", "type": "ARREST_OPERATION" }
              ]
            }
            """;

    /** Support MODERATE in a middling situation, so that the balance is not clamped at 0 or 100. */
    static final String MODERATE = """
            {
              "schema": "scenario/v1",
              "id": "moderate-support",
              "title": "Moderate support, middling risks",
              "factors": {
                "mandate": "IMPUNITY_GENERAL", "internationalSupport": "MODERATE", "hostState": "UNABLE",
                "stabilityRisk": "MODERATE", "legitimacyRisk": "MODERATE", "forceProtectionRisk": "MODERATE",
                "capacity": "LIMITED", "target": "ARMED_GROUP", "prosecutionScope": "ONE_SIDED", "politicalMoment": "ROUTINE",
                "warrant": "PUBLIC", "mou": "NONE", "leaderRiskTolerance": "LOW", "leaderPriority": "BALANCED",
                "leaderConfidenceInIcc": "LOW"
              },
              "requests": [
                { "id": "r1", "type": "LOGISTICS" },
                { "id": "r2", "type": "PUBLIC_SUPPORT" }
              ]
            }
            """;

    @BeforeAll
    static void ruleSets() throws IOException {
        same = copyRules("same", UnaryOperator.identity());
        copy = copyRules("copy", UnaryOperator.identity());
        harsher = copyRules("harsher", text -> {
            String edited = text
                    .replace("$i.weigh(kcontext, -12, \"states and the UN Secretariat give little support",
                            "$i.weigh(kcontext, -30, \"states and the UN Secretariat give little support")
                    .replace("$i.cap(kcontext, Mode.LIMITED, \"international support for assistance is low\");",
                            "$i.cap(kcontext, Mode.DEFER, \"international support for assistance is low\");");
            assertThat(edited).as("support.drl still has support-low weighing -12 and capping at LIMITED").isNotEqualTo(text)
                    .contains("-30").contains("Mode.DEFER");
            return edited;
        });
        withoutModerate = copyRules("without-moderate", text -> {
            int header = text.indexOf("rule \"support-moderate\"");
            assertThat(header).as("support.drl has a rule \"support-moderate\"").isPositive();
            int end = text.indexOf("\nend", header) + "\nend".length();
            return text.substring(0, header) + text.substring(end);
        });
        lowSupport = Files.writeString(tmp.resolve("low-support.json"), LOW);
        moderateSupport = Files.writeString(tmp.resolve("moderate-support.json"), MODERATE);
    }

    /** A copy of the rules under test, support.drl passed through {@code edit}. */
    static Path copyRules(String name, UnaryOperator<String> edit) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> files = Files.list(Fixtures.RULES_DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(f.getFileName()), f.getFileName().toString().equals("support.drl") ? edit.apply(text) : text);
            }
        }
        return dir;
    }

    static RuleBase load(Path dir) {
        return Rules.load(RuleSource.fromDirectory(dir));
    }

    static RuleDiff.Report diff(Path from, Path to, Path... scenarios) {
        List<Scenario> cases = Stream.of(scenarios).map(ScenarioReader::read).toList();
        return RuleDiff.run(load(from), load(to), cases);
    }

    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DiffCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    @DisplayName("an edited rule set is kept compiled under its fingerprint and that of the fact classes it was compiled against")
    void compiledRuleSetIsKeyedByRulesAndFactClasses() throws IOException {
        String cache = System.getProperty("amicus.cache");
        org.junit.jupiter.api.Assumptions.assumeTrue(cache != null, "the build sets amicus.cache");
        String rules = load(harsher).fingerprint().replace("sha256:", "");
        try (Stream<Path> files = Files.list(Path.of(cache))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(name -> name.matches(rules + "-[0-9a-f]{12}\\.jar"));
        }
    }

    @Test
    @DisplayName("support-low made harsher: every item of a LOW-support case changes, attributed to support-low")
    void changedRuleIsAttributed() {
        RuleDiff.Report r = diff(same, harsher, lowSupport);
        assertThat(r.ruleSet().textChanged()).containsExactly("support-low");
        assertThat(r.ruleSet().added()).isEmpty();
        assertThat(r.ruleSet().removed()).isEmpty();
        assertThat(r.ruleSet().identical()).isFalse();

        List<RuleDiff.ItemDiff> items = r.cases().get(0).items();
        assertThat(items).hasSize(3);
        for (RuleDiff.ItemDiff d : items) {
            String where = d.item() + " " + d.type() + ": " + d;
            assertThat(d.changed()).as(where + " (if nothing changed, the edited rules are not the ones that ran)").isTrue();
            assertThat(d.modeFrom()).as(where).isEqualTo(Mode.LIMITED);
            assertThat(d.modeTo()).as(where).isEqualTo(Mode.DEFER);
            assertThat(d.modeChange()).as(where).isEqualTo("down");
            assertThat(d.scoreTo()).as(where).isLessThan(d.scoreFrom());
            RuleDiff.Attribution a = d.attribution();
            assertThat(a).as(where).isNotNull();
            assertThat(a.effectChanged()).as(where).anySatisfy(e -> {
                assertThat(e.rule()).isEqualTo("support-low");
                assertThat(e.ruleSet()).isEqualTo(RuleDiff.CHANGED);
                assertThat(e.from()).anyMatch(s -> s.startsWith("-12:")).anyMatch(s -> s.startsWith("at most LIMITED"));
                assertThat(e.to()).anyMatch(s -> s.startsWith("-30:")).anyMatch(s -> s.startsWith("at most DEFER"));
            });
            // support-low is the only rule changed between the rule sets; any other rule named only follows from it.
            assertThat(Stream.concat(Stream.concat(a.firedOnlyFrom().stream().map(RuleDiff.Fired::ruleSet),
                    a.firedOnlyTo().stream().map(RuleDiff.Fired::ruleSet)), a.effectChanged().stream()
                    .filter(e -> !e.rule().equals("support-low")).map(RuleDiff.EffectChange::ruleSet)))
                    .as(where).allMatch(RuleDiff.UNCHANGED::equals);
        }
        assertThat(r.summary().items()).isEqualTo(3);
        assertThat(r.summary().itemsChanged()).isEqualTo(3);
        assertThat(r.summary().modeDown()).isEqualTo(3);
        assertThat(r.summary().modeUp()).isZero();
        assertThat(r.summary().fromFingerprint()).isNotEqualTo(r.summary().toFingerprint());
    }

    @Test
    @DisplayName("through the command line: exit 0 with differences; text, markdown and json name support-low")
    void commandLine() throws IOException {
        Run text = cli("--from", same.toString(), "--to", harsher.toString(), lowSupport.toString());
        assertThat(text.status).as(text.err).isZero();
        assertThat(text.out).contains("LIMITED -> DEFER").contains("support-low").contains("Conditions or actions changed: support-low")
                .contains("Items compared: 3 (3 with a change)").contains("(0 up, 3 down)")
                .contains(load(same).fingerprint()).contains(load(harsher).fingerprint());

        Run md = cli("--from", same.toString(), "--to", harsher.toString(), "--format", "markdown", lowSupport.toString());
        assertThat(md.status).as(md.err).isZero();
        assertThat(md.out).contains("`support-low`").contains("LIMITED → DEFER");

        Run json = cli("--from", same.toString(), "--to", harsher.toString(), "--format", "json", lowSupport.toString());
        assertThat(json.status).as(json.err).isZero();
        JsonNode root = Json.mapper().readTree(json.out);
        assertThat(root.path("summary").path("modeDown").asInt()).isEqualTo(3);
        JsonNode item = root.path("cases").get(0).path("items").get(0);
        assertThat(root.path("cases").get(0).path("case").asText()).isEqualTo("low-support");
        assertThat(item.path("modeFrom").asText()).isEqualTo("LIMITED");
        assertThat(item.path("modeTo").asText()).isEqualTo("DEFER");
        assertThat(item.path("attribution").path("effectChanged").get(0).path("rule").asText()).isEqualTo("support-low");
    }

    @Test
    @DisplayName("identical rule sets: no change anywhere, exit 0")
    void identicalRuleSets() {
        RuleDiff.Report r = diff(same, copy, lowSupport, moderateSupport);
        assertThat(r.ruleSet().identical()).isTrue();
        assertThat(r.ruleSet().added()).isEmpty();
        assertThat(r.ruleSet().removed()).isEmpty();
        assertThat(r.ruleSet().metadataChanged()).isEmpty();
        assertThat(r.ruleSet().textChanged()).isEmpty();
        assertThat(r.cases()).allSatisfy(c -> {
            assertThat(c.changed()).isFalse();
            assertThat(c.items()).allSatisfy(d -> {
                assertThat(d.changed()).isFalse();
                assertThat(d.attribution()).isNull();
            });
        });
        assertThat(r.summary().items()).isEqualTo(5);
        assertThat(r.summary().itemsChanged()).isZero();
        assertThat(r.summary().fromFingerprint()).isEqualTo(r.summary().toFingerprint());

        Run run = cli("--from", same.toString(), "--to", copy.toString(), lowSupport.toString());
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).contains("Rule sets: identical").contains("(0 with a change)").doesNotContain("CHANGED");
    }

    @Test
    @DisplayName("rules written as earlier versions wrote them (Situation(hostState == HostState.OPPOSED)) still load, and advise exactly as the shipped rules")
    void legacyLevelConstants() throws IOException {
        java.util.regex.Pattern quoted = java.util.regex.Pattern.compile("\\b(\\w+)(\\s*(?:==|!=)\\s*)\"([A-Z_]+)\"");
        java.util.regex.Pattern list = java.util.regex.Pattern.compile("\\b(\\w+)(\\s+in\\s*)\\(([^)]*)\\)");
        Path legacy = Files.createDirectories(tmp.resolve("legacy"));
        int rewritten = 0;
        try (Stream<Path> files = Files.list(Fixtures.RULES_DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String old = quoted.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(typeOf(m.group(1)) == null
                        ? m.group() : m.group(1) + m.group(2) + typeOf(m.group(1)) + "." + m.group(3)));
                old = list.matcher(old).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(typeOf(m.group(1)) == null
                        ? m.group() : m.group(1) + m.group(2) + "(" + m.group(3).replaceAll("\"([A-Z_]+)\"", typeOf(m.group(1)) + ".$1") + ")"));
                rewritten += old.equals(text) ? 0 : 1;
                Files.writeString(legacy.resolve(f.getFileName()), old);
            }
        }
        assertThat(rewritten).as("rule files with a level to write as a constant").isGreaterThan(5);
        assertThat(Files.readString(legacy.resolve("hoststate.drl"))).contains("Situation(hostState == HostState.OPPOSED)");
        List<Path> cases = new ArrayList<>();
        for (String dir : List.of("examples", "historical")) {
            try (Stream<Path> files = Files.list(Path.of("scenarios", dir))) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(cases::add);
            }
        }
        RuleDiff.Report r = diff(legacy, same, cases.toArray(Path[]::new));
        assertThat(r.ruleSet().identical()).isFalse();
        assertThat(r.summary().items()).isGreaterThan(50);
        assertThat(r.summary().itemsChanged()).as("items whose advice changed").isZero();
        assertThat(r.cases()).allSatisfy(c -> assertThat(c.changed()).as(c.toString()).isFalse());
    }

    /** The enum a factor's levels were written with before they were strings (hostState: HostState); null if not a factor. */
    private static String typeOf(String field) {
        org.amicus.model.Factor factor = org.amicus.model.Factor.byKey(field);
        return factor == null ? null : factor.levels().get(0).getClass().getSimpleName();
    }

    @Test
    @DisplayName("a rule removed in the second set is listed as removed, and the items it weighed on are attributed to it")
    void removedRule() {
        RuleDiff.Report r = diff(same, withoutModerate, moderateSupport);
        assertThat(r.ruleSet().removed()).containsExactly("support-moderate");
        assertThat(r.ruleSet().added()).isEmpty();
        assertThat(r.to().ruleCount()).isEqualTo(r.from().ruleCount() - 1);
        assertThat(r.summary().rulesRemoved()).isEqualTo(1);
        List<RuleDiff.ItemDiff> changed = r.cases().get(0).items().stream().filter(RuleDiff.ItemDiff::changed).toList();
        assertThat(changed).as("items whose balance lost support-moderate's weight (the edited rules must be the ones that ran)")
                .isNotEmpty();
        assertThat(changed).allSatisfy(d -> {
            assertThat(d.scoreTo()).isLessThan(d.scoreFrom());
            assertThat(d.attribution().rulesRemoved()).containsExactly("support-moderate");
            assertThat(d.attribution().firedOnlyFrom()).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo("support-moderate");
                assertThat(f.ruleSet()).isEqualTo(RuleDiff.REMOVED);
                assertThat(f.did()).isNotEmpty();
            });
        });

        Run run = cli("--from", same.toString(), "--to", withoutModerate.toString(), moderateSupport.toString());
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).contains("Removed: support-moderate").contains("support-moderate (internationalSupport) [removed in --to]");
    }

    @Test
    @DisplayName("an exercise is compared at its start and after each inject, labelled case@at")
    void exerciseSteps() throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(Path.of("scenarios", "tabletop"))) {
            file = files.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        Scenario exercise = ScenarioReader.read(file);
        List<RuleDiff.Labelled> steps = RuleDiff.expand(exercise);
        int start = exercise.requests().isEmpty() ? 0 : 1;
        assertThat(steps).hasSize(exercise.injects().size() + start);
        if (start == 1) {
            assertThat(steps.get(0).label()).isEqualTo(exercise.id() + "@Start");
        }
        for (int i = 0; i < exercise.injects().size(); i++) {
            assertThat(steps.get(i + start).label()).isEqualTo(exercise.id() + "@" + exercise.injects().get(i).at());
        }
        Scenario last = steps.get(steps.size() - 1).scenario();
        assertThat(last.requests().size()).isGreaterThanOrEqualTo(exercise.requests().size());
    }

    @Test
    @DisplayName("bad input exits 2 (a missing folder, a missing scenario, a folder without .drl); broken rules exit 3")
    void exitStatus() throws IOException {
        Run missingFolder = cli("--from", tmp.resolve("nowhere").toString(), "--to", same.toString(), lowSupport.toString());
        assertThat(missingFolder.status).as(missingFolder.err).isEqualTo(2);
        assertThat(missingFolder.err).contains("--from").contains("nowhere");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run noDrl = cli("--from", same.toString(), "--to", empty.toString(), lowSupport.toString());
        assertThat(noDrl.status).as(noDrl.err).isEqualTo(2);
        assertThat(noDrl.err).contains("--to").contains("no .drl");

        Run missingCase = cli("--from", same.toString(), "--to", copy.toString(), tmp.resolve("no-such-case.json").toString());
        assertThat(missingCase.status).as(missingCase.err).isEqualTo(2);

        Run badFormat = cli("--from", same.toString(), "--to", copy.toString(), "--format", "html", lowSupport.toString());
        assertThat(badFormat.status).isEqualTo(2);

        Path broken = copyRules("broken", text -> text + "\nrule \"broken\" when $i : Item( then end\n");
        Run run = cli("--from", same.toString(), "--to", broken.toString(), lowSupport.toString());
        assertThat(run.status).as(run.err).isEqualTo(3);
        assertThat(run.err).contains("--to").contains("support.drl");
        assertThat(run.out).isEmpty();
    }
}
