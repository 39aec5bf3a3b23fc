package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.amicus.engine.Advisor;
import org.amicus.engine.Flips;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.ItemType;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;
import org.junit.jupiter.api.Test;

/**
 * "What would change this advice?" on generated scenarios: every reported flip really changes the
 * advice as it says when applied, and no smaller flip was missed (every single change that moves an
 * item is reported; a pair is reported exactly when it moves the item and neither half does).
 */
class FlipsTest {
    private static final Advisor ADVISOR = Fixtures.advisor();
    private static final List<Request> FIVE = List.of(
            new Request("r1", ItemType.INFORMATION_SHARING, null, true),
            new Request("r2", ItemType.LOGISTICS, null, false),
            new Request("r3", ItemType.WITNESS_PROTECTION, null, false),
            new Request("r4", ItemType.ARREST_SUPPORT, null, false),
            new Request("r5", ItemType.PUBLIC_SUPPORT, null, false));

    @Test
    void everyFlipChangesTheAdviceAndNoneIsMissed() {
        Random random = new Random(20261122L);
        for (int n = 0; n < 12; n++) {
            Situation s = Fixtures.randomSituation(random);
            Scenario scenario = scenario(s);
            Map<String, List<Flips.Flip>> flips = new Flips(ADVISOR).of(scenario);
            List<Mode> base = ADVISOR.modes(s, FIVE);
            for (int i = 0; i < FIVE.size(); i++) {
                List<Flips.Flip> reported = flips.get(FIVE.get(i).id());
                int item = i;
                // Each reported flip, applied, gives the mode it states, in the direction it states.
                for (Flips.Flip f : reported) {
                    Mode after = ADVISOR.modes(apply(s, f.changes()), FIVE).get(item);
                    assertThat(after).as("%s in %s", f, s).isEqualTo(f.mode());
                    assertThat(f.direction()).as("%s in %s", f, s)
                            .isEqualTo(after.rank() > base.get(item).rank() ? "up" : "down");
                    assertThat(after).isNotEqualTo(base.get(item));
                }
                // Exhaustively: the single changes and the minimal pairs that move the item are exactly those reported.
                List<Map<String, String>> expected = new ArrayList<>();
                List<Factor> factors = Factor.all();
                for (Factor f : factors) {
                    for (Level l : f.levels()) {
                        if (l != s.get(f) && moves(s, Map.of(f.key(), l.name()), item, base.get(item)) != 0) {
                            expected.add(Map.of(f.key(), l.name()));
                        }
                    }
                }
                for (int a = 0; a < factors.size(); a++) {
                    for (int b = a + 1; b < factors.size(); b++) {
                        for (Level la : factors.get(a).levels()) {
                            for (Level lb : factors.get(b).levels()) {
                                if (la == s.get(factors.get(a)) || lb == s.get(factors.get(b))) {
                                    continue;
                                }
                                Map<String, String> pair = Map.of(factors.get(a).key(), la.name(), factors.get(b).key(), lb.name());
                                int dir = moves(s, pair, item, base.get(item));
                                if (dir != 0
                                        && moves(s, Map.of(factors.get(a).key(), la.name()), item, base.get(item)) != dir
                                        && moves(s, Map.of(factors.get(b).key(), lb.name()), item, base.get(item)) != dir) {
                                    expected.add(pair);
                                }
                            }
                        }
                    }
                }
                assertThat(reported.stream().map(Flips.Flip::changes).toList())
                        .as("flips of %s in %s", FIVE.get(item).id(), s)
                        .containsExactlyInAnyOrderElementsOf(expected);
                // Fewest changes first.
                for (int k = 1; k < reported.size(); k++) {
                    if (reported.get(k).direction().equals(reported.get(k - 1).direction())) {
                        assertThat(reported.get(k).changes().size()).isGreaterThanOrEqualTo(reported.get(k - 1).changes().size());
                    }
                }
            }
        }
    }

    @Test
    void theMostCautiousModeOfAnUncertainScenarioIsTheAdvisorsMode() {
        Random random = new Random(7L);
        for (int n = 0; n < 60; n++) {
            Situation s = Fixtures.randomSituation(random);
            Map<Factor, Assessment> factors = new EnumMap<>(Factor.class);
            for (Factor f : Factor.all()) {
                // About one factor in four left uncertain: UNKNOWN, or a random pair of levels.
                int pick = random.nextInt(8);
                List<Level> levels = f.levels();
                factors.put(f, pick == 0 ? Assessment.unknown(f, false)
                        : pick == 1 && levels.size() > 2 ? new Assessment(Assessment.Kind.LIST,
                                levels.stream().filter(l -> l == s.get(f) || l == levels.get(0)).toList())
                        : Assessment.given(s.get(f)));
            }
            Scenario scenario = scenario(s).with(factors);
            List<Mode> advised = ADVISOR.advise(scenario).items().stream().map(i -> i.mode()).toList();
            assertThat(new Flips(ADVISOR).modes(scenario.factors(), FIVE)).as("%s", factors).isEqualTo(advised);
        }
    }

    /** +1 if the changes raise the item's mode, -1 if they lower it, 0 if not. */
    private static int moves(Situation s, Map<String, String> changes, int item, Mode base) {
        Mode after = ADVISOR.modes(apply(s, changes), FIVE).get(item);
        return Integer.signum(after.rank() - base.rank());
    }

    private static Situation apply(Situation s, Map<String, String> changes) {
        Situation out = s;
        for (Map.Entry<String, String> c : changes.entrySet()) {
            Factor f = Factor.byKey(c.getKey());
            out = out.with(f, f.level(c.getValue()));
        }
        return out;
    }

    private static Scenario scenario(Situation s) {
        Map<Factor, Assessment> factors = new EnumMap<>(Factor.class);
        for (Factor f : Factor.all()) {
            factors.put(f, Assessment.given(s.get(f)));
        }
        return new Scenario("generated", "generated", "generated", null, null, null, null, factors, FIVE, Map.of(),
                List.of(), Map.of(), null, false, false, Map.of(), List.of());
    }
}
