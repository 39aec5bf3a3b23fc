package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.amicus.cli.Main;
import org.amicus.engine.RuleSource;
import org.amicus.io.InvalidScenarioException;
import org.amicus.io.Problem;
import org.amicus.io.ScenarioReader;
import org.amicus.render.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input the engine must refuse, each with the problem located precisely (file, line, field) and explained; through the
 * command line, exit status 2 (bad input) or 3 (broken rules), never a stack trace.
 */
class BadInputTest {
    @TempDir
    static Path tmp;

    /** A valid scenario; each case breaks one line of it. */
    static final List<String> GOOD = List.of(
            "{",                                                       // 1
            "  \"schema\": \"scenario/v1\",",                          // 2
            "  \"id\": \"bad-input\",",                                // 3
            "  \"title\": \"A scenario with one thing wrong\",",       // 4
            "  \"factors\": {",                                        // 5
            "    \"mandate\": \"ICC_SUPPORT\",",                       // 6
            "    \"hostState\": \"SUPPORTIVE\"",                       // 7
            "  },",                                                    // 8
            "  \"requests\": [",                                       // 9
            "    { \"id\": \"r1\", \"type\": \"LOGISTICS\" },",        // 10
            "    { \"id\": \"r2\", \"type\": \"ARREST_SUPPORT\" }",    // 11
            "  ],",                                                    // 12
            "  \"expected\": { \"r1\": \"CONDITIONAL\" }",             // 13
            "}");                                                      // 14

    static final String GOOD_YAML = String.join("\n",
            "schema: scenario/v1",                 // 1
            "id: bad-input",                       // 2
            "title: A scenario with one thing wrong", // 3
            "factors:",                            // 4
            "  mandate: ICC_SUPPORT",              // 5
            "  hostState: SUPPORTIVE",             // 6
            "requests:",                           // 7
            "  - id: r1",                          // 8
            "    type: LOGISTICS",                 // 9
            "") ;

    /** The good scenario with line {@code n} (1-based) replaced by the given lines. */
    static String replaceLine(int n, String... lines) {
        List<String> out = new ArrayList<>(GOOD);
        out.remove(n - 1);
        out.addAll(n - 1, Arrays.asList(lines));
        return String.join("\n", out) + "\n";
    }

    static String yamlReplaceLine(int n, String... lines) {
        List<String> out = new ArrayList<>(Arrays.asList(GOOD_YAML.split("\n")));
        out.remove(n - 1);
        out.addAll(n - 1, Arrays.asList(lines));
        return String.join("\n", out) + "\n";
    }

