package org.amicus.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.amicus.model.Condition;
import org.amicus.model.Factor;
import org.amicus.model.Firing;
import org.amicus.model.HostState;
import org.amicus.model.Item;
import org.amicus.model.ItemType;
import org.amicus.model.Level;
import org.amicus.model.Mandate;
import org.amicus.model.Mode;
import org.amicus.model.PoliticalMoment;
import org.amicus.model.Request;
import org.amicus.model.Risk;
import org.amicus.model.RuleInfo;
import org.amicus.model.Situation;
import org.amicus.model.Support;
import org.amicus.model.Target;
import org.amicus.model.Warrant;
import org.amicus.render.Json;

/**
 * Checks the research propositions of DOMAIN.md, completeness and rule coverage over the factor lattice: every
 * combination of factor levels (19,595,520 situations), or a uniform random sample of it.
 *
 * <p>Every situation is evaluated once with the eleven {@link #REQUESTS} (the nine item types,
 * confidential information sharing and confidential staff testimony). The checks that need only the situation itself
 * (propositions 2, 3, 4, 5, 6, 7b, 10, 12) run on its items at once. The full lattice keeps the eleven modes of every
 * situation in one byte array, indexed in mixed radix over {@link Factor#all()} (the last factor varies fastest), so
 * that the neighbour propositions (1, 7a, 8, 9) are array lookups; a sample evaluates the neighbours it needs on the
 * fly. Proposition 11 re-evaluates a small sample twice and compares everything the rules recorded, the trace firing
 * for firing. The rules never seen in a trace are reported: over the full lattice that is exact.
 *
 * <p>A sample evaluates each situation in a fresh session. The full lattice is walked in reflected Gray-code order
 * ({@link GrayWalk}): each worker keeps a {@link LiveSession} and changes one factor per step, so that the engine
 * matches again only the rules that test that factor; the factors are ordered by {@link #walkOrder()}, the cheapest
 * to change fastest. Proposition 11 then also compares the walk's stored modes with fresh sessions.
 *
 * <p>Work is split in contiguous ranges (chunks) of lattice index, or of walk rank, taken in order by the worker
 * threads; a counterexample kept for a proposition is the first in lattice order, so the result does not depend on the
 * number of threads.
 */
public final class Verifier {

    /** The eleven requests of every evaluated situation, in this order. */
    public static final List<Request> REQUESTS = requests();

    /** How many situations the full lattice has (the product of the factors' numbers of levels). */
    public static final long LATTICE;

    /** How many situations proposition 11 re-evaluates (at most the number of situations verified). */
    public static final int DETERMINISM_SAMPLE = 1_000;

    /** The propositions checked, in DOMAIN.md's order (7 in its two parts); 12 includes the engine's own errors. */
    public enum Check {
        P1("1", true, "monotonic: raising an ordered factor by one rank never lowers the mode of any item"),
        P2("2", false, "mandate NONE: no item FULL; ACCOMMODATION, ARREST_SUPPORT and ARREST_OPERATION DECLINE"),
        P3("3", false, "internationalSupport LOW: no item above LIMITED"),
        P4("4", false, "stabilityRisk HIGH or legitimacyRisk HIGH: no item above LIMITED"),
        P5("5", false, "hostState OPPOSED: ACCOMMODATION, ARREST_SUPPORT and ARREST_OPERATION DECLINE and escalated; other items at most CONDITIONAL"),
        P6("6", false, "ARREST_OPERATION without mandate ARREST_AUTHORITY: never above LIMITED"),
        P7A("7a", true, "target SPOILER: never advised less than the same situation with any other named target"),
        P7B("7b", false, "PEACE_TALKS with a PEACE_PROCESS_PARTY, GOVERNMENT_AGENT or HEAD_OF_STATE target: arrest items never above DEFER"),
        P8("8", true, "warrant SEALED: arrest items never advised less than with a PUBLIC warrant"),
        P9("9", true, "changing one leadership factor to any other level moves no item by more than one mode"),
        P10("10", false, "STAFF_TESTIMONY always escalated; confidential items never FULL, and CONDITIONAL only on ORIGINATOR_CONSENT"),
        P11("11", false, "deterministic: the same situation evaluated again gives the same advice and the same trace, firing for firing"),
        P12("12", false, "complete: exactly one item rule and exactly one verdict band fire for every item, and no rule fails");

        private final String id;
        private final boolean neighbour;
        private final String text;

        Check(String id, boolean neighbour, String text) {
            this.id = id;
            this.neighbour = neighbour;
            this.text = text;
        }

        /** "1" ... "12", with "7a" and "7b". */
        public String id() { return id; }

        /** True when the proposition compares a situation with a neighbour (one factor changed). */
        public boolean neighbour() { return neighbour; }

        public String text() { return text; }

        /** The name of the example scenario file, e.g. prop-7a.json. */
        public String fileName(boolean ofNeighbour) {
            return "prop-" + id + (ofNeighbour ? "-neighbour" : "") + ".json";
        }
    }

    /** What the progress listener is told, a few times a second. {@code done} and {@code total} count the phase's units. */
    public record Progress(String phase, String unit, long done, long total, long evaluated, long nanos) {
    }

    /** Called from the thread that runs {@link #run}, about every quarter of a second, and once at the end of each phase. */
    public interface Listener {
        void progress(Progress p);
    }

    /**
     * How to verify. {@code sample} 0 means the full lattice, else that many situations drawn uniformly (with
     * replacement) from it, fixed by {@code seed}. The full lattice is walked in live sessions (see
     * {@link LiveSession}) unless {@code fresh}: then every situation gets a fresh session, as a sample does (slower;
     * the baseline the walk is measured and checked against).
     */
    public record Options(long sample, long seed, int threads, Listener listener, boolean fresh) {
        public Options {
            if (sample < 0) {
                throw new IllegalArgumentException("the sample size must not be negative");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("at least one thread");
            }
            listener = listener == null ? p -> { } : listener;
        }

        public Options(long sample, long seed, int threads, Listener listener) {
            this(sample, seed, threads, listener, false);
        }

        public static Options full(int threads) {
            return new Options(0, 1, threads, null);
        }

        public static Options sample(long n, long seed, int threads) {
            return new Options(n, seed, threads, null);
        }

        /** The same options, evaluating every situation in a fresh session. */
        public Options inFreshSessions() {
            return new Options(sample, seed, threads, listener, true);
        }
    }

    /**
     * A counterexample: the situation (and, for a neighbour proposition, the neighbour it is compared with), the
     * requests involved (indices into {@link #REQUESTS}), their modes in each, and what is wrong, in words.
     */
    public record Example(long index, long neighbourIndex, Situation situation, Situation neighbour, String changed,
                          List<Integer> items, List<Mode> modes, List<Mode> neighbourModes, String message) {
    }

