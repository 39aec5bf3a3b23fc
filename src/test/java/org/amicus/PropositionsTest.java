package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.amicus.Fixtures.ALL_ITEMS;
import static org.amicus.Fixtures.describe;
import static org.amicus.Fixtures.report;
import static org.amicus.Fixtures.runCases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import java.util.stream.Stream;
import org.amicus.engine.Advisor;
import org.amicus.engine.ItemAdvice;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleFileException;
import org.amicus.engine.ScenarioAdvice;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Ceiling;
import org.amicus.model.Condition;
import org.amicus.model.Factor;
import org.amicus.model.HostState;
import org.amicus.model.Item;
import org.amicus.model.ItemType;
import org.amicus.model.Level;
import org.amicus.model.Mandate;
import org.amicus.model.Mode;
import org.amicus.model.PoliticalMoment;
import org.amicus.model.Request;
import org.amicus.model.Risk;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;
import org.amicus.model.Support;
import org.amicus.model.Target;
import org.amicus.model.Warrant;
import org.amicus.render.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The twelve research propositions of DOMAIN.md, each checked on at least {@value #N} generated situations (drawn
 * uniformly over all factor levels, with the proposition's premise forced where it has one), each situation with all
 * nine item types and, where relevant, confidential variants ({@link Fixtures#ALL_ITEMS}, {@link #CORE}). Seeds are
 * fixed, so a counterexample reproduces; the assertion message prints it (situation, item, modes).
 *
 * <p>The cases run in parallel. Propositions 1, 7a, 8 and 9 compare each generated situation with its neighbours
 * (one factor changed): ~30 evaluations per generated situation, cached by situation and shared between them. To run
 * the suite against an edited copy of the rules: -Damicus.rules=DIR.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class PropositionsTest {
    static final int N = 10_000;

    /**
     * Propositions 1, 7a, 8 and 9 compare each generated situation with its neighbours (one factor changed): they
     * share this seed, so that they share base situations and the cache of modes.
     */
    static final long NEIGHBOURS_SEED = 1;

    /**
     * The items of the neighbour propositions (1, 7a, 8, 9), which evaluate ~30 situations per generated one: the
     * nine item types and confidential information sharing, the confidential item whose balance differs (the focal
     * points' review applies to non-confidential documents only). Every other proposition uses all 18 items.
     */
    static final List<Request> CORE = Fixtures.ALL_ITEMS.stream()
            .filter(r -> !r.confidential() || r.type() == ItemType.INFORMATION_SHARING).toList();

    private static Advisor advisor;
    private static final ConcurrentHashMap<Long, Mode[]> MODES = new ConcurrentHashMap<>();

    private static final EnumSet<ItemType> ARREST = EnumSet.of(ItemType.ARREST_SUPPORT, ItemType.ARREST_OPERATION);
    private static final EnumSet<ItemType> COERCIVE = EnumSet.of(ItemType.ACCOMMODATION, ItemType.ARREST_SUPPORT,
            ItemType.ARREST_OPERATION);

    @BeforeAll
    static void load() {
        advisor = Fixtures.advisor();
    }

    /** The mode of every item of {@link #CORE} in one situation (cached). */
    private static Mode[] coreModes(Situation s) {
        long k = Fixtures.key(s);
        Mode[] m = MODES.get(k);
        if (m == null) {
            m = advisor.modes(s, CORE).toArray(Mode[]::new);
            MODES.putIfAbsent(k, m);
        }
        return m;
    }

    /** The mode of every item of {@link Fixtures#ALL_ITEMS} in one situation. */
    private static Mode[] modes(Situation s) {
        return advisor.modes(s, ALL_ITEMS).toArray(Mode[]::new);
    }

    private static Situation neighboursBase(int i) {
        return Fixtures.randomSituation(Fixtures.random(NEIGHBOURS_SEED, i));
    }

    private static List<Level> ranked(Factor f) {
        return f.levels().stream().filter(l -> l.rank() != Level.UNORDERED).toList();
    }

    private static void assertNoFailures(String property, long seed, Map<Integer, String> failures) {
        assertThat(failures).as(() -> report(property, seed, N, failures)).isEmpty();
    }

    // --- 1 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("1. monotonic: a more favourable level of an ordered factor never lowers any item's mode")
    void prop01_monotonic() {
        long seed = NEIGHBOURS_SEED;
        List<Factor> ordered = Factor.all().stream().filter(Factor::isOrdered).toList();
        assertThat(ordered).hasSize(13); // all but politicalMoment and warrant
        var failures = runCases(N, i -> {
            Situation s = neighboursBase(i);
            for (Factor f : ordered) {
                List<Level> levels = ranked(f);
                Mode[][] m = new Mode[levels.size()][];
                for (int l = 0; l < levels.size(); l++) {
                    m[l] = coreModes(s.with(f, levels.get(l)));
                }
                for (int a = 0; a < levels.size(); a++) {
                    for (int b = 0; b < levels.size(); b++) {
                        if (levels.get(a).rank() >= levels.get(b).rank()) {
                            continue;
                        }
                        for (int it = 0; it < CORE.size(); it++) {
                            if (m[b][it].rank() < m[a][it].rank()) {
                                return "raising " + f.key() + " from " + levels.get(a).name() + " to " + levels.get(b).name()
                                        + " lowers " + describe(CORE.get(it)) + " from " + m[a][it] + " to " + m[b][it]
                                        + "; situation " + s.with(f, levels.get(a));
                            }
                        }
                    }
                }
            }
            return null;
        });
        assertNoFailures("proposition 1 (monotonic)", seed, failures);
    }

    // --- 2 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("2. mandate NONE: no item FULL; accommodation and arrest items DECLINE")
    void prop02_noMandate() {
        long seed = 2;
        var failures = runCases(N, i -> {
            Situation s = Fixtures.randomSituation(Fixtures.random(seed, i), Map.of(Factor.MANDATE, List.of(Mandate.NONE)));
            Mode[] m = modes(s);
            for (int it = 0; it < ALL_ITEMS.size(); it++) {
                Request r = ALL_ITEMS.get(it);
                if (m[it] == Mode.FULL) {
                    return describe(r) + " is FULL without a mandate; situation " + s;
                }
                if (COERCIVE.contains(r.type()) && m[it] != Mode.DECLINE) {
                    return describe(r) + " is " + m[it] + " (expected DECLINE) without a mandate; situation " + s;
                }
            }
            return null;
        });
        assertNoFailures("proposition 2 (mandate NONE)", seed, failures);
    }

    // --- 3 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("3. internationalSupport LOW: no item above LIMITED")
    void prop03_lowSupport() {
        long seed = 3;
        var failures = runCases(N, i -> {
            Situation s = Fixtures.randomSituation(Fixtures.random(seed, i),
                    Map.of(Factor.INTERNATIONAL_SUPPORT, List.of(Support.LOW)));
            return noneAbove(s, Mode.LIMITED, "with low international support");
        });
        assertNoFailures("proposition 3 (internationalSupport LOW)", seed, failures);
    }

    private static String noneAbove(Situation s, Mode max, String why) {
        Mode[] m = modes(s);
        for (int it = 0; it < ALL_ITEMS.size(); it++) {
            if (m[it].above(max)) {
                return describe(ALL_ITEMS.get(it)) + " is " + m[it] + ", above " + max + " " + why + "; situation " + s;
            }
        }
        return null;
    }

    // --- 4 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("4. stabilityRisk HIGH or legitimacyRisk HIGH: no item above LIMITED")
    void prop04_highRisk() {
        long seed = 4;
        var failures = runCases(N, i -> {
            Random r = Fixtures.random(seed, i);
            // One of the two risks is HIGH (alternating), the other drawn from all its levels, so both-HIGH occurs too.
            Factor high = i % 2 == 0 ? Factor.STABILITY_RISK : Factor.LEGITIMACY_RISK;
            Situation s = Fixtures.randomSituation(r, Map.of(high, List.of(Risk.HIGH)));
            return noneAbove(s, Mode.LIMITED, "with " + high.key() + " HIGH");
        });
        assertNoFailures("proposition 4 (stability or legitimacy risk HIGH)", seed, failures);
    }

    // --- 5 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("5. hostState OPPOSED: accommodation and arrest items DECLINE and escalated; the others at most CONDITIONAL")
    void prop05_hostOpposed() {
        long seed = 5;
        var failures = runCases(N, i -> {
            Situation s = Fixtures.randomSituation(Fixtures.random(seed, i),
                    Map.of(Factor.HOST_STATE, List.of(HostState.OPPOSED)));
            List<Item> items = advisor.evaluate(s, ALL_ITEMS);
            for (int it = 0; it < items.size(); it++) {
                Item item = items.get(it);
                Request r = ALL_ITEMS.get(it);
                if (COERCIVE.contains(r.type())) {
                    if (item.mode() != Mode.DECLINE) {
                        return describe(r) + " is " + item.mode() + " (expected DECLINE) with the host state opposed; situation " + s;
                    }
                    if (item.escalations().isEmpty()) {
                        return describe(r) + " is not escalated with the host state opposed; situation " + s;
                    }
                } else if (item.mode().above(Mode.CONDITIONAL)) {
                    return describe(r) + " is " + item.mode() + ", above CONDITIONAL with the host state opposed; situation " + s;
                }
            }
            return null;
        });
        assertNoFailures("proposition 5 (hostState OPPOSED)", seed, failures);
    }

    // --- 6 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("6. ARREST_OPERATION without mandate ARREST_AUTHORITY: never above LIMITED")
    void prop06_arrestOperationNeedsAuthority() {
        long seed = 6;
        List<Level> others = Factor.MANDATE.levels().stream().filter(l -> l != Mandate.ARREST_AUTHORITY).toList();
        var failures = runCases(N, i -> {
            Situation s = Fixtures.randomSituation(Fixtures.random(seed, i), Map.of(Factor.MANDATE, others));
            Mode[] m = modes(s);
            for (int it = 0; it < ALL_ITEMS.size(); it++) {
                if (ALL_ITEMS.get(it).type() == ItemType.ARREST_OPERATION && m[it].above(Mode.LIMITED)) {
                    return describe(ALL_ITEMS.get(it)) + " is " + m[it] + " without arrest authority; situation " + s;
                }
            }
            return null;
        });
        assertNoFailures("proposition 6 (ARREST_OPERATION needs ARREST_AUTHORITY)", seed, failures);
    }

    // --- 7 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("7a. target SPOILER is never advised less than any other named target")
    void prop07_spoilerAtLeastAnyOtherTarget() {
        long seed = NEIGHBOURS_SEED;
        List<Level> named = Factor.TARGET.levels().stream().filter(l -> l != Target.NONE && l != Target.SPOILER).toList();
        assertThat(named).contains(Target.FORMER_OFFICIAL, Target.HEAD_OF_STATE, Target.ARMED_GROUP);
        var failures = runCases(N, i -> {
            Situation s = neighboursBase(i);
            Mode[] spoiler = coreModes(s.with(Factor.TARGET, Target.SPOILER));
            for (Level other : named) {
                Mode[] m = coreModes(s.with(Factor.TARGET, other));
                for (int it = 0; it < CORE.size(); it++) {
                    if (spoiler[it].rank() < m[it].rank()) {
                        return describe(CORE.get(it)) + " is " + spoiler[it] + " against a SPOILER but " + m[it]
                                + " against " + other.name() + "; situation " + s.with(Factor.TARGET, Target.SPOILER);
                    }
                }
            }
            return null;
        });
        assertNoFailures("proposition 7 (SPOILER >= any other named target)", seed, failures);
    }

    @Test
    @DisplayName("7b. a peace-process party or government target during PEACE_TALKS: arrest items never above DEFER")
    void prop07_noArrestDuringTalks() {
        long seed = 71;
        var failures = runCases(N, i -> {
            Situation s = Fixtures.randomSituation(Fixtures.random(seed, i), Map.of(
                    Factor.POLITICAL_MOMENT, List.of(PoliticalMoment.PEACE_TALKS),
                    Factor.TARGET, List.of(Target.PEACE_PROCESS_PARTY, Target.GOVERNMENT_AGENT, Target.HEAD_OF_STATE)));
            Mode[] m = modes(s);
            for (int it = 0; it < ALL_ITEMS.size(); it++) {
                if (ARREST.contains(ALL_ITEMS.get(it).type()) && m[it].above(Mode.DEFER)) {
                    return describe(ALL_ITEMS.get(it)) + " is " + m[it] + " during peace talks; situation " + s;
                }
            }
            return null;
        });
        assertNoFailures("proposition 7 (no arrest of a party or an official during peace talks)", seed, failures);
    }

    // --- 8 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("8. a SEALED warrant is never advised less than a PUBLIC one for arrest items")
    void prop08_sealedAtLeastPublic() {
        long seed = NEIGHBOURS_SEED;
        var failures = runCases(N, i -> {
            Situation s = neighboursBase(i);
            Mode[] sealed = coreModes(s.with(Factor.WARRANT, Warrant.SEALED));
            Mode[] pub = coreModes(s.with(Factor.WARRANT, Warrant.PUBLIC));
            for (int it = 0; it < CORE.size(); it++) {
                if (ARREST.contains(CORE.get(it).type()) && sealed[it].rank() < pub[it].rank()) {
                    return describe(CORE.get(it)) + " is " + sealed[it] + " with a SEALED warrant but " + pub[it]
                            + " with a PUBLIC one; situation " + s.with(Factor.WARRANT, Warrant.SEALED);
                }
            }
            return null;
        });
        assertNoFailures("proposition 8 (SEALED >= PUBLIC for arrest items)", seed, failures);
    }

    // --- 9 ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("9. changing one leadership factor moves no item by more than one mode")
    void prop09_leadershipSecondary() {
        long seed = NEIGHBOURS_SEED;
        List<Factor> leadership = Factor.all().stream().filter(Factor::isLeadership).toList();
        assertThat(leadership).extracting(Factor::key)
                .containsExactly("leaderRiskTolerance", "leaderPriority", "leaderConfidenceInIcc");
        var failures = runCases(N, i -> {
            Situation s = neighboursBase(i);
            for (Factor f : leadership) {
                String failure = movesMoreThanOneMode(s, f);
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        });
        assertNoFailures("proposition 9 (a leadership factor moves an item by at most one mode)", seed, failures);
    }

    @Test
    @DisplayName("9 (ranking, 000): force protection, tested but not 'particularly important', moves no item by more than one mode")
    void prop09b_forceProtectionSecondary() {
        // 000 found only mandate, international support and the risks to stability and legitimacy "particularly
        // important"; force protection weighs and conditions, but alone it moves an item by at most one mode.
        long seed = NEIGHBOURS_SEED;
        var failures = runCases(N, i -> movesMoreThanOneMode(neighboursBase(i), Factor.FORCE_PROTECTION_RISK));
        assertNoFailures("force protection moves an item by at most one mode", seed, failures);
    }

    /** Why changing factor {@code f} of {@code s} to another level moves some item by more than one mode, or null. */
    private static String movesMoreThanOneMode(Situation s, Factor f) {
        for (Level a : f.levels()) {
            for (Level b : f.levels()) {
                if (a == b) {
                    continue;
                }
                Mode[] ma = coreModes(s.with(f, a));
                Mode[] mb = coreModes(s.with(f, b));
                for (int it = 0; it < CORE.size(); it++) {
                    if (Math.abs(ma[it].rank() - mb[it].rank()) > 1) {
                        return "changing " + f.key() + " from " + a.name() + " to " + b.name() + " moves "
                                + describe(CORE.get(it)) + " from " + ma[it] + " to " + mb[it] + "; situation " + s.with(f, a);
                    }
                }
            }
        }
        return null;
    }

    // --- 10 --------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("10. STAFF_TESTIMONY always escalated; confidential items never FULL, and CONDITIONAL on ORIGINATOR_CONSENT")
    void prop10_testimonyAndConfidentiality() {
        long seed = 10;
        var failures = runCases(N, i -> {
            Situation s = Fixtures.randomSituation(Fixtures.random(seed, i));
            List<Item> items = advisor.evaluate(s, ALL_ITEMS);
            for (int it = 0; it < items.size(); it++) {
                Item item = items.get(it);
                Request r = ALL_ITEMS.get(it);
                if (r.type() == ItemType.STAFF_TESTIMONY && item.escalations().isEmpty()) {
                    return describe(r) + " is not escalated; situation " + s;
                }
                if (r.confidential()) {
                    if (item.mode() == Mode.FULL) {
                        return describe(r) + " is FULL; situation " + s;
                    }
                    if (item.mode() == Mode.CONDITIONAL
                            && item.conditions().stream().map(Condition::code).noneMatch("ORIGINATOR_CONSENT"::equals)) {
                        return describe(r) + " is CONDITIONAL without the condition ORIGINATOR_CONSENT (conditions "
                                + item.conditions().stream().map(Condition::code).toList() + "); situation " + s;
                    }
                }
            }
            return null;
        });
        assertNoFailures("proposition 10 (testimony escalated, confidential information at best CONDITIONAL)", seed, failures);
    }

    // --- 11 --------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("11. same scenario, same rules: the same advice byte for byte, also from a separately compiled rule base")
    void prop11_deterministic() throws IOException {
        long seed = 11;
        // A second rule base compiled from the same text, independently of the per-process cache.
        RuleBase other = RuleBase.compile(advisor.rules().source());
        assertThat(other).isNotSameAs(advisor.rules());
        assertThat(other.fingerprint()).isEqualTo(advisor.rules().fingerprint());
        Advisor second = new Advisor(other);

        // Generated scenarios with uncertain factors (lists, UNKNOWN, left out), read like files, until they cover N situations.
        List<String> texts = scenariosCovering(new Random(seed), N);
        // The example scenarios as well.
        try (Stream<Path> files = Files.list(Path.of("scenarios", "examples"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        AtomicLong situations = new AtomicLong();
        var failures = runCases(texts.size(), i -> {
            Scenario scenario = ScenarioReader.parse(texts.get(i), "scenario-" + i + ".json", 0, false);
            ScenarioAdvice first = advisor.advise(scenario);
            situations.addAndGet(first.situations());
            String a = Json.pretty(first);
            String b = Json.pretty(advisor.advise(ScenarioReader.parse(texts.get(i), "scenario-" + i + ".json", 0, false)));
            String c = Json.pretty(second.advise(scenario));
            if (!a.equals(b)) {
                return "advising twice differs at character " + firstDifference(a, b) + ": scenario " + texts.get(i);
            }
            if (!a.equals(c)) {
                return "a separately compiled rule base advises differently at character " + firstDifference(a, c)
                        + ": scenario " + texts.get(i);
            }
            return null;
        });
        assertThat(failures).as(() -> report("proposition 11 (determinism)", seed, texts.size(), "generated scenarios", failures)).isEmpty();
        assertThat(situations.get()).as("situations covered by the advised scenarios").isGreaterThanOrEqualTo(N);
    }

    /** Generated scenario texts, together allowing at least {@code situations} definite situations. */
    static List<String> scenariosCovering(Random r, long situations) {
        List<String> texts = new ArrayList<>();
        long covered = 0;
        while (covered < situations) {
            String text = randomScenario(r, texts.size());
            texts.add(text);
            covered += ScenarioReader.parse(text, "generated.json", 0, false).factors().values().stream()
                    .mapToLong(a -> a.candidates().size()).reduce(1, (x, y) -> x * y);
        }
        return texts;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /**
     * A scenario file's text with 0 to 3 uncertain factors (a list of levels, "UNKNOWN", or left out), kept below a
     * few hundred situations, and 1 to 6 requests of random types, some confidential, with some expectations.
     */
    static String randomScenario(Random r, int n) {
        ObjectMapper m = Json.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("schema", "scenario/v1");
        root.put("id", "generated-" + n);
        root.put("title", "Generated scenario " + n);
        ObjectNode factors = root.putObject("factors");
        List<Factor> all = new ArrayList<>(Factor.all());
        java.util.Collections.shuffle(all, r);
        int uncertain = r.nextInt(4);
        long product = 1;
        for (int k = 0; k < all.size(); k++) {
            Factor f = all.get(k);
            List<Level> levels = f.levels();
            if (k < uncertain) {
                int kind = r.nextInt(3);
                if (kind == 0 && product * levels.size() <= 300) {
                    factors.put(f.key(), "UNKNOWN");
                    product *= levels.size();
                    continue;
                }
                if (kind == 1 && product * levels.size() <= 300) {
                    product *= levels.size(); // left out: UNKNOWN
                    continue;
                }
                if (levels.size() > 2) {
                    List<Level> shuffled = new ArrayList<>(levels);
                    java.util.Collections.shuffle(shuffled, r);
                    int size = 2 + r.nextInt(levels.size() - 1);
                    if (product * size <= 300) {
                        ArrayNode list = factors.putArray(f.key());
                        shuffled.subList(0, size).forEach(l -> list.add(l.name()));
                        product *= size;
                        continue;
                    }
                }
            }
            factors.put(f.key(), levels.get(r.nextInt(levels.size())).name());
        }
        ArrayNode requests = root.putArray("requests");
        ObjectNode expected = m.createObjectNode();
        int count = 1 + r.nextInt(6);
        for (int k = 1; k <= count; k++) {
            ObjectNode req = requests.addObject();
            req.put("id", "r" + k);
            req.put("type", ItemType.values()[r.nextInt(ItemType.values().length)].name());
            if (r.nextInt(4) == 0) {
                req.put("confidential", true);
            }
            if (r.nextInt(3) == 0) {
                expected.put("r" + k, Mode.values()[r.nextInt(Mode.values().length)].name());
            }
        }
        if (!expected.isEmpty()) {
            root.set("expected", expected);
        }
        return root.toString();
    }

    // --- 12 --------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("12. exactly one mode per item: one verdict band, never null, the band lowered to the lowest ceiling")
    void prop12_exactlyOneMode() {
        long seed = 12;
        var failures = runCases(N, i -> {
            Situation s = Fixtures.randomSituation(Fixtures.random(seed, i));
            List<Item> items;
            try {
                items = advisor.evaluate(s, ALL_ITEMS);
            } catch (RuleFileException e) {
                return "the engine refuses the verdict: " + e.getMessage();
            }
            if (items.size() != ALL_ITEMS.size()) {
                return items.size() + " items for " + ALL_ITEMS.size() + " requests; situation " + s;
            }
            for (int it = 0; it < items.size(); it++) {
                Item item = items.get(it);
                Request r = ALL_ITEMS.get(it);
                if (!item.getId().equals(r.id()) || item.getType() != r.type() || item.isConfidential() != r.confidential()) {
                    return "item " + it + " is " + item.getId() + " for request " + r.id() + "; situation " + s;
                }
                if (item.bands() != 1 || item.band() == null || item.mode() == null) {
                    return describe(r) + ": " + item.bands() + " verdict bands, mode " + item.mode() + "; situation " + s;
                }
                Mode lowest = item.band();
                for (Ceiling c : item.ceilings()) {
                    lowest = Mode.cautious(lowest, c.mode());
                }
                if (item.mode() != lowest) {
                    return describe(r) + ": mode " + item.mode() + " but band " + item.band() + " and ceilings "
                            + item.ceilings() + "; situation " + s;
                }
                long bases = item.trace().stream().filter(f -> f.kind() == org.amicus.model.Firing.Kind.BASE).count();
                if (bases != 1) {
                    return describe(r) + ": " + bases + " item rules (base) fired; situation " + s;
                }
            }
            return null;
        });
        assertNoFailures("proposition 12 (exactly one mode per item)", seed, failures);
    }

    @Test
    @DisplayName("12. exactly one mode per item also for uncertain scenarios: the most cautious of its range, given by the levels it says it assumed")
    void prop12_uncertainScenariosGetOneModePerItem() {
        long seed = 121;
        List<String> texts = scenariosCovering(new Random(seed), N);
        AtomicLong situations = new AtomicLong();
        var failures = runCases(texts.size(), i -> {
            Scenario scenario = ScenarioReader.parse(texts.get(i), "gen.json", 0, false);
            ScenarioAdvice advice;
            try {
                advice = advisor.advise(scenario);
            } catch (RuleFileException e) {
                return "the engine refuses the verdict: " + e.getMessage();
            }
            situations.addAndGet(advice.situations());
            if (advice.items().size() != scenario.requests().size()) {
                return advice.items().size() + " advised items for " + scenario.requests().size() + " requests: " + texts.get(i);
            }
            for (int k = 0; k < advice.items().size(); k++) {
                ItemAdvice a = advice.items().get(k);
                if (!a.id().equals(scenario.requests().get(k).id()) || a.mode() == null || a.modeRange().isEmpty()) {
                    return "item " + a.id() + ": mode " + a.mode() + ", range " + a.modeRange() + ": " + texts.get(i);
                }
                Mode mostCautious = a.modeRange().stream().reduce(Mode::cautious).orElseThrow();
                if (a.mode() != mostCautious || !a.modeRange().contains(a.mode())) {
                    return "item " + a.id() + ": mode " + a.mode() + " is not the most cautious of " + a.modeRange() + ": "
                            + texts.get(i);
                }
                List<Mode> sorted = a.modeRange().stream().sorted((x, y) -> y.rank() - x.rank()).distinct().toList();
                if (!sorted.equals(a.modeRange())) {
                    return "item " + a.id() + ": range " + a.modeRange() + " is not ordered from most to least assistance: "
                            + texts.get(i);
                }
                // The levels the advice says it weighed the uncertain factors at give its mode and its balance.
                Level[] levels = new Level[Factor.all().size()];
                for (Factor f : Factor.all()) {
                    List<Level> candidates = scenario.factors().get(f).candidates();
                    String assumed = a.assumed().get(f.key());
                    if ((candidates.size() > 1) != (assumed != null)) {
                        return "item " + a.id() + ": assumed " + a.assumed() + " does not name exactly the uncertain factors: " + texts.get(i);
                    }
                    levels[f.ordinal()] = assumed == null ? candidates.get(0) : f.level(assumed);
                    if (!candidates.contains(levels[f.ordinal()])) {
                        return "item " + a.id() + ": assumed " + f.key() + "=" + assumed + " is not one of its levels: " + texts.get(i);
                    }
                }
                Item weighed = advisor.evaluate(new Situation(levels), scenario.requests()).get(k);
                if (weighed.mode() != a.mode() || weighed.score() != a.score()) {
                    return "item " + a.id() + ": at the assumed levels " + a.assumed() + " the rules give " + weighed.mode() + " ("
                            + weighed.score() + "), not " + a.mode() + " (" + a.score() + "): " + texts.get(i);
                }
            }
            return null;
        });
        assertThat(failures).as(() -> report("proposition 12 (uncertain scenarios)", seed, texts.size(), "generated scenarios", failures)).isEmpty();
        assertThat(situations.get()).as("situations covered by the advised scenarios").isGreaterThanOrEqualTo(N);
    }
}
