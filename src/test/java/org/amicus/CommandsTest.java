package org.amicus;

import static org.amicus.BadInputTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.amicus.render.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end: what-if, flips, exercises and their handouts, regression and its baseline. */
class CommandsTest {
    private static final String EXAMPLE = "scenarios/examples/ituri-logistics.json";
    private static final String EXERCISE = "scenarios/tabletop/consent-withdrawn.json";

    @Test
    void whatIfChangesTheAdviceAndTheSituationShown() throws Exception {
        JsonNode before = Json.mapper().readTree(cli("advise", "--format", "json", EXAMPLE).out());
        BadInputTest.Run run = cli("advise", "--format", "json", "--set", "hostState=OPPOSED", "--set", "internationalSupport=LOW", EXAMPLE);
        assertThat(run.status()).isZero();
        JsonNode after = Json.mapper().readTree(run.out());
        assertThat(after.path("factors").path("hostState").asText()).isEqualTo("OPPOSED");
        assertThat(before.path("items").get(0).path("mode").asText()).isEqualTo("CONDITIONAL");
        // Proposition 3 and 5: at most LIMITED with low support; the opposed host caps field work at LIMITED too.
        for (JsonNode item : after.path("items")) {
            assertThat(item.path("mode").asText()).isIn("LIMITED", "DEFER", "DECLINE");
        }
    }

    @Test
    void aFolderIsAdvisedFileByFile(@TempDir Path empty) throws Exception {
        long files;
        try (var list = Files.list(Path.of("scenarios/examples"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).count();
        }
        BadInputTest.Run run = cli("advise", "--format", "jsonl", "scenarios/examples");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("{\"scenario\"")).count()).isEqualTo(files).isGreaterThan(4);

        BadInputTest.Run none = cli("advise", empty.toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains(empty.toString()).contains("the folder holds no scenario file");
    }

    @Test
    void flipsAppearInJsonAndText() throws Exception {
        JsonNode advice = Json.mapper().readTree(cli("advise", "--format", "json", "--flips", EXAMPLE).out());
        JsonNode flips = advice.path("items").get(0).path("flips");
        assertThat(flips.isArray()).isTrue();
        assertThat(flips.size()).isPositive();
        assertThat(flips.get(0).path("changes").isObject()).isTrue();
        assertThat(flips.get(0).path("mode").asText()).isNotEmpty();
        assertThat(cli("advise", "--flips", EXAMPLE).out()).contains("What would raise it").contains("What would lower it");
    }

    @Test
    void exerciseReplaysEveryInjectAndSaysWhatChanged() throws Exception {
        BadInputTest.Run run = cli("exercise", "--format", "json", EXERCISE);
        JsonNode steps = Json.mapper().readTree(run.out()).path("steps");
        JsonNode file = Json.mapper().readTree(Path.of(EXERCISE).toFile());
        assertThat(steps.size()).isEqualTo(file.path("injects").size() + 1); // the start, then each inject
        boolean someRuleStarted = false;
        for (JsonNode step : steps) {
            for (JsonNode change : step.path("changes")) {
                someRuleStarted |= change.path("rulesStarted").size() > 0;
            }
        }
        assertThat(someRuleStarted).isTrue();
        assertThat(cli("exercise", EXERCISE).out()).contains("now weighing:").contains("Expectations:");
    }

    @Test
    void participantsHandoutHoldsNoAnswers() {
        String participants = cli("exercise", "--format", "markdown", "--handout", "participants", EXERCISE).out();
        String facilitator = cli("exercise", "--format", "markdown", "--handout", "facilitator", EXERCISE).out();
        assertThat(participants).contains("Questions:").doesNotContain("**CONDITIONAL**").doesNotContain("**DECLINE**")
                .doesNotContain("facilitator:");
        assertThat(facilitator).contains("**CONDITIONAL**").contains("facilitator:");
        String html = cli("exercise", "--format", "html", "--handout", "participants", EXERCISE).out();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>").doesNotContain("**");
    }

