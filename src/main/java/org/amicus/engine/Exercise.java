package org.amicus.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.Inject;
import org.amicus.model.Mode;
import org.amicus.model.Scenario;

/**
 * A tabletop exercise replayed inject by inject: after each step, the advice per item, and what
 * changed since the step before and why (the rules that started or stopped firing).
 */
public final class Exercise {
    /** How one item moved at a step. {@code before} is null for a request new at this step. */
    public record Change(String item, Mode before, Mode after, List<String> rulesStarted, List<String> rulesStopped) {
    }

    /** One step: the start, or an inject. */
    public record Step(int number, String at, String title, String description, Map<String, Object> set,
                       ScenarioAdvice advice, List<Change> changes, List<String> questions, Map<String, String> notes,
                       int expectations, int met) {
    }

    private Exercise() {
    }

    public static List<Step> replay(Advisor advisor, Scenario exercise, Map<Factor, Assessment> whatIf) {
        List<Step> steps = new ArrayList<>();
        Scenario current = exercise.with(whatIf);
        ScenarioAdvice previous = null;
        if (!current.requests().isEmpty()) {
            previous = advisor.advise(current);
            steps.add(step(0, "Start", exercise.title(), exercise.description(), Map.of(), previous, null, List.of(), Map.of()));
        }
        int n = 1;
        for (Inject inject : exercise.injects()) {
            current = current.after(inject).with(whatIf);
            ScenarioAdvice advice = advisor.advise(current);
            Map<String, Object> set = new LinkedHashMap<>();
            inject.set().forEach((f, a) -> set.put(f.key(), a.asWritten()));
            steps.add(step(n++, inject.at(), inject.title(), inject.description(), set, advice, previous, inject.questions(),
                    inject.notes()));
            previous = advice;
        }
        return steps;
    }

    private static Step step(int number, String at, String title, String description, Map<String, Object> set,
                             ScenarioAdvice advice, ScenarioAdvice previous, List<String> questions, Map<String, String> notes) {
        List<Change> changes = new ArrayList<>();
        int expectations = 0;
        int met = 0;
        for (ItemAdvice now : advice.items()) {
            if (now.expected() != null) {
                expectations++;
                met += now.matches() ? 1 : 0;
            }
            ItemAdvice before = previous == null ? null
                    : previous.items().stream().filter(i -> i.id().equals(now.id())).findFirst().orElse(null);
            Set<String> rulesNow = rules(now);
            Set<String> rulesBefore = before == null ? Set.of() : rules(before);
            List<String> started = rulesNow.stream().filter(r -> !rulesBefore.contains(r)).toList();
            List<String> stopped = rulesBefore.stream().filter(r -> !rulesNow.contains(r)).toList();
            if (before == null || before.mode() != now.mode() || !started.isEmpty() || !stopped.isEmpty()) {
                changes.add(new Change(now.id(), before == null ? null : before.mode(), now.mode(),
                        before == null ? List.of() : started, stopped));
            }
        }
        return new Step(number, at, title, description, set, advice, changes, questions, notes, expectations, met);
    }

    private static Set<String> rules(ItemAdvice a) {
        Set<String> s = new LinkedHashSet<>();
        a.trace().stream().filter(t -> !t.factor().equals("verdict")).forEach(t -> s.add(t.rule()));
        return s;
    }
}
