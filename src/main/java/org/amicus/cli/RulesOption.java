package org.amicus.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleSource;
import org.amicus.engine.Rules;
import picocli.CommandLine.Option;

/** The --rules option shared by the commands, and where the rules come from without it. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Folder of .drl rule files to use. Default: rules/ beside the amicus launcher, else the copy packaged in the jar.")
    Path dir;

    RuleSource source() {
        if (dir != null) {
            return RuleSource.fromDirectory(dir);
        }
        String home = System.getProperty("amicus.home");
        if (home != null && Files.isDirectory(Path.of(home, "rules"))) {
            return RuleSource.fromDirectory(Path.of(home, "rules"));
        }
        return RuleSource.packaged();
    }

    RuleBase load() {
        return Rules.load(source());
    }
}
