package org.amicus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.amicus.render.Rulebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amicus rulebook}: the rules in plain language, for legal reviewers who do not read DRL. */
@Command(name = "rulebook", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes the rulebook, for legal reviewers who do not read the rule language (DRL).",
            "",
            "Every rule, grouped by family (the rule file it is written in, introduced by the file's header comment), with its id, a plain-language statement of what it does, its effect, and the research passage it rests on; the factors and their levels, with what each level means; the modes and the verdict bands.",
            "",
            "The statements and the bands are generated from the text of the rules in use, and the ids, effects and passages from the rules' metadata, so the rulebook always says what those rules do; a part of a rule that cannot be put in words is shown as written. It carries the rules fingerprint, as every advice does, and the same rules always give the same rulebook, byte for byte.",
            ""},
        footer = {"",
            "Exit status: 0 done, 2 an option is wrong or the output file cannot be",
            "written, 3 the rules are broken.",
            "",
            "Examples:",
            "  amicus rulebook -o docs/rulebook.md",
            "  amicus rulebook --format html -o rulebook.html",
            "  amicus rulebook --rules my-rules --format html > my-rulebook.html"})
public final class RulebookCommand implements Callable<Integer> {
    /** The renderings of the rulebook. */
    enum RulebookFormat { markdown, html }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (to read as text, or on a code forge) or html (one self-contained page, for a browser or to print). Default: ${DEFAULT-VALUE}.")
    RulebookFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the rulebook to FILE (replaced if it exists; missing folders are created) instead of standard output. '-' is standard output.")
    Path output;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Rulebook book = Rulebook.of(rules.load());
        String text = format == RulebookFormat.html ? book.html() : book.markdown();
        if (output == null || output.toString().equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return Main.OK;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("amicus: cannot write the rulebook to " + output + ": " + reason(e));
            err.flush();
            return Main.BAD_INPUT;
        }
        return Main.OK;
    }

    private static String reason(IOException e) {
        String kind = e.getClass().getSimpleName();
        return switch (kind) {
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException" -> "a file is in the way of a folder";
            case "NoSuchFileException" -> "no such folder";
            case "FileSystemException" -> e.getMessage() == null ? "cannot write" : e.getMessage();
            default -> e.getMessage() == null ? kind : e.getMessage();
        };
    }
}
