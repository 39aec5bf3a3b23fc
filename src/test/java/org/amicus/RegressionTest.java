package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.amicus.engine.Advisor;
import org.amicus.engine.Regression;
import org.amicus.engine.Verifier;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regression's account of a disagreement: which propositions of DOMAIN.md allow less than the record (so that no
 * rule set satisfying them could agree), and what holds the advice where it is.
 */
class RegressionTest {
    static final int N = 3_000;
    private static Advisor advisor;

    @BeforeAll
    static void load() {
        advisor = Fixtures.advisor();
    }

    @Test
    void aDisagreementSaidToBeForcedByAPropositionIsOneTheRulesCannotAvoid() {
        long seed = 7;
        AtomicInteger forcedCases = new AtomicInteger();
        Map<Integer, String> failures = Fixtures.runCases(N, i -> {
            Random r = Fixtures.random(seed, i);
            // A situation in which three factors are uncertain between two levels each: eight situations.
            Situation base = Fixtures.randomSituation(r);
            Map<Factor, Assessment> factors = new EnumMap<>(Factor.class);
            Factor.all().forEach(f -> factors.put(f, Assessment.given(base.get(f))));
            List<Factor> shuffled = new ArrayList<>(Factor.all());
            java.util.Collections.shuffle(shuffled, r);
            for (Factor f : shuffled.subList(0, 3)) {
                List<Level> two = new ArrayList<>(f.levels());
                java.util.Collections.shuffle(two, r);
                factors.put(f, new Assessment(Assessment.Kind.LIST, two.subList(0, 2)));
            }
            Request request = Fixtures.ALL_ITEMS.get(r.nextInt(Fixtures.ALL_ITEMS.size()));
            Mode expected = Mode.values()[r.nextInt(Mode.values().length)];

            Map<String, Mode> forced = Regression.forcedBy(factors, request, expected);
            if (forced.isEmpty()) {
                return null;
            }
            forcedCases.incrementAndGet();
            Mode cautious = cautiousMode(factors, request);
            for (Map.Entry<String, Mode> e : forced.entrySet()) {
                if (cautious.above(e.getValue()) || !expected.above(e.getValue())) {
                    return Fixtures.describe(request) + " expected " + expected + ": proposition " + e.getKey()
                            + " said to allow at most " + e.getValue() + ", but the rules advise " + cautious + " over " + factors;
                }
            }
            return null;
        });
        assertThat(failures).as(() -> Fixtures.report("forced disagreements", seed, N, "generated cases", failures)).isEmpty();
        // Not vacuous: a good share of the generated cases ask for more than some proposition allows.
        assertThat(forcedCases.get()).isGreaterThan(N / 5);
    }

    /** The most cautious mode over every situation the assessments allow. */
    private static Mode cautiousMode(Map<Factor, Assessment> factors, Request request) {
        List<Situation> situations = new ArrayList<>(List.of(new Situation(Factor.all().stream()
                .map(f -> factors.get(f).candidates().get(0)).toArray(Level[]::new))));
        for (Factor f : Factor.all()) {
            List<Situation> next = new ArrayList<>();
            for (Situation s : situations) {
                factors.get(f).candidates().forEach(l -> next.add(s.with(f, l)));
            }
            situations = next;
        }
        Mode cautious = Mode.FULL;
        for (Situation s : situations) {
            cautious = Mode.cautious(cautious, advisor.modes(s, List.of(request)).get(0));
        }
        return cautious;
    }

    @Test
    void theBoundsOfThePropositionsReadOnlyTheFactorsTheyDeclare() {
        long seed = 11;
        Map<Integer, String> failures = Fixtures.runCases(10_000, i -> {
            Random r = Fixtures.random(seed, i);
            Situation s = Fixtures.randomSituation(r);
            List<Factor> others = Factor.all().stream().filter(f -> !Verifier.BOUND_FACTORS.contains(f)).toList();
            Factor f = others.get(r.nextInt(others.size()));
            Situation t = s.with(f, f.levels().get(r.nextInt(f.levels().size())));
            for (Verifier.Check c : Verifier.Check.values()) {
                for (Request q : Fixtures.ALL_ITEMS) {
                    if (Verifier.bound(c, s, q.type(), q.confidential()) != Verifier.bound(c, t, q.type(), q.confidential())) {
                        return "proposition " + c.id() + " bounds " + Fixtures.describe(q) + " differently when " + f.key()
                                + " changes: " + s + " / " + t;
                    }
                }
            }
            return null;
        });
        assertThat(failures).as(() -> Fixtures.report("bounds read only BOUND_FACTORS", seed, 10_000, failures)).isEmpty();
    }

    @Test
    void everyDisagreementOfTheHistoricalLibraryIsExplained() throws Exception {
        List<Scenario> cases;
        try (Stream<Path> files = Files.list(Path.of("scenarios/historical"))) {
            cases = files.filter(p -> p.toString().endsWith(".json")).sorted().map(ScenarioReader::read).toList();
        }
        Regression.Report report = Regression.run(advisor, cases);
        for (Regression.Row row : report.rows()) {
            if (row.matches()) {
                assertThat(row.why()).isNull();
                assertThat(row.forcedBy()).isEmpty();
            } else {
                assertThat(row.why()).as(row.scenario() + " " + row.item()).startsWith("balance ");
            }
        }
        // SFOR arrested against the will of the Bosnian Serb authorities: proposition 5 asks DECLINE of the arrest.
        Regression.Row tango = row(report, "sfor-operation-tango-1997", "r1");
        assertThat(tango.forcedBy()).isEqualTo(Map.of("5", Mode.DECLINE));
        assertThat(tango.why()).contains("at most DECLINE: host-opposed-risky");
        // UNTAES arrested without an explicit arrest authority: proposition 6.
        assertThat(row(report, "untaes-dokmanovic-arrest-1997", "r1").forcedBy()).containsEntry("6", Mode.LIMITED);
        // UNMIL's arrest of Taylor breaks no proposition: what holds it at CONDITIONAL are the rules' own conditions.
        Regression.Row taylor = row(report, "unmil-taylor-transfer-2006", "r1");
        assertThat(taylor.forcedBy()).isEmpty();
        assertThat(taylor.why()).contains("CONDITIONAL band").contains("host-consent-risky");
        assertThat(taylor.holding()).contains("host-consent-risky", "force-protection-moderate");
        // The rules that hold items below the record, counted over the rows, most first.
        Map<String, Integer> counted = new java.util.HashMap<>();
        report.rows().forEach(r -> r.holding().forEach(id -> counted.merge(id, 1, Integer::sum)));
        assertThat(report.holdingBelowRecord()).isEqualTo(counted);
        assertThat(new ArrayList<>(report.holdingBelowRecord().values())).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.holding().isEmpty()).isEqualTo(r.matches() || !r.expected().above(r.advised())
                || r.why().matches("balance \\d+, \\w+ band")));
        // The rates count them.
        Regression.Rate solid = report.rates().stream().filter(r -> r.group().equals("SOLID")).findFirst().orElseThrow();
        assertThat(solid.forced()).isEqualTo((int) report.rows().stream()
                .filter(r -> r.record().equals("SOLID") && !r.forcedBy().isEmpty()).count()).isPositive();
        assertThat(solid.reachable()).isLessThan(1.0);
    }

    private static Regression.Row row(Regression.Report report, String scenario, String item) {
        return report.rows().stream().filter(r -> r.scenario().equals(scenario) && r.item().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + scenario + " " + item));
    }
}