    /** The outcome of one proposition: how many situations (or pairs) were checked, how many item-level violations. */
    public record Finding(Check check, long checked, long violations, Example example) {
    }

    /**
     * The whole outcome. {@code situationsEvaluated} counts every situation evaluated (eleven item-advices each);
     * {@code walked}: the full lattice in live sessions. {@code evaluationSeconds} is the time spent evaluating,
     * {@code comparisonSeconds} the time spent comparing neighbours in the stored modes (full lattice only).
     * {@code modesDigest}: over the full lattice, a SHA-256 of every situation's eleven modes in lattice order, so that
     * two runs (other rules, another build, --fresh against the walk) can be compared at a glance; null for a sample.
     */
    public record Result(String rulesFingerprint, String rulesOrigin, boolean exhaustive, boolean walked, long lattice,
                         long sample, long seed, int threads, long situationsEvaluated, long neighboursEvaluated,
                         long determinismEvaluated, double seconds, double evaluationSeconds, double comparisonSeconds,
                         List<Finding> findings,
                         int rulesCompiled, List<String> rulesNeverFired, String modesDigest) {

        public long itemAdvices() {
            return situationsEvaluated * REQUESTS.size();
        }

        public long violations() {
            return findings.stream().mapToLong(Finding::violations).sum();
        }

        /** Engine calls per second over the phases that call the engine. */
        public double situationsPerSecond() {
            return evaluationSeconds > 0 ? situationsEvaluated / evaluationSeconds : 0;
        }

        /** Seconds the full lattice would take at this run's rate (a fresh session per situation, as a sample runs). */
        public double projectedFullSeconds() {
            double rate = situationsPerSecond();
            return rate > 0 ? LATTICE / rate : 0;
        }

        public Finding finding(Check c) {
            return findings.get(c.ordinal());
        }

        /** True when no proposition is violated and, over the full lattice, every rule fires somewhere. */
        public boolean ok() {
            return violations() == 0 && (!exhaustive || rulesNeverFired.isEmpty());
        }
    }

    // --- the lattice ------------------------------------------------------------------------------------------------

    private static final List<Factor> FACTORS = Factor.all();
    private static final int F = FACTORS.size();
    static final int ITEMS = REQUESTS.size();
    private static final int T = Factor.TARGET.ordinal();
    private static final int W = Factor.WARRANT.ordinal();
    /** A stored mode for an item without exactly one verdict band (or whose evaluation failed). */
    static final byte NO_MODE = (byte) Mode.values().length;

    private static final boolean[] COERCIVE = new boolean[ITEMS];
    private static final boolean[] ARREST = new boolean[ITEMS];
    private static final int ARREST_MASK;
    private static final int ALL_ITEMS = (1 << ITEMS) - 1;
    private static final int CHUNK = 4_096;
    private static final Check[] CHECKS = Check.values();

    static {
        long n = 1;
        for (Factor f : FACTORS) {
            n *= f.levels().size();
        }
        LATTICE = n;
        int arrest = 0;
        for (int k = 0; k < ITEMS; k++) {
            ItemType t = REQUESTS.get(k).type();
            COERCIVE[k] = coercive(t);
            ARREST[k] = arrest(t);
            arrest |= ARREST[k] ? 1 << k : 0;
        }
        ARREST_MASK = arrest;
    }

    private static List<Request> requests() {
        List<Request> r = new ArrayList<>();
        for (ItemType t : ItemType.values()) {
            r.add(new Request(t.name(), t, null, false));
        }
        r.add(new Request(ItemType.INFORMATION_SHARING.name() + ".confidential", ItemType.INFORMATION_SHARING, null, true));
        r.add(new Request(ItemType.STAFF_TESTIMONY.name() + ".confidential", ItemType.STAFF_TESTIMONY, null, true));
        return List.copyOf(r);
    }

    /** The levels of each factor in this lattice (all of them, unless the lattice was narrowed), in the factor's order. */
    private final Level[][] levels = new Level[F][];
    private final int[] radix = new int[F];
    private final long[] stride = new long[F];
    /** [factor][level index]: the indices of the levels one rank higher (several when ranks tie), empty at the top or outside the order. */
    private final int[][][] up = new int[F][][];
    /** The leadership factors (proposition 9). */
    private final int[] leadership;
    /** Indices of the named targets other than SPOILER (proposition 7a). */
    private final int[] otherNamedTargets;
    private final int spoiler;
    private final int sealed;
    private final int publicWarrant;
    private final long size;

    /** The number of situations of this verifier's lattice ({@link #LATTICE} unless narrowed). */
    public long latticeSize() {
        return size;
    }

    /** The situation's place in the lattice: mixed radix over {@link Factor#all()}, the last factor varying fastest. */
    public long index(Situation s) {
        long k = 0;
        for (int f = 0; f < F; f++) {
            int d = Arrays.asList(levels[f]).indexOf(s.get(FACTORS.get(f)));
            if (d < 0) {
                throw new IllegalArgumentException(s + " is outside this lattice");
            }
            k = k * radix[f] + d;
        }
        return k;
    }

    /** The situation at a place in the lattice. */
    public Situation situation(long index) {
        int[] d = new int[F];
        decode(index, d);
        return situation(d);
    }

    private Situation situation(int[] digits) {
        Level[] v = new Level[F];
        for (int f = 0; f < F; f++) {
            v[f] = levels[f][digits[f]];
        }
        return new Situation(v);
    }

