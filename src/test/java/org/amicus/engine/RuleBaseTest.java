package org.amicus.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.amicus.model.Factor;
import org.amicus.model.ItemType;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.RuleIndex;
import org.amicus.model.Situation;
import org.junit.jupiter.api.Test;

/** Compiled rules shared by threads: each thread runs its own copy, with its own index of the rules' metadata. */
class RuleBaseTest {
    @Test
    void eachThreadHasItsOwnIndexAndNoIndexGrowsWithOtherThreads() throws InterruptedException {
        RuleBase rules = Rules.load(RuleSource.fromDirectory(LiveWalkTest.RULES_DIR));
        Advisor advisor = new Advisor(rules);
        Situation situation = new Situation(Factor.all().stream().map(f -> f.levels().get(0)).toArray(Level[]::new));
        List<Request> requests = new ArrayList<>();
        for (ItemType t : ItemType.values()) {
            requests.add(new Request(t.name(), t, null, false));
        }
        List<Mode> here = advisor.modes(situation, requests);
        int ruleCount = rules.rules().size();

        Set<RuleIndex> indices = Collections.newSetFromMap(new IdentityHashMap<>());
        indices.add(rules.index());
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        List<List<Mode>> modes = Collections.synchronizedList(new ArrayList<>());
        // A library user who advises from a new thread each time: before, every thread's copy joined one shared index.
        for (int t = 0; t < 6; t++) {
            Thread thread = new Thread(() -> {
                modes.add(advisor.modes(situation, requests));
                indices.add(rules.index());
                sizes.add(rules.index().byIdentity());
            });
            thread.start();
            thread.join();
        }
        assertThat(modes).hasSize(6).allSatisfy(m -> assertThat(m).isEqualTo(here));
        assertThat(indices).as("one index per thread").hasSize(7);
        assertThat(sizes).allSatisfy(n -> assertThat(n).isEqualTo(ruleCount));
        assertThat(rules.index().byIdentity()).as("the first thread's index, after six others ran").isEqualTo(ruleCount);
    }
}
