package org.amicus.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amicus.engine.Advisor;
import org.amicus.engine.Exercise;
import org.amicus.io.InvalidScenarioException;
import org.amicus.io.Problem;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.Scenario;
import org.amicus.render.ExerciseReport;
import org.amicus.render.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "exercise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Replays a tabletop exercise inject by inject.",
            "",
            "After each step: the advice per item, and what changed since the step before and why (the rules that started or stopped firing). Every inject's \"expected\" is checked, so an exercise doubles as a regression test.",
            "",
            "Handouts: --format markdown or html, with --handout participants (narrative, requests and questions; no answers) or --handout facilitator (advice, what changed and why, discussion points).",
            ""},
        footer = {"", "Exit status: 0 every expectation met, 1 some expectation not met, 2 a bad exercise file, 3 broken rules."})
final class ExerciseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Exercise files (scenarios with \"injects\").")
    List<String> files;

    enum ExerciseFormat { text, json, markdown, html }

    enum Handout { participants, facilitator }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ExerciseFormat format;

    @Option(names = "--handout", paramLabel = "WHO", defaultValue = "facilitator",
            description = "For markdown and html: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Handout handout;

    @Option(names = "--set", paramLabel = "FACTOR=LEVEL", description = "What if: set a factor at every step, e.g. --set warrant=SEALED. Repeatable.")
    List<String> settings = List.of();

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<Factor, Assessment> whatIf = ScenarioReader.parseSettings(settings);
        Advisor advisor = new Advisor(rules.load());
        PrintWriter out = spec.commandLine().getOut();
        boolean allMet = true;
        for (Scenario exercise : Cases.read(files)) {
            if (exercise.injects().isEmpty()) {
                throw new InvalidScenarioException(new Problem(exercise.file(), 0, 0, "injects",
                        "this scenario has no injects; advise it with 'amicus advise' instead"));
            }
            List<Exercise.Step> steps = Exercise.replay(advisor, exercise, whatIf);
            allMet &= steps.stream().allMatch(s -> s.met() == s.expectations());
            boolean facilitator = handout == Handout.facilitator;
            switch (format) {
                case json -> out.println(Json.pretty(Map.of("exercise", exercise.id(), "steps", steps)));
                case markdown -> out.print(ExerciseReport.markdown(exercise, steps, facilitator));
                case html -> out.print(ExerciseReport.html(exercise, steps, facilitator));
                case text -> out.print(ExerciseReport.text(exercise, steps));
            }
        }
        out.flush();
        return allMet ? Main.OK : Main.CHECK_FAILED;
    }
}