    @Test
    void exerciseFailsWhenAnExpectationIsNotMet(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of(EXERCISE));
        JsonNode first = Json.mapper().readTree(cli("exercise", "--format", "json", EXERCISE).out()).path("steps").get(0);
        String mode = first.path("advice").path("items").get(0).path("mode").asText();
        String wrong = mode.equals("DECLINE") ? "FULL" : "DECLINE";
        // The start's expectation for r1, set to a mode the engine does not give.
        JsonNode root = Json.mapper().readTree(text);
        ((ObjectNode) root.path("expected")).put("r1", wrong);
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, Json.pretty(root));
        BadInputTest.Run run = cli("exercise", changed.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("[expected " + wrong + ": DIFFERS]");
    }

    @Test
    void regressionFailsBelowTheBaselineAndWhenALockedCaseChanges(@TempDir Path dir) throws Exception {
        BadInputTest.Run ok = cli("regress", "--format", "json");
        assertThat(ok.status()).as(ok.err()).isZero();
        JsonNode report = Json.mapper().readTree(ok.out());
        assertThat(report.path("rows").size()).isGreaterThanOrEqualTo(40);
        assertThat(report.path("rates").get(1).path("reachable").asDouble()).isBetween(0.5, 0.99);

        // Each disagreement says what holds the advice, and which proposition rules agreement out.
        BadInputTest.Run text = cli("regress");
        assertThat(text.out()).contains("  sfor-operation-tango-1997 r1: expected FULL, advised DECLINE: balance ")
                .contains("at most DECLINE: host-opposed-risky; proposition 5 allows at most DECLINE")
                .containsPattern("SOLID +[0-9.]+%  \\(\\d+ of \\d+ items; \\d+ within the advised range; \\d+ cannot agree while the "
                        + "propositions hold: at most [0-9.]+%\\)");

        // A baseline in which an item that disagrees now had agreed: agreement fell.
        JsonNode disagreeing = null;
        for (JsonNode row : report.path("rows")) {
            if (!row.path("matches").asBoolean()) {
                disagreeing = row;
                break;
            }
        }
        assertThat(disagreeing).isNotNull();
        String scenario = disagreeing.path("scenario").asText();
        String item = disagreeing.path("item").asText();
        Path higher = dir.resolve("higher.json");
        String baseline = "{\"agreement\": {}, \"agrees\": {\"" + scenario + "\": {\"" + item + "\": true}}, \"locked\": {}}";
        Files.writeString(higher, baseline);
        BadInputTest.Run below = cli("regress", "--baseline", higher.toString());
        assertThat(below.status()).isEqualTo(1);
        assertThat(below.err()).contains("agreement on all cases fell from 1 to 0 of the 1 items the baseline knows")
                .contains(scenario + " " + item);
        assertThat(cli("regress", "--baseline", higher.toString(), "--update-baseline").status()).isEqualTo(1);
        assertThat(Files.readString(higher)).isEqualTo(baseline); // refused to lower it

        // A case the baseline does not know (here: every case) is not held to it, and an update records it.
        ObjectNode known =
                (ObjectNode) Json.mapper().readTree(Path.of("scenarios/regress-baseline.json").toFile());
        known.putObject("agrees");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, Json.pretty(known));
        BadInputTest.Run unknown = cli("regress", "--baseline", empty.toString());
        assertThat(unknown.status()).isZero();
        assertThat(unknown.err()).contains("not in the baseline").contains(scenario + " " + item + " (new)");
        assertThat(cli("regress", "--baseline", empty.toString(), "--update-baseline").status()).isZero();
        assertThat(Json.mapper().readTree(empty.toFile()).path("agrees").path(scenario).path(item).asBoolean(true)).isFalse();

        // A corrected case (its factors changed) is reported as changed and held to the baseline again only after an update.
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Path kushayb = cases.resolve("unamid-harun-kushayb-2008.json");
        Files.copy(Path.of("scenarios/historical/unamid-harun-kushayb-2008.json"), kushayb);
        Path small = dir.resolve("small.json");
        assertThat(cli("regress", cases.toString(), "--baseline", small.toString(), "--update-baseline").status()).isZero();
        ObjectNode corrected = (ObjectNode) Json.mapper().readTree(kushayb.toFile());
        ((ObjectNode) corrected.path("factors")).put("internationalSupport", "MODERATE");
        Files.writeString(kushayb, Json.pretty(corrected));
        BadInputTest.Run changedCase = cli("regress", cases.toString(), "--baseline", small.toString());
        assertThat(changedCase.status()).isZero();
        assertThat(changedCase.err()).contains("unamid-harun-kushayb-2008 r1 (case changed)");

        Path locked = dir.resolve("locked.json");
        Files.writeString(locked, "{\"agreement\": {}, \"locked\": {\"unmis-harun-helicopter-2011\": {\"r1\": \"FULL\", \"r2\": \"DECLINE\"}}}");
        BadInputTest.Run changed = cli("regress", "--baseline", locked.toString());
        assertThat(changed.status()).isEqualTo(1);
        assertThat(changed.err()).contains("locked case unmis-harun-helicopter-2011: item r1 was FULL, now DECLINE");
    }
}