    private void decode(long index, int[] digits) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no situation " + index + " in a lattice of " + size);
        }
        for (int f = F - 1; f >= 0; f--) {
            digits[f] = (int) (index % radix[f]);
            index /= radix[f];
        }
    }

    private void increment(int[] digits) {
        for (int f = F - 1; f >= 0; f--) {
            if (++digits[f] < radix[f]) {
                return;
            }
            digits[f] = 0;
        }
    }

    /** The lattice index of sample case {@code i}: uniform, fixed by the seed, independent of the threads. */
    private long sampleIndex(long seed, long i) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + i)).nextLong(size);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // --- running ----------------------------------------------------------------------------------------------------

    private final RuleBase rules;
    private final Map<String, RuleInfo> ruleMap;
    private final IdentityHashMap<RuleInfo, Integer> ruleIndex = new IdentityHashMap<>();
    private final List<RuleInfo> ruleList;

    /** A verifier of the full lattice. */
    public Verifier(RuleBase rules) {
        this(rules, Map.of());
    }

    /**
     * A verifier of a narrowed lattice: the factors named keep only the levels given (in the factor's order), the
     * others all theirs. Neighbours are then compared within it (one rank higher among the levels kept). For tests,
     * and for verifying one corner of the lattice exhaustively.
     */
    public Verifier(RuleBase rules, Map<Factor, ? extends List<? extends Level>> narrowed) {
        this.rules = rules;
        this.ruleMap = rules.rules();
        this.ruleList = ruleMap.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        for (int i = 0; i < ruleList.size(); i++) {
            ruleIndex.put(ruleList.get(i), i);
        }
        long n = 1;
        for (int f = F - 1; f >= 0; f--) {
            Factor factor = FACTORS.get(f);
            List<? extends Level> keep = narrowed.get(factor);
            List<Level> kept = factor.levels().stream().filter(l -> keep == null || keep.contains(l)).toList();
            if (kept.isEmpty() || (keep != null && kept.size() != keep.size())) {
                throw new IllegalArgumentException("levels " + keep + " for " + factor + ": give one or more of " + factor.levels());
            }
            levels[f] = kept.toArray(Level[]::new);
            radix[f] = levels[f].length;
            stride[f] = n;
            n *= radix[f];
            up[f] = new int[radix[f]][];
            for (int l = 0; l < radix[f]; l++) {
                int rank = levels[f][l].rank();
                List<Integer> higher = new ArrayList<>();
                for (int m = 0; m < radix[f]; m++) {
                    if (rank != Level.UNORDERED && levels[f][m].rank() == rank + 1) {
                        higher.add(m);
                    }
                }
                up[f][l] = higher.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        size = n;
        leadership = FACTORS.stream().filter(Factor::isLeadership).mapToInt(Factor::ordinal).toArray();
        List<Level> targets = Arrays.asList(levels[T]);
        otherNamedTargets = Arrays.stream(Target.values()).filter(t -> t != Target.NONE && t != Target.SPOILER)
                .mapToInt(targets::indexOf).filter(i -> i >= 0).toArray();
        spoiler = targets.indexOf(Target.SPOILER);
        List<Level> warrants = Arrays.asList(levels[W]);
        sealed = warrants.indexOf(Warrant.SEALED);
        publicWarrant = warrants.indexOf(Warrant.PUBLIC);
    }

    /** Verifies; the listener (if any) is called on this thread while the workers run. */
    public Result run(Options options) {
        long start = System.nanoTime();
        boolean full = options.sample() == 0;
        boolean walk = full && !options.fresh();
        Worker[] workers = new Worker[options.threads()];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Worker(full);
        }
        byte[] modes = null;
        long evalNanos = 0;
        long comparisonNanos = 0;
        if (full) {
            long bytes = size * ITEMS;
            Runtime rt = Runtime.getRuntime();
            if (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) < bytes + (128L << 20)) {
                throw new IllegalStateException("verifying the full lattice keeps " + (bytes >> 20) + " MB of modes, and the JVM may use only "
                        + (rt.maxMemory() >> 20) + " MB; give it more (e.g. java -Xmx1g) or verify a --sample");
            }
            modes = new byte[Math.toIntExact(bytes)];
            byte[] store = modes;
            for (Worker w : workers) {
                w.store = store;
            }
            long t0 = System.nanoTime();
            if (walk) {
                int[] order = walkOrder();
                for (Worker w : workers) {
                    w.order = order;
                }
                parallel(workers, size, "evaluating", "situations", start, options.listener(), Worker::walkRange);
            } else {
                parallel(workers, size, "evaluating", "situations", start, options.listener(), Worker::evaluateRange);
            }
            evalNanos += System.nanoTime() - t0;
            long t1 = System.nanoTime();
            parallel(workers, size, "comparing neighbours", "situations", start, options.listener(), Worker::neighbourRange);
            comparisonNanos = System.nanoTime() - t1;
        } else {
            long t0 = System.nanoTime();
            long seed = options.seed();
            for (Worker w : workers) {
                w.seed = seed;
            }
            parallel(workers, options.sample(), "sampling", "sampled situations", start, options.listener(), Worker::sampleRange);
            evalNanos += System.nanoTime() - t0;
        }
        long determinism = Math.min(DETERMINISM_SAMPLE, full ? size : options.sample());
        long t1 = System.nanoTime();
        long seed = options.seed();
        for (Worker w : workers) {
            w.seed = seed;
        }
        parallel(workers, determinism, "re-evaluating for determinism", "situations", start, options.listener(),
                Worker::determinismRange);
        evalNanos += System.nanoTime() - t1;

        // Merge the workers.
        List<Finding> findings = new ArrayList<>();
        for (Check c : CHECKS) {
            long checked = 0;
            long violations = 0;
            Example first = null;
            for (Worker w : workers) {
                checked += w.checked[c.ordinal()];
                violations += w.violations[c.ordinal()];
                Example e = w.first[c.ordinal()];
                if (e != null && (first == null || e.index() < first.index()
                        || (e.index() == first.index() && e.neighbourIndex() < first.neighbourIndex()))) {
                    first = e;
                }
            }
            findings.add(new Finding(c, checked, violations, first));
        }
        boolean[] seen = new boolean[ruleList.size()];
        long evaluated = 0;
        long neighbours = 0;
        long determinismEvaluated = 0;
        for (Worker w : workers) {
            w.closeLive();
            for (int i = 0; i < seen.length; i++) {
                seen[i] |= w.seen[i];
            }
            evaluated += w.evaluated;
            neighbours += w.neighboursEvaluated;
            determinismEvaluated += w.determinismEvaluated;
        }
        List<String> never = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                never.add(ruleList.get(i).id());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(rules.fingerprint(), rules.source().origin(), full, walk, size, options.sample(), options.seed(),
                options.threads(), evaluated, neighbours, determinismEvaluated, seconds, evalNanos / 1e9, comparisonNanos / 1e9, findings,
                ruleList.size(), never, full ? digest(modes) : null);
    }

    private static String digest(byte[] modes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(modes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /**
     * The order in which the walk changes the factors, most significant (slowest) first: the factor whose change
     * costs the engine least, in effects recorded and taken back, changes fastest. Two thirds of the steps then
     * change the cheapest factor. Measured by counting on a fixed sample of situations, not by timing, so that the
     * order is the same on every run; rules that fail here leave the factors in their own order.
     */
    int[] walkOrder() {
        double[] cost = new double[F];
        SplittableRandom random = new SplittableRandom(7);
        try (LiveSession live = rules.live(situation(0), REQUESTS)) {
            for (int f = 0; f < F; f++) {
                long effects = 0;
                for (int n = 0; n < 64 && radix[f] > 1; n++) {
                    for (int g = 0; g < F; g++) {
                        live.move(FACTORS.get(g), levels[g][random.nextInt(radix[g])]);
                    }
                    live.settle();
                    long before = live.effects();
                    for (int l = 0; l < radix[f]; l++) {
                        live.move(FACTORS.get(f), levels[f][(l + 1) % radix[f]]);
                        live.settle();
                    }
                    effects += live.effects() - before;
                }
                cost[f] = effects / (64.0 * radix[f]);
            }
        } catch (RuntimeException e) {
            Arrays.fill(cost, 0);
        }
        return java.util.stream.IntStream.range(0, F).boxed()
                .sorted((a, b) -> cost[a] != cost[b] ? Double.compare(cost[b], cost[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    private interface RangeTask {
        void run(Worker w, long from, long to);
    }

    /** Runs the task over [0, n) in contiguous chunks taken in order by the workers' threads; reports progress meanwhile. */
    private static void parallel(Worker[] workers, long n, String phase, String unit, long start, Listener listener, RangeTask task) {
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(() -> {
                try {
                    while (failure.get() == null) {
                        long from = next.getAndAdd(CHUNK);
                        if (from >= n) {
                            return;
                        }
                        long to = Math.min(n, from + CHUNK);
                        w.done = done;
                        task.run(w, from, to);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "verify-" + phase.replace(' ', '-') + "-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread t : threads) {
                while (t.isAlive()) {
                    t.join(250);
                    listener.progress(new Progress(phase, unit, Math.min(done.get(), n), n, evaluated(workers), System.nanoTime() - start));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
            threads.forEach(Thread::interrupt);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException("verify was interrupted", f);
        }
        listener.progress(new Progress(phase, unit, n, n, evaluated(workers), System.nanoTime() - start));
    }

    private static long evaluated(Worker[] workers) {
        long n = 0;
        for (Worker w : workers) {
            n += w.evaluatedVolatile;
        }
        return n;
    }

    /** One thread's state: counts, first counterexamples, rules seen, scratch space. Nothing here is shared. */
    private final class Worker {
        final long[] checked = new long[CHECKS.length];
        final long[] violations = new long[CHECKS.length];
        final Example[] first = new Example[CHECKS.length];
        final boolean[] seen = new boolean[ruleList.size()];
        int seenCount;
        long evaluated;
        volatile long evaluatedVolatile;
        long neighboursEvaluated;
        long determinismEvaluated;
        AtomicLong done;
        long seed;
        /** Full lattice: every situation's modes. */
        byte[] store;
        final boolean full;
        /** Sample: the modes evaluated for the current case, by lattice index. */
        final HashMap<Long, byte[]> cache = new HashMap<>();
        final int[] digits = new int[F];
        final int[] scratch = new int[F];
        RuntimeException error;
        /** Where {@link #fetch} put a neighbour's modes. */
        byte[] fa;
        int fo;
        /** The walk: the factors from slowest to fastest, and this thread's live session (null until needed). */
        int[] order;
        LiveSession live;

        Worker(boolean full) {
            this.full = full;
        }

        // --- engine ---

        /** One engine call with the eleven requests; {@link #error} holds what the rules threw, if anything. */
        List<Item> evaluate(Situation s) {
            List<Item> items = new ArrayList<>(ITEMS);
            for (Request r : REQUESTS) {
                items.add(new Item(r.id(), r.type(), r.confidential(), rules.index()));
            }
            evaluated++;
            evaluatedVolatile = evaluated;
            error = null;
            try {
                rules.run(s, items);
            } catch (RuntimeException e) {
                error = e;
            }
            if (seenCount < seen.length) {
                for (Item i : items) {
                    for (Firing f : i.trace()) {
                        Integer r = ruleIndex.get(f.rule());
                        if (r != null && !seen[r]) {
                            seen[r] = true;
                            seenCount++;
                        }
                    }
                }
            }
            return items;
        }

        void modes(List<Item> items, byte[] out, int offset) {
            for (int k = 0; k < ITEMS; k++) {
                Item i = items.get(k);
                out[offset + k] = error != null || i.bands() != 1 || i.mode() == null ? NO_MODE : (byte) i.mode().ordinal();
            }
        }

        // --- phases ---

        void evaluateRange(long from, long to) {
            decode(from, digits);
            for (long idx = from; idx < to; idx++) {
                Situation s = situation(digits);
                List<Item> items = evaluate(s);
                int offset = (int) (idx * ITEMS);
                modes(items, store, offset);
                direct(idx, s, items, store, offset);
                done.incrementAndGet();
                if (idx + 1 < to) {
                    increment(digits);
                }
            }
        }

        /**
         * Walks ranks [from, to) of the lattice in Gray-code order (see {@link GrayWalk}) in this thread's live
         * session: each step changes one factor, and the engine matches again only the rules that test it. If the
         * rules fail, the situation is recorded as such and the session is started afresh at the next one.
         */
        void walkRange(long from, long to) {
            int[] walkRadix = new int[F];
            for (int p = 0; p < F; p++) {
                walkRadix[p] = radix[order[p]];
            }
            GrayWalk walk = new GrayWalk(walkRadix, from);
            int[] g = walk.digits();
            int[] before = g.clone();
            long idx = 0;
            for (int p = 0; p < F; p++) {
                idx += g[p] * stride[order[p]];
            }
            Level[] start = new Level[F];
            for (int p = 0; p < F; p++) {
                start[order[p]] = levels[order[p]][g[p]];
            }
            Situation target = new Situation(start);
            try {
                if (live == null) {
                    live = rules.live(target, REQUESTS);
                } else {
                    for (Factor f : FACTORS) {
                        if (live.situation().get(f) != target.get(f)) {
                            live.move(f, target.get(f));
                        }
                    }
                    live.settle();
                }
                error = null;
            } catch (RuntimeException e) {
                failed(e);
            }
            for (long rank = from; rank < to; rank++) {
                Situation s = live != null ? live.situation() : target;
                int offset = (int) (idx * ITEMS);
                if (error == null) {
                    modes(live.items(), store, offset);
                    direct(idx, s, live.items(), store, offset);
                } else {
                    Arrays.fill(store, offset, offset + ITEMS, NO_MODE);
                    direct(idx, s, null, store, offset);
                }
                evaluated++;
                if (rank + 1 < to) {
                    int p = walk.step();
                    int f = order[p];
                    idx += (g[p] - before[p]) * stride[f];
                    before[p] = g[p];
                    Level next = levels[f][g[p]];
                    try {
                        if (live == null) {
                            target = s.with(FACTORS.get(f), next);
                            live = rules.live(target, REQUESTS);
                        } else {
                            live.move(FACTORS.get(f), next);
                            live.settle();
                        }
                        error = null;
                    } catch (RuntimeException e) {
                        target = live != null ? live.situation().value() : s.with(FACTORS.get(f), next);
                        failed(e);
                    }
                }
            }
            see(live);
            evaluatedVolatile = evaluated;
            done.addAndGet(to - from);
        }

        private void failed(RuntimeException e) {
            error = e;
            see(live);
            closeLive();
        }

        private void see(LiveSession session) {
            if (session != null) {
                for (RuleInfo r : session.seen()) {
                    Integer i = ruleIndex.get(r);
                    if (i != null) {
                        seen[i] = true;
                    }
                }
            }
        }

        void closeLive() {
            if (live != null) {
                live.close();
                live = null;
            }
        }

        void neighbourRange(long from, long to) {
            decode(from, digits);
            for (long idx = from; idx < to; idx++) {
                neighbours(idx, digits, store, (int) (idx * ITEMS));
                if (idx + 1 < to) {
                    increment(digits);
                }
            }
            done.addAndGet(to - from);
        }

        void sampleRange(long from, long to) {
            for (long i = from; i < to; i++) {
                long idx = sampleIndex(seed, i);
                decode(idx, digits);
                Situation s = situation(digits);
                List<Item> items = evaluate(s);
                byte[] m = new byte[ITEMS];
                modes(items, m, 0);
                direct(idx, s, items, m, 0);
                cache.clear();
                cache.put(idx, m);
                neighbours(idx, digits, m, 0);
                done.incrementAndGet();
            }
        }

        /** Evaluates a situation twice more and compares all the rules recorded (and, over the full lattice, the stored modes). */
        void determinismRange(long from, long to) {
            for (long i = from; i < to; i++) {
                long idx = sampleIndex(~seed, i);
                Situation s = situation(idx);
                List<Item> a = evaluate(s);
                RuntimeException ea = error;
                List<Item> b = evaluate(s);
                RuntimeException eb = error;
                determinismEvaluated += 2;
                checked[Check.P11.ordinal()]++;
                int mask = 0;
                String first = null;
                for (int k = 0; k < ITEMS; k++) {
                    String diff = (ea == null) != (eb == null) ? "the rules failed in one evaluation only: " + (ea != null ? ea : eb)
                            : ea != null && !String.valueOf(ea.getMessage()).equals(String.valueOf(eb.getMessage()))
                            ? "the rules failed differently: " + ea + " and " + eb
                            : difference(a.get(k), b.get(k));
                    if (diff == null && store != null && ea == null) {
                        byte stored = store[(int) (idx * ITEMS + k)];
                        byte now = a.get(k).bands() == 1 ? (byte) a.get(k).mode().ordinal() : NO_MODE;
                        if (stored != now) {
                            diff = "the mode is " + name(now) + " now but was " + name(stored) + " in the first pass over the lattice";
                        }
                    }
                    if (diff != null) {
                        mask |= 1 << k;
                        if (first == null) {
                            first = describe(k) + ": " + diff;
                        }
                    }
                }
                if (mask != 0) {
                    String message = "evaluated again, " + first;
                    record(Check.P11, mask, idx, -1, s, null, null, modeList(a, mask), null, message);
                }
                done.incrementAndGet();
            }
        }

        // --- the checks of one situation ---

        void direct(long idx, Situation s, List<Item> items, byte[] m, int o) {
            // 12: complete.
            if (error != null) {
                checked[Check.P12.ordinal()]++;
                record(Check.P12, (1 << ITEMS) - 1, idx, -1, s, null, null, null, null,
                        "the rules failed on this situation: " + error);
                return;
            }
            eachItem(Check.P12, idx, s, m, o, (k, v) -> {
                Item i = items.get(k);
                if (i.bands() == 1 && i.bases() == 1) {
                    return null;
                }
                String bands = i.bands() == 1 ? null : (i.bands() == 0 ? "no verdict band fired (a gap)"
                        : i.bands() + " verdict bands fired (a contradiction)") + " for the balance " + i.score();
                String bases = i.bases() == 1 ? null : i.bases() == 0 ? "no item rule fired (a gap)"
                        : i.bases() + " item rules fired (a contradiction)";
                return describe(k) + ": " + (bands == null ? bases : bases == null ? bands : bands + ", and " + bases);
            });

            // 2 to 7b: the bounds on an item's mode that hold in this situation alone (see bound()).
            if (s.get(Factor.MANDATE) == Mandate.NONE) {
                eachItem(Check.P2, idx, s, m, o, (k, v) -> !above(k, v, bound(Check.P2, s, k)) ? null
                        : v == Mode.FULL.ordinal() ? describe(k) + " is FULL without a mandate to counter impunity"
                        : describe(k) + " is " + name(v) + ", not DECLINE, without a mandate to counter impunity");
            }
            if (s.get(Factor.INTERNATIONAL_SUPPORT) == Support.LOW) {
                eachItem(Check.P3, idx, s, m, o, (k, v) -> above(k, v, bound(Check.P3, s, k)) ? describe(k) + " is " + name(v)
                        + ", above LIMITED, with internationalSupport LOW" : null);
            }
            boolean stabilityHigh = s.get(Factor.STABILITY_RISK) == Risk.HIGH;
            boolean legitimacyHigh = s.get(Factor.LEGITIMACY_RISK) == Risk.HIGH;
            if (stabilityHigh || legitimacyHigh) {
                eachItem(Check.P4, idx, s, m, o, (k, v) -> above(k, v, bound(Check.P4, s, k)) ? describe(k) + " is " + name(v)
                        + ", above LIMITED, with " + (stabilityHigh ? "stabilityRisk HIGH"
                        + (legitimacyHigh ? " and legitimacyRisk HIGH" : "") : "legitimacyRisk HIGH") : null);
            }
            if (s.get(Factor.HOST_STATE) == HostState.OPPOSED) {
                eachItem(Check.P5, idx, s, m, o, (k, v) -> {
                    if (v == NO_MODE) {
                        return null;
                    }
                    boolean above = above(k, v, bound(Check.P5, s, k));
                    if (!COERCIVE[k]) {
                        return above ? describe(k) + " is " + name(v) + ", above CONDITIONAL, with the host state opposed" : null;
                    }
                    boolean escalated = items.get(k).escalated();
                    return !above && escalated ? null : describe(k) + " is " + name(v) + (above ? ", not DECLINE," : "")
                            + (escalated ? "" : (above ? " and" : " but") + " not escalated") + " with the host state opposed";
                });
            }
            if (s.get(Factor.MANDATE) != Mandate.ARREST_AUTHORITY) {
                eachItem(Check.P6, idx, s, m, o, (k, v) -> above(k, v, bound(Check.P6, s, k)) ? describe(k) + " is " + name(v)
                        + ", above LIMITED, with mandate " + s.get(Factor.MANDATE) : null);
            }
            Level target = s.get(Factor.TARGET);
            if (bound(Check.P7B, s, ItemType.ARREST_OPERATION, false) != null) { // talks, and a target 7b protects
                eachItem(Check.P7B, idx, s, m, o, (k, v) -> above(k, v, bound(Check.P7B, s, k)) ? describe(k) + " is "
                        + name(v) + ", above DEFER, during peace talks with target " + target : null);
            }
            // 10: testimony escalated; confidential items at best CONDITIONAL on originator consent.
            eachItem(Check.P10, idx, s, m, o, (k, v) -> {
                Request r = REQUESTS.get(k);
                Item i = items.get(k);
                String said = null;
                if (r.type() == ItemType.STAFF_TESTIMONY && !i.escalated()) {
                    said = describe(k) + " is not escalated to UN Headquarters";
                }
                if (above(k, v, bound(Check.P10, s, k))) {
                    said = join(said, describe(k) + " is FULL");
                } else if (r.confidential() && v == Mode.CONDITIONAL.ordinal() && !hasCondition(i, "ORIGINATOR_CONSENT")) {
                    said = join(said, describe(k) + " is CONDITIONAL without the condition ORIGINATOR_CONSENT (conditions "
                            + i.conditions().stream().map(Condition::code).toList() + ")");
                }
                return said;
            });
        }

        /**
         * One proposition on each item of a situation: counts the situation as checked, and records the items for
         * which {@code rule} gives a violation (in words), if any.
         */
        private void eachItem(Check c, long idx, Situation s, byte[] m, int o, ItemRule rule) {
            checked[c.ordinal()]++;
            int mask = 0;
            StringBuilder why = null;
            for (int k = 0; k < ITEMS; k++) {
                String violation = rule.violation(k, m[o + k]);
                if (violation != null) {
                    mask |= 1 << k;
                    why = why == null ? new StringBuilder() : why;
                    append(why, violation);
                }
            }
            if (mask != 0) {
                record(c, mask, idx, -1, s, null, null, modeList(m, o, mask), null, why.toString());
            }
        }

        // --- the checks that compare neighbours ---

        /**
         * Propositions 1, 7a, 8 and 9 around one situation. Over the full lattice every pair is compared once: 7a and 8
         * from the SPOILER and SEALED situations, 9 from the lower level of each pair. A sample compares, around each
         * sampled situation, its column: SPOILER against every other named target, SEALED against PUBLIC, every pair of
         * levels of each leadership factor.
         */
        void neighbours(long idx, int[] d, byte[] bm, int bo) {
            // 1: one rank higher never lowers a mode.
            for (int f = 0; f < F; f++) {
                for (int u : up[f][d[f]]) {
                    long n = idx + (u - d[f]) * stride[f];
                    fetch(n);
                    checked[Check.P1.ordinal()]++;
                    int mask = StoredModes.less(bm, bo, fa, fo, ALL_ITEMS);
                    if (mask != 0) {
                        pair(Check.P1, mask, idx, bm, bo, n, f, d[f], u, "raising");
                    }
                }
            }
            // 7a: SPOILER at least every other named target.
            if (spoiler >= 0 && (!full || d[T] == spoiler)) {
                long sp = idx + (spoiler - d[T]) * stride[T];
                byte[] sm = bm;
                int so = bo;
                if (sp != idx) {
                    fetch(sp);
                    sm = fa;
                    so = fo;
                }
                for (int t : otherNamedTargets) {
                    long n = sp + (t - spoiler) * stride[T];
                    fetch(n);
                    checked[Check.P7A.ordinal()]++;
                    int mask = StoredModes.less(fa, fo, sm, so, ALL_ITEMS);
                    if (mask != 0) {
                        pair(Check.P7A, mask, sp, sm, so, n, T, spoiler, t, "against");
                    }
                }
            }
            // 8: SEALED at least PUBLIC, arrest items.
            if (sealed >= 0 && publicWarrant >= 0 && (!full || d[W] == sealed)) {
                long se = idx + (sealed - d[W]) * stride[W];
                byte[] sm = bm;
                int so = bo;
                if (se != idx) {
                    fetch(se);
                    sm = fa;
                    so = fo;
                }
                long n = se + (publicWarrant - sealed) * stride[W];
                fetch(n);
                checked[Check.P8.ordinal()]++;
                int mask = StoredModes.less(fa, fo, sm, so, ARREST_MASK);
                if (mask != 0) {
                    pair(Check.P8, mask, se, sm, so, n, W, sealed, publicWarrant, "against");
                }
            }
            // 9: a leadership factor moves no item by more than one mode.
            for (int f : leadership) {
                for (int x = full ? d[f] : 0; x <= (full ? d[f] : radix[f] - 1); x++) {
                    long ia = idx + (x - d[f]) * stride[f];
                    for (int y = x + 1; y < radix[f]; y++) {
                        long ib = idx + (y - d[f]) * stride[f];
                        fetch(ia);
                        byte[] am = fa;
                        int ao = fo;
                        fetch(ib);
                        checked[Check.P9.ordinal()]++;
                        int mask = StoredModes.apart(am, ao, fa, fo);
                        if (mask != 0) {
                            pair(Check.P9, mask, ia, am, ao, ib, f, x, y, "changing");
                        }
                    }
                }
            }
        }

        /** Puts the modes of situation {@code n} in {@link #fa}/{@link #fo}: an array lookup, or (sample) an engine call. */
        void fetch(long n) {
            if (full) {
                fa = store;
                fo = (int) (n * ITEMS);
                return;
            }
            byte[] m = cache.get(n);
            if (m == null) {
                int[] d = scratch;
                decode(n, d);
                List<Item> items = evaluate(situation(d));
                neighboursEvaluated++;
                m = new byte[ITEMS];
                modes(items, m, 0);
                cache.put(n, m);
            }
            fa = m;
            fo = 0;
        }

        /** Records a violation between situation {@code a} and its neighbour {@code b} (factor f, level x in a, y in b). */
        void pair(Check c, int mask, long a, byte[] am, int ao, long b, int f, int x, int y, String verb) {
            violations[c.ordinal()] += Integer.bitCount(mask);
            Example old = first[c.ordinal()];
            if (old != null && (old.index() < a || (old.index() == a && old.neighbourIndex() <= b))) {
                return;
            }
            byte[] bm;
            int bo;
            if (full) {
                bm = store;
                bo = (int) (b * ITEMS);
            } else {
                bm = cache.get(b);
                bo = 0;
            }
            Factor factor = FACTORS.get(f);
            String from = levels[f][x].name();
            String to = levels[f][y].name();
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < ITEMS; k++) {
                if ((mask & (1 << k)) == 0) {
                    continue;
                }
                String ma = name(am[ao + k]);
                String mb = name(bm[bo + k]);
                append(sb, switch (c) {
                    case P1 -> "raising " + factor + " from " + from + " to " + to + " lowers " + describe(k) + " from " + ma + " to " + mb;
                    case P7A -> describe(k) + " is " + ma + " against a SPOILER but " + mb + " against " + to;
                    case P8 -> describe(k) + " is " + ma + " with a SEALED warrant but " + mb + " with a PUBLIC one";
                    default -> "changing " + factor + " from " + from + " to " + to + " moves " + describe(k) + " from " + ma
                            + " to " + mb + ", by " + Math.abs(am[ao + k] - bm[bo + k]) + " modes";
                });
            }
            first[c.ordinal()] = new Example(a, b, situation(a), situation(b), factor.key() + " = " + to,
                    items(mask), modeList(am, ao, mask), modeList(bm, bo, mask), sb.toString());
        }

        /** Records a violation in one situation. */
        void record(Check c, int mask, long idx, long neighbour, Situation s, Situation n, String changed, List<Mode> modes,
                    List<Mode> neighbourModes, String message) {
            violations[c.ordinal()] += Integer.bitCount(mask);
            Example old = first[c.ordinal()];
            if (old == null || idx < old.index()) {
                first[c.ordinal()] = new Example(idx, neighbour, s.value(), n == null ? null : n.value(), changed, items(mask), modes,
                        neighbourModes, message);
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** What one proposition says of one item of a situation, given its mode ({@link #NO_MODE} if none). */
    private interface ItemRule {
        /** The violation in words, or null. */
        String violation(int item, byte mode);
    }

    /** True when the item has a mode, and it is more assistance than {@code max} (null: no bound). */
    private static boolean above(int item, byte mode, Mode max) {
        return max != null && mode != NO_MODE && mode < max.ordinal();
    }

    /**
     * The most assistance that proposition {@code c} allows an item of this type and confidentiality in situation
     * {@code s}, or null where it sets no bound there: the one statement of what propositions 2 to 7b and 10 allow in a
     * single situation, used by the checks here and by the regression, to tell a disagreement with the record that no
     * rule set satisfying DOMAIN.md could avoid. It reads only the {@link #BOUND_FACTORS}. Escalation (5, 10) and the
     * condition a CONDITIONAL confidential item needs (10) are checked apart.
     */
    public static Mode bound(Check c, Situation s, ItemType type, boolean confidential) {
        return switch (c) {
            case P2 -> s.get(Factor.MANDATE) != Mandate.NONE ? null : coercive(type) ? Mode.DECLINE : Mode.CONDITIONAL;
            case P3 -> s.get(Factor.INTERNATIONAL_SUPPORT) == Support.LOW ? Mode.LIMITED : null;
            case P4 -> s.get(Factor.STABILITY_RISK) == Risk.HIGH || s.get(Factor.LEGITIMACY_RISK) == Risk.HIGH
                    ? Mode.LIMITED : null;
            case P5 -> s.get(Factor.HOST_STATE) != HostState.OPPOSED ? null : coercive(type) ? Mode.DECLINE : Mode.CONDITIONAL;
            case P6 -> type == ItemType.ARREST_OPERATION && s.get(Factor.MANDATE) != Mandate.ARREST_AUTHORITY ? Mode.LIMITED : null;
            case P7B -> {
                Level t = s.get(Factor.TARGET);
                yield arrest(type) && s.get(Factor.POLITICAL_MOMENT) == PoliticalMoment.PEACE_TALKS
                        && (t == Target.PEACE_PROCESS_PARTY || t == Target.GOVERNMENT_AGENT || t == Target.HEAD_OF_STATE)
                        ? Mode.DEFER : null;
            }
            case P10 -> confidential ? Mode.CONDITIONAL : null;
            default -> null;
        };
    }

    /** The factors that {@link #bound} reads. */
    public static final List<Factor> BOUND_FACTORS = List.of(Factor.MANDATE, Factor.INTERNATIONAL_SUPPORT,
            Factor.STABILITY_RISK, Factor.LEGITIMACY_RISK, Factor.HOST_STATE, Factor.POLITICAL_MOMENT, Factor.TARGET);

    private static Mode bound(Check c, Situation s, int k) {
        return bound(c, s, REQUESTS.get(k).type(), REQUESTS.get(k).confidential());
    }

    /** Items that coerce or host (propositions 2 and 5). */
    private static boolean coercive(ItemType t) {
        return t == ItemType.ACCOMMODATION || t == ItemType.ARREST_SUPPORT || t == ItemType.ARREST_OPERATION;
    }

    /** Arrest items (propositions 7b and 8). */
    private static boolean arrest(ItemType t) {
        return t == ItemType.ARREST_SUPPORT || t == ItemType.ARREST_OPERATION;
    }

    private static boolean hasCondition(Item item, String code) {
        for (Condition c : item.conditions()) {
            if (c.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Two phrases of one violation, "a; b"; either may be null. */
    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append(s);
    }

    private static List<Integer> items(int mask) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < ITEMS; k++) {
            if ((mask & (1 << k)) != 0) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }

    /** The modes of the masked items; null for an item without exactly one mode. */
    private static List<Mode> modeList(byte[] m, int o, int mask) {
        List<Mode> out = new ArrayList<>();
        for (int k = 0; k < ITEMS; k++) {
            if ((mask & (1 << k)) != 0) {
                out.add(m[o + k] == NO_MODE ? null : Mode.values()[m[o + k]]);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static List<Mode> modeList(List<Item> items, int mask) {
        List<Mode> out = new ArrayList<>();
        for (int k = 0; k < ITEMS; k++) {
            if ((mask & (1 << k)) != 0) {
                out.add(items.get(k).bands() == 1 ? items.get(k).mode() : null);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static String name(byte mode) {
        return mode == NO_MODE ? "without a single mode" : Mode.values()[mode].name();
    }

    /** A request in words: "LOGISTICS", "INFORMATION_SHARING (confidential)". */
    public static String describe(int item) {
        Request r = REQUESTS.get(item);
        return r.type() + (r.confidential() ? " (confidential)" : "");
    }

    /** What differs between two evaluations of the same item, or null. */
    static String difference(Item a, Item b) {
        if (a.bands() != b.bands()) {
            return a.bands() + " verdict bands, then " + b.bands();
        }
        if (!Objects.equals(a.mode(), b.mode())) {
            return "mode " + a.mode() + ", then " + b.mode();
        }
        List<Firing> ta = a.trace();
        List<Firing> tb = b.trace();
        for (int i = 0; i < Math.max(ta.size(), tb.size()); i++) {
            Firing fa = i < ta.size() ? ta.get(i) : null;
            Firing fb = i < tb.size() ? tb.get(i) : null;
            if (!Objects.equals(fa, fb)) {
                return "the trace differs at firing " + (i + 1) + ": " + firing(fa) + ", then " + firing(fb);
            }
        }
        if (a.score() != b.score()) {
            return "balance " + a.score() + ", then " + b.score();
        }
        if (!a.conditions().equals(b.conditions())) {
            return "conditions " + a.conditions() + ", then " + b.conditions();
        }
        if (!a.escalations().equals(b.escalations())) {
            return "escalations " + a.escalations() + ", then " + b.escalations();
        }
        if (!a.ceilings().equals(b.ceilings()) || !a.considerations().equals(b.considerations())
                || !Objects.equals(a.alternative(), b.alternative()) || !a.deferUntil().equals(b.deferUntil())) {
            return "the ceilings, considerations or deferrals differ";
        }
        return null;
    }

    private static String firing(Firing f) {
        return f == null ? "(no firing)" : f.rule().id() + " " + f.did();
    }

    // --- example files ----------------------------------------------------------------------------------------------

    /**
     * Writes, for each violated proposition, its first counterexample as a scenario file (contract v1) that
     * {@code amicus advise} runs; for a neighbour proposition a second file holds the neighbour. Files of an earlier
     * run for propositions now satisfied are removed. Returns the files written, by proposition.
     */
    public static Map<Check, List<Path>> writeExamples(Result result, Path dir) throws IOException {
        Map<Check, List<Path>> written = new EnumMap<>(Check.class);
        boolean any = result.findings().stream().anyMatch(f -> f.example() != null);
        if (Files.isDirectory(dir)) {
            for (Check c : CHECKS) {
                Files.deleteIfExists(dir.resolve(c.fileName(false)));
                Files.deleteIfExists(dir.resolve(c.fileName(true)));
            }
        }
        if (!any) {
            return written;
        }
        Files.createDirectories(dir);
        for (Finding f : result.findings()) {
            Example e = f.example();
            if (e == null) {
                continue;
            }
            List<Path> paths = new ArrayList<>();
            Path main = dir.resolve(f.check().fileName(false));
            Files.writeString(main, scenarioText(result, f, false), StandardCharsets.UTF_8);
            paths.add(main);
            if (e.neighbour() != null) {
                Path other = dir.resolve(f.check().fileName(true));
                Files.writeString(other, scenarioText(result, f, true), StandardCharsets.UTF_8);
                paths.add(other);
            }
            written.put(f.check(), List.copyOf(paths));
        }
        return written;
    }

    /** The scenario file (JSON, contract v1) of a finding's example: the situation itself, or its neighbour. */
    public static String scenarioText(Result result, Finding finding, boolean ofNeighbour) {
        Example e = finding.example();
        Check c = finding.check();
        Situation s = ofNeighbour ? e.neighbour() : e.situation();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schema", "scenario/v1");
        root.put("id", "verify-prop-" + c.id() + (ofNeighbour ? "-neighbour" : ""));
        String where = result.exhaustive()
                ? "the first in lattice order (situation " + e.index() + " of " + String.format(Locale.ROOT, "%,d", result.lattice()) + ")"
                : "the first in lattice order among those found in a sample of " + String.format(Locale.ROOT, "%,d", result.sample())
                        + " situations (seed " + result.seed() + ")";
        if (c.neighbour()) {
            root.put("title", "amicus verify: proposition " + c.id() + " violated, "
                    + (ofNeighbour ? "the neighbour situation (" + e.changed() + ")" : "the situation compared"));
        } else {
            root.put("title", "amicus verify: proposition " + c.id() + " violated");
        }
        StringBuilder d = new StringBuilder();
        d.append("Counterexample found by amicus verify to proposition ").append(c.id()).append(" (").append(c.text()).append("): ")
                .append(e.message()).append(". ");
        if (c.neighbour()) {
            d.append(ofNeighbour ? "This file is the neighbour; the situation it is compared with is " + c.fileName(false)
                            : "This file is the situation; its neighbour (" + e.changed() + ") is " + c.fileName(true))
                    .append(", identical but for that factor: advise both and compare the modes. ");
        } else {
            d.append("Advise this file to see it. ");
        }
        d.append("It is ").append(where).append("; ").append(String.format(Locale.ROOT, "%,d", finding.violations()))
                .append(finding.violations() == 1 ? " violation" : " violations").append(" in all. Rules ")
                .append(result.rulesFingerprint()).append(" (").append(result.rulesOrigin()).append(").");
        root.put("description", d.toString());
        ObjectNode factors = root.putObject("factors");
        for (Factor f : FACTORS) {
            factors.put(f.key(), s.get(f).name());
        }
        ArrayNode requests = root.putArray("requests");
        for (int k : e.items()) {
            Request r = REQUESTS.get(k);
            ObjectNode req = requests.addObject();
            req.put("id", r.id());
            req.put("type", r.type().name());
            if (r.confidential()) {
                req.put("confidential", true);
            }
        }
        ObjectNode notes = root.putObject("notes");
        notes.put("verify", "proposition " + c.id() + ": " + c.text());
        notes.put("rules", result.rulesFingerprint());
        return Json.pretty(root) + "\n";
    }

    /** The proposition's example items and modes in words, e.g. "LOGISTICS CONDITIONAL". */
    public static String modesInWords(List<Integer> items, List<Mode> modes) {
        if (modes == null) {
            return items.stream().map(Verifier::describe).collect(Collectors.joining(", "));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(describe(items.get(i)) + " " + (modes.get(i) == null ? "(no single mode)" : modes.get(i)));
        }
        return String.join(", ", out);
    }

    /** The factors of a situation as a scenario writes them, in {@link Factor#all()} order. */
    public static Map<String, String> factors(Situation s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Factor f : FACTORS) {
            m.put(f.key(), s.get(f).name());
        }
        return m;
    }
}
