package org.amicus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.amicus.engine.Advisor;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleSource;
import org.amicus.engine.Rules;
import org.amicus.model.Factor;
import org.amicus.model.ItemType;
import org.amicus.model.Level;
import org.amicus.model.Request;
import org.amicus.model.Situation;

/** Shared by the test classes: the rules of the project, a seeded situation generator, a parallel property runner. */
final class Fixtures {
    /**
     * Surefire runs in the project folder; the rules under test are rules/ there, or the folder named by the system
     * property amicus.rules (to run the suite against an edited copy).
     */
    static final Path RULES_DIR = Path.of(System.getProperty("amicus.rules", "rules"));

    /** All nine item types, then the nine again as confidential items: 18 requests, ids "TYPE" and "TYPE*". */
    static final List<Request> ALL_ITEMS;

    static {
        List<Request> r = new ArrayList<>();
        for (ItemType t : ItemType.values()) {
            r.add(new Request(t.name(), t, null, false));
        }
        for (ItemType t : ItemType.values()) {
            r.add(new Request(t.name() + "*", t, null, true));
        }
        ALL_ITEMS = List.copyOf(r);
    }

    private Fixtures() {
    }

    /**
     * The rules with two metadata faults, shared by the tests that need a rule set the engine must refuse (one text, so
     * one compilation): rule "support-moderate" loses its @quote, and rule "support-high" takes the @id "support-low".
     */
    static List<RuleSource.RuleFile> rulesWithBadMetadata() {
        List<RuleSource.RuleFile> out = new ArrayList<>();
        for (RuleSource.RuleFile f : RuleSource.fromDirectory(RULES_DIR).files()) {
            String text = f.text();
            if (f.name().equals("support.drl")) {
                int header = text.indexOf("rule \"support-moderate\"");
                int quote = text.indexOf("@quote(\"", header);
                int end = text.indexOf("\")", quote + 8) + 2;
                if (header < 0 || quote < 0 || end < 2 || text.indexOf("when", header) < quote) {
                    throw new IllegalStateException("support.drl no longer has a rule \"support-moderate\" with a @quote");
                }
                text = text.substring(0, quote) + text.substring(end);
                if (!text.contains("@id(\"support-high\")")) {
                    throw new IllegalStateException("support.drl no longer has a rule with @id(\"support-high\")");
                }
                text = text.replace("@id(\"support-high\")", "@id(\"support-low\")");
            }
            out.add(new RuleSource.RuleFile(f.name(), text));
        }
        return out;
    }

    /** The 1-based line of the first occurrence of {@code needle}. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new IllegalStateException("not found: " + needle);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static RuleBase rules() {
        return Rules.load(RuleSource.fromDirectory(RULES_DIR));
    }

    static Advisor advisor() {
        return new Advisor(rules());
    }

    static String describe(Request r) {
        return r.type() + (r.confidential() ? " (confidential)" : "");
    }

    /** A situation with every factor drawn uniformly from its levels, then the forced factors drawn from theirs. */
    static Situation randomSituation(Random r, Map<Factor, List<? extends Level>> forced) {
        Level[] v = new Level[Factor.all().size()];
        for (Factor f : Factor.all()) {
            List<? extends Level> options = forced.getOrDefault(f, f.levels());
            v[f.ordinal()] = options.get(r.nextInt(options.size()));
        }
        return new Situation(v);
    }

    static Situation randomSituation(Random r) {
        return randomSituation(r, Map.of());
    }

    /** A situation given as alternating factor/level pairs over a base. */
    static Situation with(Situation base, Object... pairs) {
        Situation s = base;
        for (int i = 0; i < pairs.length; i += 2) {
            s = s.with((Factor) pairs[i], (Level) pairs[i + 1]);
        }
        return s;
    }

    /** A unique number for a situation (mixed radix over the level indices). */
    static long key(Situation s) {
        long k = 0;
        for (Factor f : Factor.all()) {
            k = k * f.levels().size() + ((Enum<?>) s.get(f)).ordinal();
        }
        return k;
    }

    /** The random generator of case {@code i} of a property run: fixed by the seed, independent of thread scheduling. */
    static Random random(long seed, int i) {
        return new Random(seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + 1);
    }

    /**
     * Runs {@code n} cases in parallel. A case returns null when the property holds, or a message describing the
     * counterexample. Returns the failures in case order (deterministic whatever the scheduling).
     */
    static ConcurrentSkipListMap<Integer, String> runCases(int n, IntFunction<String> oneCase) {
        ConcurrentSkipListMap<Integer, String> failures = new ConcurrentSkipListMap<>();
        IntStream.range(0, n).parallel().forEach(i -> {
            String f = oneCase.apply(i);
            if (f != null) {
                failures.put(i, f);
            }
        });
        return failures;
    }

    /** A readable summary of failures for an assertion message: the count and the first few counterexamples. */
    static String report(String property, long seed, int n, Map<Integer, String> failures) {
        return report(property, seed, n, "generated situations", failures);
    }

    static String report(String property, long seed, int n, String what, Map<Integer, String> failures) {
        StringBuilder sb = new StringBuilder(property + ": " + failures.size() + " of " + n
                + " " + what + " violate it (seed " + seed + "). First counterexamples:");
        failures.entrySet().stream().limit(5).forEach(e -> sb.append("\n  case ").append(e.getKey()).append(": ").append(e.getValue()));
        return sb.toString();
    }
}
