package org.amicus.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amicus.engine.Advisor;
import org.amicus.engine.Flips;
import org.amicus.engine.ScenarioAdvice;
import org.amicus.io.InvalidScenarioException;
import org.amicus.io.Problem;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.Scenario;
import org.amicus.render.Json;
import org.amicus.render.MarkdownReport;
import org.amicus.render.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Advises on each requested item of each scenario.",
            "",
            "For each item: the mode (FULL, CONDITIONAL, LIMITED, DEFER, DECLINE), the conditions, whether UN Headquarters must decide, the balance of considerations (0-100), the strongest reasons for and against, and the trace of every rule that fired with the research passage it rests on.",
            "",
            "A factor given as a list of levels, UNKNOWN, or left out is uncertain: every level it allows is weighed; the mode is the most cautious one reached, modeRange lists all of them, and the advice names the unknowns that would change it.",
            ""},
        footer = {"", "Exit status: 0 done, 2 a scenario or option is wrong (the others are still advised), 3 the rules are broken."})
final class AdviseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Scenario files (JSON; YAML when the name ends in .yaml or .yml), or folders of them. '-' reads JSON lines from standard input, one scenario per line.")
    List<String> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for a legal adviser), json (one object per scenario), jsonl (one line per scenario; a bad scenario gives an {\"error\": ...} line and the run goes on) or markdown (a memo with the full trace). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--set", paramLabel = "FACTOR=LEVEL",
            description = "What if: set a factor for every scenario, e.g. --set hostState=OPPOSED. A list (A,B) or UNKNOWN also works. Repeatable.")
    List<String> settings = List.of();

    @Option(names = "--trace", description = "In text output, also print every rule that fired (json and markdown always include it).")
    boolean trace;

    @Option(names = "--flips", description = "What would change the advice: for each item, the smallest changes of factors (one, then two) that raise or lower its mode, those a mission can bring about first.")
    boolean flips;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    private int status = Main.OK;

    @Override
    public Integer call() throws IOException {
        Map<Factor, Assessment> whatIf = ScenarioReader.parseSettings(settings);
        Advisor advisor = new Advisor(rules.load());
        PrintWriter out = spec.commandLine().getOut();
        for (String file : files) {
            if (file.equals("-")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Main.stdin, StandardCharsets.UTF_8));
                int n = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    n++;
                    if (!line.isBlank()) {
                        String text = line;
                        int offset = n - 1;
                        advise(advisor, whatIf, out, () -> ScenarioReader.parse(text, "-", offset, false));
                    }
                }
            } else if (Files.isDirectory(Path.of(file))) {
                List<Path> inFolder = Cases.scenarioFiles(Path.of(file));
                if (inFolder.isEmpty()) {
                    status = Main.BAD_INPUT;
                    report(new InvalidScenarioException(new Problem(file, 0, 0, "",
                            "the folder holds no scenario file (.json, .yaml or .yml)")), out);
                }
                for (Path p : inFolder) {
                    advise(advisor, whatIf, out, () -> ScenarioReader.read(p));
                }
            } else {
                advise(advisor, whatIf, out, () -> ScenarioReader.read(Path.of(file)));
            }
        }
        out.flush();
        return status;
    }

    private void advise(Advisor advisor, Map<Factor, Assessment> whatIf, PrintWriter out, java.util.function.Supplier<Scenario> reader) {
        Scenario scenario;
        try {
            scenario = reader.get().with(whatIf);
        } catch (InvalidScenarioException e) {
            status = Main.BAD_INPUT;
            report(e, out);
            return;
        }
        ScenarioAdvice advice = advisor.advise(scenario);
        if (flips) {
            Map<String, List<Flips.Flip>> byItem = new Flips(advisor).of(scenario);
            advice = new ScenarioAdvice(advice.scenario(), advice.title(), advice.rulesFingerprint(), advice.factors(),
                    advice.uncertain(), advice.situations(), advice.modeRangeComplete(),
                    advice.items().stream().map(i -> i.withFlips(byItem.get(i.id()))).toList());
        }
        switch (format) {
            case text -> out.println(TextReport.render(advice, trace));
            case json -> out.println(Json.pretty(advice));
            case jsonl -> out.println(Json.line(advice));
            case markdown -> out.println(MarkdownReport.render(advice));
        }
    }

    private void report(InvalidScenarioException e, PrintWriter out) {
        if (format == Format.jsonl) {
            Problem first = e.problems().get(0);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", first.file());
            error.put("line", first.line());
            error.put("column", first.column());
            error.put("field", first.field());
            error.put("message", first.message());
            if (e.problems().size() > 1) {
                error.put("more", e.problems().subList(1, e.problems().size()).stream().map(Problem::toString).toList());
            }
            out.println(Json.line(Map.of("error", error)));
        } else {
            PrintWriter err = spec.commandLine().getErr();
            e.problems().forEach(p -> err.println("amicus: " + p));
            err.flush();
        }
    }
}
