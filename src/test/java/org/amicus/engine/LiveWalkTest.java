package org.amicus.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.amicus.model.Factor;
import org.amicus.model.Item;
import org.amicus.model.Level;
import org.amicus.model.Request;
import org.amicus.model.Situation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The machinery of the verifier's walk: the Gray-code order visits every point once, one digit by one per step; a
 * live session, moved one factor at a time, holds exactly what a fresh session records on the same situation.
 */
class LiveWalkTest {
    static final Path RULES_DIR = Path.of(System.getProperty("amicus.rules", "rules"));

    @Test
    @DisplayName("Gray walk: every point once, each step one digit by one, and a walk started mid-way continues the same path")
    void grayWalk() {
        int[] radix = {3, 1, 4, 2, 5};
        GrayWalk walk = new GrayWalk(radix, 0);
        assertThat(walk.size()).isEqualTo(120);
        Set<List<Integer>> seen = new HashSet<>();
        List<List<Integer>> path = new ArrayList<>();
        int[] previous = null;
        do {
            int[] d = walk.digits().clone();
            List<Integer> point = java.util.Arrays.stream(d).boxed().toList();
            assertThat(seen.add(point)).as("visited twice: " + point).isTrue();
            path.add(point);
            if (previous != null) {
                int changed = 0;
                for (int i = 0; i < d.length; i++) {
                    if (d[i] != previous[i]) {
                        changed++;
                        assertThat(Math.abs(d[i] - previous[i])).isEqualTo(1);
                    }
                }
                assertThat(changed).as("digits changed between " + List.of(previous) + " and " + point).isEqualTo(1);
            }
            for (int i = 0; i < d.length; i++) {
                assertThat(d[i]).isBetween(0, radix[i] - 1);
            }
            previous = d;
        } while (walk.step() >= 0);
        assertThat(seen).hasSize(120);
        for (long start : new long[] {1, 37, 119}) {
            GrayWalk from = new GrayWalk(radix, start);
            for (long r = start; r < 120; r++) {
                assertThat(java.util.Arrays.stream(from.digits()).boxed().toList()).as("rank " + r).isEqualTo(path.get((int) r));
                from.step();
            }
        }
    }

    @Test
    @DisplayName("a live session moved 6,000 times, one factor at a time, records what a fresh session records, item by item")
    void liveEqualsFresh() {
        RuleBase rules = Rules.load(RuleSource.fromDirectory(RULES_DIR));
        assertLiveEqualsFresh(rules, 6_000, false);
    }

    @Test
    @DisplayName("the same with overlapping verdict bands (two bands fire): the live session counts both, as a fresh one does")
    void liveEqualsFreshWithContradictions() {
        List<RuleSource.RuleFile> files = new ArrayList<>();
        for (RuleSource.RuleFile f : RuleSource.fromDirectory(RULES_DIR).files()) {
            String text = f.text();
            if (f.name().equals("verdict.drl")) {
                String overlapping = text.replace("Balance($i : item, score >= 36, score < 72)", "Balance($i : item, score >= 30, score < 72)");
                assertThat(overlapping).isNotEqualTo(text);
                text = overlapping;
            }
            files.add(new RuleSource.RuleFile(f.name(), text));
        }
        assertLiveEqualsFresh(Rules.load(RuleSource.of("overlapping bands", files)), 2_000, true);
    }

    /**
     * Moves a live session at random and compares it with a fresh session after every move; with
     * {@code contradictions}, some item must get two verdict bands on the way.
     */
    private static void assertLiveEqualsFresh(RuleBase rules, int moves, boolean contradictions) {
        List<Request> requests = Verifier.REQUESTS;
        SplittableRandom random = new SplittableRandom(11);
        List<Factor> factors = Factor.all();
        Level[] start = new Level[factors.size()];
        for (Factor f : factors) {
            start[f.ordinal()] = f.levels().get(random.nextInt(f.levels().size()));
        }
        int twoBands = 0;
        try (LiveSession live = rules.live(new Situation(start), requests)) {
            for (int m = 0; m < moves; m++) {
                Factor f = factors.get(random.nextInt(factors.size()));
                live.move(f, f.levels().get(random.nextInt(f.levels().size())));
                live.settle();
                List<Item> fresh = new ArrayList<>();
                for (Request r : requests) {
                    fresh.add(new Item(r.id(), r.type(), r.confidential(), rules.index()));
                }
                rules.run(live.situation(), fresh);
                for (int k = 0; k < requests.size(); k++) {
                    Item a = live.items().get(k);
                    Item b = fresh.get(k);
                    String where = "move " + m + ", " + live.situation() + ", " + requests.get(k).id();
                    assertThat(a.score()).as(where).isEqualTo(b.score());
                    assertThat(a.bands()).as(where).isEqualTo(b.bands());
                    assertThat(a.bases()).as(where).isEqualTo(b.bases());
                    assertThat(a.mode()).as(where).isEqualTo(b.mode());
                    assertThat(a.escalated()).as(where).isEqualTo(b.escalated());
                    assertThat(a.conditions()).as(where).containsExactlyInAnyOrderElementsOf(b.conditions());
                    twoBands += b.bands() > 1 ? 1 : 0;
                }
            }
            assertThat(live.seen()).as("rules seen in the live session").isNotEmpty();
        }
        if (contradictions) {
            assertThat(twoBands).as("items with two bands met on the way").isPositive();
        }
    }
}
