package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.amicus.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proposition 11 across processes (PropositionsTest checks it within one process, and across two rule bases): the
 * command line in a fresh JVM gives, byte for byte, the JSON advice this JVM gives. A difference here (and not there)
 * points at an order that depends on the process, e.g. hash seeds or identity hash codes.
 */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("11. a fresh JVM advises the example scenarios (and generated ones) byte for byte as this one does")
    void sameAdviceInAnotherProcess() throws IOException, InterruptedException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Path.of("scenarios", "examples"))) {
            examples.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> files.add(p.toString()));
        }
        java.util.Random r = new java.util.Random(1111);
        for (int i = 0; i < 20; i++) {
            Path p = tmp.resolve("generated-" + i + ".json");
            Files.writeString(p, PropositionsTest.randomScenario(r, i));
            files.add(p.toString());
        }
        assertThat(files).hasSizeGreaterThan(20);
        List<String> args = new ArrayList<>(List.of("advise", "--format", "json", "--rules", Fixtures.RULES_DIR.toString()));
        args.addAll(files);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString()).isEqualTo(Main.OK);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("amicus.cache", "amicus.research")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add(Main.class.getName());
        command.addAll(args);
        Path stdout = tmp.resolve("stdout.json");
        Path stderr = tmp.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finishes").isTrue();
        assertThat(child.exitValue()).as(Files.readString(stderr)).isEqualTo(Main.OK);
        String there = Files.readString(stdout, StandardCharsets.UTF_8);
        String here = out.toString();
        assertThat(here).contains("\"rulesFingerprint\"");
        if (!there.equals(here)) {
            int i = 0;
            while (i < here.length() && i < there.length() && here.charAt(i) == there.charAt(i)) {
                i++;
            }
            throw new AssertionError("the advice differs between processes at character " + i + ":\n  here:  "
                    + here.substring(Math.max(0, i - 200), Math.min(here.length(), i + 200)) + "\n  there: "
                    + there.substring(Math.max(0, i - 200), Math.min(there.length(), i + 200)));
        }
    }
}
