package org.amicus.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import org.amicus.engine.RuleFileException;
import org.amicus.io.InvalidScenarioException;
import org.amicus.io.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The amicus command line. Exit status: 0 done, 1 a check failed, 2 bad input, 3 broken rules, 4 internal error. */
@Command(name = "amicus",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = {
            "Advises a UN peace operation whether and how to assist a request from the International Criminal Court, item by item, and explains why, passage by passage of the research behind the rules.",
            "",
            "Modes, from most to least assistance: FULL, CONDITIONAL, LIMITED, DEFER, DECLINE."},
        subcommands = {AdviseCommand.class, RegressCommand.class, ExerciseCommand.class, RulebookCommand.class, DiffCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  done",
            "  1  a check failed (an expectation or a regression)",
            "  2  bad input: a scenario or an option is wrong (the message says where)",
            "  3  the rules are broken (the message gives the rule file and line)",
            "  4  internal error",
            "",
            "Examples:",
            "  amicus advise scenarios/examples/ituri-logistics.json",
            "  amicus advise --format json --set hostState=OPPOSED scenarios/examples/ituri-logistics.json",
            "  cat many.jsonl | amicus advise --format jsonl -"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int BROKEN_RULES = 3;
    public static final int INTERNAL = 4;

    /** Standard input, replaceable in tests. */
    static InputStream stdin = System.in;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in));
    }

    /** Runs a command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        stdin = in;
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter w = cmd.getErr();
            if (e instanceof RuleFileException r) {
                w.println("amicus: the rules cannot be used:");
                r.problems().forEach(p -> w.println("  " + p));
                return BROKEN_RULES;
            }
            if (e instanceof InvalidScenarioException s) {
                for (Problem p : s.problems()) {
                    w.println("amicus: " + p);
                }
                return BAD_INPUT;
            }
            w.println("amicus: internal error: " + e);
            if (System.getenv("AMICUS_DEBUG") != null) {
                e.printStackTrace(w);
            } else {
                w.println("  (set AMICUS_DEBUG=1 for the stack trace, and please report it)");
            }
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("amicus: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
            w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"amicus " + (v == null ? "(development)" : v) + ", Drools 10, Java " + Runtime.version()};
        }
    }
}
