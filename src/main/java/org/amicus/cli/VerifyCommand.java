package org.amicus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleFileException;
import org.amicus.engine.Verifier;
import org.amicus.model.Mode;
import org.amicus.render.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amicus verify}: the research propositions, completeness and rule coverage over the factor lattice. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Checks the rules against the research propositions of DOMAIN.md over the factor lattice: every combination of factor levels, 19,595,520 situations, each evaluated with 11 items (the nine item types, plus confidential INFORMATION_SHARING and confidential STAFF_TESTIMONY).",
            "",
            "Checked exactly, situation by situation, not by sampling: the propositions on one situation (2 no mandate, 3 low international support, 4 high risk to stability or legitimacy, 5 host state opposed, 6 arrest operation without arrest authority, 7b arrests during peace talks, 10 testimony and confidential information, 12 exactly one mode per item: one item rule and one verdict band, no rule failing), and those that compare a situation with its neighbours, one factor changed (1 monotonic: one rank higher, every level of the next rank when ranks tie; 7a SPOILER against every other named target; 8 SEALED against PUBLIC warrants for arrest items; 9 each leadership factor against every other level). Proposition 11 (determinism) evaluates 1,000 situations twice more and compares the traces firing for firing. Then the rules never seen firing: over the full lattice these can never fire (with these 11 items).",
            "",
            "For each violated proposition the first counterexample in lattice order is written to --out as a scenario file that 'amicus advise FILE' runs (a neighbour proposition gets a second file, prop-ID-neighbour.json, for the neighbour); the paths are printed.",
            "",
            "The full lattice is walked in Gray-code order: each worker keeps one live session and changes one factor per step, so the engine matches again only the rules that test that factor, and each rule's effects are taken back when its match goes away. The factor whose change costs the engine least changes fastest. The walk is cross-checked against fresh sessions on the situations re-evaluated for proposition 11; --fresh evaluates every situation in a fresh session instead. The 11 modes of every situation stay in memory (216 MB); the full lattice takes about a minute on two cores, and its summary gives a SHA-256 digest of all of them (also in --format json as modesDigest): two runs with the same digest gave every item of every situation the same mode. A progress bar on standard error (a line every few seconds when standard error is not a terminal) estimates the time left. --sample N checks N random situations and, around each, the neighbours it is compared with: a quick run, for CI; the summary projects the time of the full lattice from its rate.",
            ""},
        footer = {"",
            "Exit status: 0 no violation, 1 a proposition is violated (or, over the full",
            "lattice, a rule can never fire), 2 an option is wrong, 3 the rules are broken.",
            "",
            "Examples:",
            "  amicus verify",
            "  amicus verify --sample 2000",
            "  amicus verify --rules my-rules --sample 20000 --out /tmp/counterexamples",
            "  amicus verify --format json > verify.json"})
public final class VerifyCommand implements Callable<Integer> {
    /** The renderings of the report. */
    enum VerifyFormat { text, json }