    /**
     * One bad scenario: its file name (the extension picks JSON or YAML), its text, and the first problem expected: the
     * line (0 = no line applies), the field ("" = the whole scenario), and words the message must contain.
     */
    record Case(String name, String file, String text, int line, String field, String... message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            deep.append("{\"a\": ");
        }
        deep.append("1");
        deep.append("}".repeat(40));
        return Stream.of(
                new Case("malformed JSON (missing comma)", "a.json", replaceLine(3, "  \"id\": \"bad-input\""),
                        4, "", "malformed JSON", "comma"),
                new Case("malformed JSON (unclosed string)", "a.json", replaceLine(7, "    \"hostState\": \"SUPPORTIVE"),
                        7, "", "malformed JSON"),
                new Case("malformed JSON (text ends early)", "a.json", String.join("\n", GOOD.subList(0, 9)) + "\n",
                        10, "", "malformed JSON"),
                new Case("malformed YAML (mapping value in a scalar)", "a.yaml", yamlReplaceLine(3, "title: A scenario: with: colons"),
                        3, "", "malformed YAML"),
                new Case("malformed YAML (bad indentation)", "a.yaml", yamlReplaceLine(6, "  hostState: SUPPORTIVE", "   bad: indent"),
                        7, "", "malformed YAML"),
                new Case("malformed YAML (tab indentation)", "a.yaml", yamlReplaceLine(6, "\thostState: SUPPORTIVE"),
                        6, "", "malformed YAML", "TAB"),
                new Case("unknown top-level key, with a suggestion", "a.json", replaceLine(4, GOOD.get(3), "  \"titel\": \"x\","),
                        5, "titel", "unknown key", "did you mean title?"),
                new Case("unknown factor, with a suggestion", "a.json", replaceLine(7, "    \"hostStat\": \"SUPPORTIVE\""),
                        7, "factors.hostStat", "unknown factor", "did you mean hostState?"),
                new Case("unknown level, with a suggestion", "a.json", replaceLine(7, "    \"hostState\": \"CONSENTING\""),
                        7, "factors.hostState", "unknown level CONSENTING", "did you mean SUPPORTIVE?"),
                new Case("unknown level in YAML", "a.yaml", yamlReplaceLine(6, "  hostState: CONSENTING"),
                        6, "factors.hostState", "unknown level CONSENTING", "did you mean SUPPORTIVE?"),
                new Case("unknown level in a list", "a.json", replaceLine(6, "    \"mandate\": [\"NONE\", \"ICC\"],"),
                        6, "factors.mandate", "unknown level ICC", "did you mean ICC_SUPPORT?"),
                new Case("a number where a string is expected", "a.json", replaceLine(4, "  \"title\": 42,"),
                        4, "title", "not a number"),
                new Case("a number where a level is expected", "a.json", replaceLine(6, "    \"mandate\": 3,"),
                        6, "factors.mandate", "not a number"),
                new Case("a string where a list is expected (requests)", "a.json",
                        String.join("\n", GOOD.subList(0, 8)) + "\n  \"requests\": \"LOGISTICS\",\n  \"expected\": {}\n}\n",
                        9, "requests", "is a list", "not a string"),
                new Case("a string where a list is expected (sources)", "a.json",
                        replaceLine(13, GOOD.get(12) + ",", "  \"sources\": \"research/000_baf110f81c0b74ad.txt\""),
                        14, "sources", "is a list", "not a string"),
                new Case("a string where true/false is expected", "a.json",
                        replaceLine(10, "    { \"id\": \"r1\", \"type\": \"LOGISTICS\", \"confidential\": \"yes\" },"),
                        10, "requests[0].confidential", "true or false"),
                new Case("duplicate request ids", "a.json", replaceLine(11, "    { \"id\": \"r1\", \"type\": \"ARREST_SUPPORT\" }"),
                        11, "requests[1].id", "\"r1\"", "used twice"),
                new Case("duplicate keys", "a.json", replaceLine(7, "    \"mandate\": \"NONE\""),
                        7, "factors.mandate", "appears twice"),
                new Case("duplicate keys in YAML", "a.yaml", yamlReplaceLine(3, "title: one", "title: two"),
                        4, "title", "appears twice"),
                new Case("no requests", "a.json", String.join("\n", GOOD.subList(0, 8)) + "\n  \"requests\": []\n}\n",
                        9, "requests", "no requests"),
                new Case("an unknown request type", "a.json", replaceLine(10, "    { \"id\": \"r1\", \"type\": \"TRANSPORT\" },"),
                        10, "requests[0].type", "unknown request type TRANSPORT", "did you mean LOGISTICS?"),
                new Case("expected refers to an unknown id", "a.json", replaceLine(13, "  \"expected\": { \"r9\": \"CONDITIONAL\" }"),
                        13, "expected.r9", "no request has the id \"r9\""),
                new Case("an invalid mode in expected", "a.json", replaceLine(13, "  \"expected\": { \"r1\": \"PARTIAL\" }"),
                        13, "expected.r1", "unknown mode PARTIAL", "FULL, CONDITIONAL, LIMITED, DEFER, DECLINE"),
                new Case("deeply nested input", "a.json", replaceLine(13, GOOD.get(12) + ",", "  \"notes\": " + deep),
                        14, "notes.a.a.a", "nested more than"),
                new Case("very deeply nested input (no stack overflow)", "a.json", "[".repeat(200_000),
                        1, "[0][0][0]", "nested more than"),
                new Case("an empty file", "a.json", "  \n", 1, "", "empty"),
                new Case("a list, not an object", "a.json", "[1, 2]\n", 1, "", "not a list"),
                new Case("oversized input (> 1 MiB)", "a.json",
                        replaceLine(4, "  \"title\": \"" + "x".repeat((1 << 20) + 10) + "\","),
                        0, "", "more than the limit"),
                new Case("far oversized input (> 4 MiB)", "a.json",
                        replaceLine(4, "  \"title\": \"" + "x".repeat(5 << 20) + "\","),
                        0, "", "far more than a scenario"));
    }

    static Path write(Case c) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Path file = dir.resolve(c.file());
        Files.writeString(file, c.text(), StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the reader locates and explains the problem")
    void readerReportsTheProblem(Case c) throws IOException {
        Path file = write(c);
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> ScenarioReader.read(file));
        assertThat(e).as("reading " + c.name() + " must fail").isNotNull();
        assertThat(e.problems()).as(c.name()).isNotEmpty();
        Problem p = e.problems().get(0);
        String all = e.problems().toString();
        assertThat(p.file()).as("file, " + all).isEqualTo(file.toString());
        assertThat(p.line()).as("line, " + all).isEqualTo(c.line());
        assertThat(p.field()).as("field, " + all).startsWith(c.field());
        if (c.field().isEmpty()) {
            assertThat(p.field()).as("field, " + all).isIn("", null);
        }
        for (String words : c.message()) {
            assertThat(p.message()).as("message, " + all).contains(words);
        }
        if (c.line() > 0) {
            assertThat(p.column()).as("column, " + all).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the command line exits with 2 and names file, line and problem, without a stack trace")
    void commandLineRefusesIt(Case c) throws IOException {
        Path file = write(c);
        Run run = cli("advise", "--rules", Fixtures.RULES_DIR.toString(), file.toString());
        assertThat(run.status).as("exit status; stderr: " + run.err).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err).contains(file + (c.line() > 0 ? ":" + c.line() : ""));
        assertThat(run.err).contains(c.message()[0]);
        assertNoStackTrace(run);
    }

    @Test
    @DisplayName("a missing file and a folder given as a file: exit 2, the path and what is wrong")
    void missingFileAndFolder() throws IOException {
        Path missing = tmp.resolve("no-such-scenario.json");
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> ScenarioReader.read(missing));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(missing.toString());
            assertThat(p.line()).isZero();
            assertThat(p.message()).contains("no such file");
        });
        Run run = cli("advise", "--rules", Fixtures.RULES_DIR.toString(), missing.toString());
        assertThat(run.status).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err).contains(missing.toString()).contains("no such file");
        assertNoStackTrace(run);

        Path folder = Files.createDirectories(tmp.resolve("a-folder.json"));
        e = catchThrowableOfType(InvalidScenarioException.class, () -> ScenarioReader.read(folder));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(folder.toString());
            assertThat(p.message()).contains("folder");
        });
        run = cli("advise", "--rules", Fixtures.RULES_DIR.toString(), folder.toString());
        assertThat(run.status).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err).contains(folder.toString()).contains("folder");
        assertNoStackTrace(run);
    }

    @Test
    @DisplayName("malformed JSON: the line and the column of the offending character")
    void malformedJsonColumn() {
        // Line 3 lacks its comma: the parser stops at the first character of line 4, column 3 ("title").
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioReader.parse(replaceLine(3, "  \"id\": \"bad-input\""), "comma.json", 0, false));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("comma.json");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.toString()).startsWith("comma.json:4:3: ");
        });
        // A JSON-lines stream: the line number counts from the start of the stream (offset 41 = 42nd line).
        e = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioReader.parse("{\"schema\": \"scenario/v1\", \"id\": 7,}", "-", 41, false));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(42);
            assertThat(p.column()).isEqualTo(35); // the "}" after the trailing comma
        });
    }

    @Test
    @DisplayName("several problems in one file are all reported, each at its line")
    void everyProblemReported() {
        String text = replaceLine(7, "    \"hostStat\": \"SUPPORTIVE\"").replace("\"title\": \"A scenario with one thing wrong\"", "\"title\": 7");
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioReader.parse(text, "two.json", 0, false));
        assertThat(e.problems()).extracting(Problem::field, Problem::line)
                .contains(org.assertj.core.groups.Tuple.tuple("title", 4), org.assertj.core.groups.Tuple.tuple("factors.hostStat", 7));
    }

    @Test
    @DisplayName("jsonl from stdin: one output line per input line, an {\"error\"} line with its line number for a bad one, exit 2")
    void jsonLinesMixGoodAndBad() throws IOException {
        String good1 = "{\"schema\":\"scenario/v1\",\"id\":\"line-1\",\"title\":\"T\",\"factors\":" + factors("\"mandate\":\"ICC_SUPPORT\"")
                + ",\"requests\":[{\"id\":\"r1\",\"type\":\"LOGISTICS\"}]}";
        String bad2 = "{\"schema\":\"scenario/v1\",\"id\":\"line-2\",\"title\":\"T\",";
        String good3 = "{\"schema\":\"scenario/v1\",\"id\":\"line-3\",\"title\":\"T\",\"factors\":"
                + factors("\"hostState\":[\"OPPOSED\",\"SUPPORTIVE\"]")
                + ",\"requests\":[{\"id\":\"r1\",\"type\":\"ACCOMMODATION\"},{\"id\":\"r2\",\"type\":\"INFORMATION_SHARING\",\"confidential\":true}]}";
        String bad4 = "{\"schema\":\"scenario/v1\",\"id\":\"line-4\",\"title\":\"T\",\"factors\":{\"hostState\":\"CONSENTING\"},"
                + "\"requests\":[{\"id\":\"r1\",\"type\":\"LOGISTICS\"}]}";
        String good5 = "{\"schema\":\"scenario/v1\",\"id\":\"line-5\",\"title\":\"T\",\"factors\":" + factors("\"warrant\":\"UNKNOWN\"")
                + ",\"requests\":[{\"id\":\"r1\",\"type\":\"PUBLIC_SUPPORT\"}]}";
        String input = String.join("\n", good1, bad2, good3, bad4, good5) + "\n";
        Run run = cliWithInput(input, "advise", "--format", "jsonl", "--rules", Fixtures.RULES_DIR.toString(), "-");
        assertThat(run.status).as("exit status; stderr " + run.err).isEqualTo(Main.BAD_INPUT);
        assertNoStackTrace(run);
        List<String> lines = run.out.lines().toList();
        assertThat(lines).as("one output line per input line:\n" + run.out).hasSize(5);
        List<JsonNode> json = new ArrayList<>();
        for (String l : lines) {
            json.add(Json.mapper().readTree(l));
        }
        for (int i : new int[] {0, 2, 4}) {
            assertThat(json.get(i).has("error")).as("line " + (i + 1) + ": " + lines.get(i)).isFalse();
            assertThat(json.get(i).path("scenario").asText()).isEqualTo("line-" + (i + 1));
            assertThat(json.get(i).path("items").size()).isPositive();
            assertThat(json.get(i).path("items").get(0).path("mode").asText()).isIn("FULL", "CONDITIONAL", "LIMITED", "DEFER", "DECLINE");
        }
        assertThat(json.get(2).path("items").get(0).path("modeRange").size()).as("hostState OPPOSED or SUPPORTIVE: a range").isGreaterThan(1);
        JsonNode e2 = json.get(1).path("error");
        assertThat(e2.path("file").asText()).isEqualTo("-");
        assertThat(e2.path("line").asInt()).isEqualTo(2);
        assertThat(e2.path("message").asText()).contains("malformed JSON");
        assertThat(e2.has("field")).isTrue();
        JsonNode e4 = json.get(3).path("error");
        assertThat(e4.path("line").asInt()).isEqualTo(4);
        assertThat(e4.path("field").asText()).isEqualTo("factors.hostState");
        assertThat(e4.path("message").asText()).contains("did you mean SUPPORTIVE?");
        assertThat(json.get(3).size()).as("an error line holds only the error").isEqualTo(1);
    }

    @Test
    @DisplayName("jsonl from stdin, all good: exit 0")
    void jsonLinesAllGood() {
        String good = "{\"schema\":\"scenario/v1\",\"id\":\"ok\",\"title\":\"T\",\"factors\":" + factors("\"mou\":\"NONE\"")
                + ",\"requests\":[{\"id\":\"r1\",\"type\":\"LOGISTICS\"}]}";
        Run run = cliWithInput(good + "\n" + good + "\n", "advise", "--format", "jsonl", "--rules", Fixtures.RULES_DIR.toString(), "-");
        assertThat(run.status).as(run.err).isEqualTo(Main.OK);
        assertThat(run.out.lines()).hasSize(2);
    }

    /**
     * A factors object with every factor given (a middling situation), the first entries replaced by {@code first}
     * ("key": value, ...). A scenario that leaves every factor out is advised over ~10^5 situations, far too slow here.
     */
    static String factors(String first) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        String[] defaults = {"mandate", "\"IMPUNITY_GENERAL\"", "internationalSupport", "\"MODERATE\"", "hostState", "\"SUPPORTIVE\"",
            "stabilityRisk", "\"MODERATE\"", "legitimacyRisk", "\"LOW\"", "forceProtectionRisk", "\"MODERATE\"", "capacity", "\"ADEQUATE\"",
            "target", "\"ARMED_GROUP\"", "prosecutionScope", "\"ONE_SIDED\"", "politicalMoment", "\"ROUTINE\"", "warrant", "\"PUBLIC\"",
            "mou", "\"IN_FORCE\"", "leaderRiskTolerance", "\"HIGH\"", "leaderPriority", "\"BALANCED\"", "leaderConfidenceInIcc", "\"HIGH\""};
        for (int i = 0; i < defaults.length; i += 2) {
            f.put(defaults[i], defaults[i + 1]);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\":(\"\\w+\"|\\[[^\\]]*\\])").matcher(first);
        while (m.find()) {
            f.put(m.group(1), m.group(2));
        }
        return f.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    // --- broken rules --------------------------------------------------------------------------------------------

    static Path copyRules(String name, List<RuleSource.RuleFile> files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (RuleSource.RuleFile f : files) {
            Files.writeString(dir.resolve(f.name()), f.text(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Advises a good scenario with the given rule files: they are broken, so exit 3, no stack trace, no advice. */
    static Run adviseWithBrokenRules(String name, List<RuleSource.RuleFile> files) throws IOException {
        Path dir = copyRules(name, files);
        Path scenario = write(new Case("good", "good.json", String.join("\n", GOOD), 0, ""));
        Run run = cli("advise", "--rules", dir.toString(), scenario.toString());
        assertThat(run.status).as("exit status; stderr " + run.err).isEqualTo(Main.BROKEN_RULES);
        assertNoStackTrace(run);
        assertThat(run.out).as("no advice from broken rules").isEmpty();
        return run;
    }

    @Test
    @DisplayName("a rule file with a syntax error: exit 3, stderr names the file and the line")
    void syntaxErrorInRules() throws IOException {
        List<RuleSource.RuleFile> files = new ArrayList<>();
        int brokenLine = 0;
        for (RuleSource.RuleFile f : RuleSource.fromDirectory(Fixtures.RULES_DIR).files()) {
            String text = f.text();
            if (f.name().equals("support.drl")) {
                // A condition that lacks its closing parenthesis.
                String condition = "Situation(internationalSupport == \"MODERATE\")";
                brokenLine = Fixtures.lineOf(text, condition);
                text = text.replace(condition, "Situation(internationalSupport == \"MODERATE\"");
            }
            files.add(new RuleSource.RuleFile(f.name(), text));
        }
        assertThat(brokenLine).isPositive();
        Run run = adviseWithBrokenRules("syntax-error", files);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("support\\.drl:(\\d+)").matcher(run.err);
        assertThat(m.find()).as("stderr names support.drl and a line: " + run.err).isTrue();
        int reported = Integer.parseInt(m.group(1));
        assertThat(reported).as("the line reported, near the broken line " + brokenLine + ": " + run.err)
                .isBetween(brokenLine, brokenLine + 2);
    }

    @Test
    @DisplayName("a misspelt level, or a level written as another factor's constant, in a rule: exit 3, file, line and the fix")
    void wrongLevelInRules() throws IOException {
        List<RuleSource.RuleFile> files = new ArrayList<>();
        int misspelt = 0;
        int constant = 0;
        int inList = 0;
        for (RuleSource.RuleFile f : RuleSource.fromDirectory(Fixtures.RULES_DIR).files()) {
            String text = f.text();
            if (f.name().equals("risks.drl")) {
                misspelt = Fixtures.lineOf(text, "Situation(stabilityRisk == \"HIGH\")");
                text = text.replace("Situation(stabilityRisk == \"HIGH\")", "Situation(stabilityRisk == \"HIHG\")");
                // A level of this factor, but as a constant of another factor's kind: refused, not guessed at.
                constant = Fixtures.lineOf(text, "Situation(legitimacyRisk == \"LOW\")");
                text = text.replace("Situation(legitimacyRisk == \"LOW\")", "Situation(legitimacyRisk == Support.LOW)");
            }
            if (f.name().equals("request.drl")) {
                String list = "target in (\"HEAD_OF_STATE\", \"GOVERNMENT_AGENT\", \"PEACE_PROCESS_PARTY\")";
                inList = Fixtures.lineOf(text, list);
                text = text.replace(list, list.replace("GOVERNMENT_AGENT", "GOVERMENT_AGENT"));
            }
            files.add(new RuleSource.RuleFile(f.name(), text));
        }
        assertThat(inList).isPositive();
        assertThat(misspelt).isPositive();
        assertThat(constant).isPositive();
        Run run = adviseWithBrokenRules("wrong-level", files);
        assertThat(run.err).contains("risks.drl:" + misspelt + ": unknown level \"HIHG\" for stabilityRisk; did you mean \"HIGH\"?")
                .contains("risks.drl:" + constant + ": compares legitimacyRisk with Support.LOW, a constant of another kind").contains("\"LOW\"")
                .contains("request.drl:" + inList + ": unknown level \"GOVERMENT_AGENT\" for target; did you mean \"GOVERNMENT_AGENT\"?");
    }

    @Test
    @DisplayName("a rule without @quote (and a duplicate @id): exit 3, stderr names the file and the rule's line")
    void ruleWithoutQuote() throws IOException {
        List<RuleSource.RuleFile> files = Fixtures.rulesWithBadMetadata();
        String support = files.stream().filter(f -> f.name().equals("support.drl")).findFirst().orElseThrow().text();
        int line = Fixtures.lineOf(support, "rule \"support-moderate\"");
        Run run = adviseWithBrokenRules("no-quote", files);
        assertThat(run.err).contains("support.drl:" + line).contains("@quote").contains("support-moderate");
    }

    @Test
    @DisplayName("a --rules folder that does not exist: exit 3 and the path")
    void missingRulesFolder() {
        Path none = tmp.resolve("no-rules-here");
        Path scenario;
        try {
            scenario = write(new Case("good", "good.json", String.join("\n", GOOD), 0, ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Run run = cli("advise", "--rules", none.toString(), scenario.toString());
        assertThat(run.status).as(run.err).isEqualTo(Main.BROKEN_RULES);
        assertThat(run.err).contains(none.toString());
        assertNoStackTrace(run);
    }

    // --- the command line --------------------------------------------------------------------------------------

    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        return cliWithInput("", args);
    }

    static Run cliWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Run(status, out.toString(), err.toString());
    }

    static void assertNoStackTrace(Run run) {
        assertThat(run.err).as("stderr").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out).as("stdout").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
