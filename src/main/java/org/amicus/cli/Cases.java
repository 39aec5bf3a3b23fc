package org.amicus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.amicus.io.InvalidScenarioException;
import org.amicus.io.Problem;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Scenario;

/** Reads the scenario files of folders (or single files), reporting every bad one before giving up. */
final class Cases {
    private Cases() {
    }

    /** A path as given, else relative to the amicus folder (so that defaults work from any directory). */
    static Path resolve(String path) {
        Path p = Path.of(path);
        String home = System.getProperty("amicus.home");
        if (!Files.exists(p) && !p.isAbsolute() && home != null && Files.exists(Path.of(home).resolve(p))) {
            return Path.of(home).resolve(p);
        }
        return p;
    }

    /** The scenario files directly in a folder (.json, .yaml, .yml; not baselines), in name order. */
    static List<Path> scenarioFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$") && !p.getFileName().toString().startsWith("baseline"))
                    .sorted().toList();
        }
    }

    static List<Scenario> read(List<String> paths) {
        List<Scenario> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String given : paths) {
            Path path = resolve(given);
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try {
                    files.addAll(scenarioFiles(path));
                } catch (IOException e) {
                    problems.add(new Problem(given, 0, 0, "", "cannot list the folder: " + e.getMessage()));
                }
            } else {
                files.add(path);
            }
            for (Path f : files) {
                try {
                    out.add(ScenarioReader.read(f));
                } catch (InvalidScenarioException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return out;
    }
}