    @Option(names = "--sample", paramLabel = "N",
            description = "Check N situations drawn uniformly at random from the lattice (with replacement, fixed by --seed), and the neighbours each is compared with, instead of the full lattice. The rules not seen are then reported as not seen in the sample, not as dead.")
    Long sample;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "The seed of --sample, and of the situations re-evaluated for proposition 11. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--fresh",
            description = "Evaluate every situation of the full lattice in a fresh session, as a sample does, instead of walking it in live sessions: about twenty times slower; the baseline that the walk is measured and checked against.")
    boolean fresh;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, each taking contiguous ranges of the lattice in turn. Default: the number of processors available to the JVM.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/verify",
            description = "Where the counterexample scenario files are written (created if missing; files of an earlier run for propositions now satisfied are removed). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table of propositions and the violations found) or json (one object). Default: ${DEFAULT-VALUE}.")
    VerifyFormat format;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    /** How often a progress line is printed when standard error is not a terminal. */
    static final long LINE_EVERY_NANOS = 5_000_000_000L;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (sample != null && sample < 1) {
            throw new CommandLine.ParameterException(cl, "--sample must be at least 1 (leave it out to verify the full lattice)");
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1");
        }
        if (threads != null && threads > 1024) {
            throw new CommandLine.ParameterException(cl, "--threads " + threads + " is more than any machine needs; give at most 1024");
        }
        PrintWriter err = cl.getErr();
        RuleBase base;
        try {
            base = rules.load();
        } catch (RuleFileException e) {
            err.println("amicus: the rules cannot be used:");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return Main.BROKEN_RULES;
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ProgressBar bar = new ProgressBar(err, terminal());
        Verifier.Result result;
        try {
            result = new Verifier(base).run(new Verifier.Options(sample == null ? 0 : sample, seed, t, bar::show, fresh));
        } catch (IllegalStateException e) {
            bar.clear();
            err.println("amicus: " + e.getMessage());
            err.flush();
            return Main.INTERNAL;
        }
        bar.clear();
        Map<Verifier.Check, List<Path>> files;
        try {
            files = Verifier.writeExamples(result, out);
        } catch (IOException e) {
            err.println("amicus: cannot write the counterexamples to " + out + ": " + e.getMessage());
            err.flush();
            return Main.BAD_INPUT;
        }
        PrintWriter o = cl.getOut();
        if (format == VerifyFormat.json) {
            o.println(Json.pretty(json(result, files)));
        } else {
            o.print(text(result, files));
        }
        o.flush();
        return result.ok() ? Main.OK : Main.CHECK_FAILED;
    }

    /** True when standard error is a terminal (Linux: /proc/self/fd/2 is a tty): then the bar is redrawn in place. */
    static boolean terminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    // --- progress ---------------------------------------------------------------------------------------------------

    /** The progress bar (a terminal) or progress lines (anything else), with a rate over the last ten seconds. */
    static final class ProgressBar {
        private record Point(long nanos, long done, long evaluated) {
        }

        private static final long WINDOW = 10_000_000_000L;
        private final PrintWriter err;
        private final boolean terminal;
        private final ArrayDeque<Point> window = new ArrayDeque<>();
        private String phase;
        private long lastShown = Long.MIN_VALUE;
        private long phaseStart;
        private boolean ended;
        private int width;

        ProgressBar(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        void show(Verifier.Progress p) {
            if (!p.phase().equals(phase)) {
                phase = p.phase();
                window.clear();
                phaseStart = p.nanos();
                lastShown = p.nanos();
                ended = false;
            }
            window.addLast(new Point(p.nanos(), p.done(), p.evaluated()));
            while (window.size() > 2 && window.peekFirst().nanos() < p.nanos() - WINDOW) {
                window.removeFirst();
            }
            boolean end = p.done() >= p.total();
            if (ended) {
                return;
            }
            if (terminal ? p.nanos() - lastShown < 500_000_000L && !end : p.nanos() - lastShown < LINE_EVERY_NANOS) {
                return;
            }
            if (!terminal && end && p.nanos() - phaseStart < LINE_EVERY_NANOS) {
                return; // a short phase: no line at all
            }
            lastShown = p.nanos();
            ended = end;
            String line = line(p);
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                width = line.length();
            } else {
                err.println(line);
            }
            err.flush();
        }

        String line(Verifier.Progress p) {
            Point oldest = window.peekFirst();
            double dt = (p.nanos() - oldest.nanos()) / 1e9;
            double evalRate = dt > 0 ? (p.evaluated() - oldest.evaluated()) / dt : 0;
            double doneRate = dt > 0 ? (p.done() - oldest.done()) / dt : 0;
            double pct = p.total() == 0 ? 100 : 100.0 * p.done() / p.total();
            StringBuilder sb = new StringBuilder("verify: ");
            if (!p.phase().equals("evaluating")) {
                sb.append(p.phase()).append(' ');
            }
            if (terminal) {
                int filled = (int) Math.round(pct / 5);
                sb.append('[').append("#".repeat(filled)).append(".".repeat(20 - filled)).append("] ");
            }
            sb.append(String.format(Locale.ROOT, "%.1f%% (%s of %s %s", pct, compact(p.done()), compact(p.total()), p.unit()));
            if (p.phase().equals("sampling")) {
                sb.append(", ").append(compact(p.evaluated())).append(" evaluated with their neighbours");
            }
            sb.append(")");
            double rate = evalRate > 0 ? evalRate : doneRate;
            sb.append(String.format(Locale.ROOT, ", %,.0f situations/s", rate));
            if (p.done() >= p.total()) {
                sb.append(", done");
            } else if (doneRate > 0) {
                sb.append(", about ").append(duration((p.total() - p.done()) / doneRate)).append(" left");
            }
            return sb.toString();
        }

        void clear() {
            if (terminal && width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
        }
    }

    /** 2.4M, 19.6M, 950K, 12. */
    static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.0fK", n / 1e3);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1fK", n / 1e3);
        }
        return Long.toString(n);
    }

    /** 7m 40s, 1h 5m, 12s, 0.4s. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }

    // --- reports ----------------------------------------------------------------------------------------------------

    static String text(Verifier.Result r, Map<Verifier.Check, List<Path>> files) {
        StringBuilder sb = new StringBuilder();
        if (r.exhaustive()) {
            sb.append(String.format(Locale.ROOT, "amicus verify: the full lattice, %,d situations x %d items%n", r.lattice(),
                    Verifier.REQUESTS.size()));
        } else {
            sb.append(String.format(Locale.ROOT,
                    "amicus verify: a sample of %,d situations drawn uniformly from the lattice of %,d (seed %d), with their neighbours, x %d items%n",
                    r.sample(), r.lattice(), r.seed(), Verifier.REQUESTS.size()));
        }
        sb.append("rules: ").append(r.rulesFingerprint()).append(" (").append(r.rulesOrigin()).append(", ")
                .append(r.rulesCompiled()).append(" rules)\n\n");
        sb.append(String.format(Locale.ROOT, "  %-4s %15s %12s  %s%n", "prop", "checked", "violations", "proposition"));
        for (Verifier.Finding f : r.findings()) {
            sb.append(String.format(Locale.ROOT, "  %-4s %,15d %,12d  %s%n", f.check().id(), f.checked(), f.violations(),
                    f.check().text()));
        }
        sb.append("  (checked: situations, or pairs of situations for 1, 7a, 8 and 9; violations: items)\n\n");
        if (r.rulesNeverFired().isEmpty()) {
            sb.append(r.exhaustive() ? "Rules that never fire: none; every rule fires in some situation.\n"
                    : "Rules not seen in the sample: none; every rule fired.\n");
        } else {
            sb.append(r.exhaustive()
                    ? "Rules that can never fire (in no situation of the lattice, with these 11 items): "
                    : "Rules not seen in the sample (they may still fire elsewhere in the lattice): ")
                    .append(String.join(", ", r.rulesNeverFired())).append('\n');
        }
        List<Verifier.Finding> violated = r.findings().stream().filter(f -> f.violations() > 0).toList();
        if (!violated.isEmpty()) {
            sb.append("\nViolations:\n");
            for (Verifier.Finding f : violated) {
                Verifier.Example e = f.example();
                sb.append(String.format(Locale.ROOT, "  proposition %s (%s): %,d %s%n", f.check().id(), f.check().text(),
                        f.violations(), f.violations() == 1 ? "violation" : "violations"));
                sb.append("    first: ").append(e.message()).append('\n');
                sb.append("    situation: ").append(e.situation()).append('\n');
                if (e.neighbour() != null) {
                    sb.append("    neighbour (").append(e.changed()).append("): ").append(e.neighbour()).append('\n');
                }
                for (Path p : files.getOrDefault(f.check(), List.of())) {
                    sb.append("    example: ").append(p).append("   (amicus advise ").append(p).append(")\n");
                }
            }
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Evaluated %,d situations (%,d item-advices", r.situationsEvaluated(), r.itemAdvices()));
        if (!r.exhaustive()) {
            sb.append(String.format(Locale.ROOT, "; %,d sampled, %,d neighbours", r.sample(), r.neighboursEvaluated()));
        }
        sb.append(String.format(Locale.ROOT, "; %,d for determinism) in %s on %d %s: %,.0f situations/s, %,.0f item-advices/s.%n",
                r.determinismEvaluated(), duration(r.seconds()), r.threads(), r.threads() == 1 ? "thread" : "threads",
                r.situationsPerSecond(), r.situationsPerSecond() * Verifier.REQUESTS.size()));
        if (r.exhaustive()) {
            sb.append(String.format(Locale.ROOT, "Evaluating took %s (%s), comparing neighbours %s.%n", duration(r.evaluationSeconds()),
                    r.walked() ? "a Gray-code walk in live sessions, cross-checked against fresh sessions for determinism"
                            : "a fresh session per situation", duration(r.comparisonSeconds())));
            sb.append("Modes of the whole lattice: ").append(r.modesDigest()).append('\n');
        }
        if (!r.exhaustive()) {
            sb.append(String.format(Locale.ROOT, "At this rate the full lattice (%,d situations) would take about %s.%n",
                    r.lattice(), duration(r.projectedFullSeconds())));
        }
        long props = violated.size();
        if (r.ok()) {
            sb.append("Result: no violation.\n");
        } else {
            List<String> parts = new ArrayList<>();
            if (props > 0) {
                parts.add(String.format(Locale.ROOT, "%d %s violated (%,d violations)", props,
                        props == 1 ? "proposition" : "propositions", r.violations()));
            }
            if (r.exhaustive() && !r.rulesNeverFired().isEmpty()) {
                parts.add(r.rulesNeverFired().size() + (r.rulesNeverFired().size() == 1 ? " rule" : " rules") + " can never fire");
            }
            sb.append("Result: ").append(String.join("; ", parts)).append(".\n");
        }
        return sb.toString();
    }

    static Map<String, Object> json(Verifier.Result r, Map<Verifier.Check, List<Path>> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rulesFingerprint", r.rulesFingerprint());
        m.put("rules", r.rulesOrigin());
        m.put("exhaustive", r.exhaustive());
        m.put("walked", r.walked());
        m.put("lattice", r.lattice());
        if (!r.exhaustive()) {
            m.put("sample", r.sample());
        }
        m.put("seed", r.seed());
        m.put("threads", r.threads());
        m.put("items", Verifier.REQUESTS.stream().map(q -> q.id()).toList());
        m.put("situationsEvaluated", r.situationsEvaluated());
        m.put("neighboursEvaluated", r.neighboursEvaluated());
        m.put("determinismEvaluated", r.determinismEvaluated());
        m.put("itemAdvices", r.itemAdvices());
        m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        m.put("evaluationSeconds", Math.round(r.evaluationSeconds() * 1000) / 1000.0);
        if (r.exhaustive()) {
            m.put("comparisonSeconds", Math.round(r.comparisonSeconds() * 1000) / 1000.0);
            m.put("modesDigest", r.modesDigest());
        }
        m.put("situationsPerSecond", Math.round(r.situationsPerSecond()));
        if (!r.exhaustive()) {
            m.put("projectedFullLatticeSeconds", Math.round(r.projectedFullSeconds()));
        }
        List<Map<String, Object>> props = new ArrayList<>();
        for (Verifier.Finding f : r.findings()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", f.check().id());
            p.put("proposition", f.check().text());
            p.put("checked", f.checked());
            p.put("violations", f.violations());
            Verifier.Example e = f.example();
            if (e != null) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("message", e.message());
                x.put("index", e.index());
                x.put("situation", Verifier.factors(e.situation()));
                x.put("items", e.items().stream().map(k -> Verifier.REQUESTS.get(k).id()).toList());
                x.put("modes", e.modes() == null ? null : e.modes().stream().map(VerifyCommand::modeName).toList());
                if (e.neighbour() != null) {
                    x.put("neighbourIndex", e.neighbourIndex());
                    x.put("changed", e.changed());
                    x.put("neighbour", Verifier.factors(e.neighbour()));
                    x.put("neighbourModes", e.neighbourModes().stream().map(VerifyCommand::modeName).toList());
                }
                x.put("files", files.getOrDefault(f.check(), List.of()).stream().map(Path::toString).toList());
                p.put("example", x);
            }
            props.add(p);
        }
        m.put("propositions", props);
        m.put(r.exhaustive() ? "rulesNeverFired" : "rulesNotSeenInSample", r.rulesNeverFired());
        m.put("violations", r.violations());
        m.put("ok", r.ok());
        return m;
    }

    private static String modeName(Mode m) {
        return m == null ? null : m.name();
    }
}
