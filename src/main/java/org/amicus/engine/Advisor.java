package org.amicus.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.amicus.model.Assessment;
import org.amicus.model.Ceiling;
import org.amicus.model.Consideration;
import org.amicus.model.Factor;
import org.amicus.model.Firing;
import org.amicus.model.Item;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;

/**
 * The facade: scenario in, advice out. Thread-safe and reusable; each thread that advises gets its own copy of the
 * compiled rules on its first advice (30 to 70 ms, see {@link RuleBase}), so advise from a few long-lived threads (a
 * pool), not from a new thread each time. An uncertain scenario (a factor
 * given as a list, UNKNOWN or left out) is advised on every situation it allows; each item's mode
 * is the most cautious one reached, its range every mode reached.
 */
public final class Advisor {
    /** Up to this many situations, every one is evaluated; above it, see {@link #blocks}. */
    public static final long EXACT_LIMIT = 50_000;

    private final RuleBase rules;

    public Advisor(RuleBase rules) {
        this.rules = rules;
    }

    public RuleBase rules() {
        return rules;
    }

    /** Runs the rules on one definite situation; the returned items hold the results, in request order. */
    public List<Item> evaluate(Situation situation, List<Request> requests) {
        List<Item> items = new ArrayList<>(requests.size());
        for (Request r : requests) {
            items.add(new Item(r.id(), r.type(), r.confidential(), rules.index()));
        }
        rules.run(situation, items);
        for (Item i : items) {
            if (i.bands() != 1) {
                throw new RuleFileException(List.of(new RuleFileException.Problem("verdict rules", 0, 0,
                        (i.bands() == 0 ? "no verdict rule" : i.bands() + " verdict rules") + " fired for item " + i.getId()
                                + " (" + i.getType() + ", balance " + i.score() + ") in " + situation
                                + "; exactly one must fire for every item")));
            }
        }
        return items;
    }

    /** The mode of each request in one definite situation. */
    public List<Mode> modes(Situation situation, List<Request> requests) {
        return evaluate(situation, requests).stream().map(Item::mode).toList();
    }

    public ScenarioAdvice advise(Scenario scenario) {
        return advise(scenario, (situation, item) -> { });
    }

    /** Advises, showing every evaluated item (of every situation weighed) to the observer, e.g. for rule coverage. */
    public ScenarioAdvice advise(Scenario scenario, BiConsumer<Situation, Item> observer) {
        List<Request> requests = scenario.requests();
        List<Factor> factors = Factor.all();
        List<List<Level>> candidates = new ArrayList<>();
        for (Factor f : factors) {
            candidates.add(scenario.factors().get(f).candidates());
        }
        boolean exact = product(allIndices(candidates)) <= EXACT_LIMIT;
        Tally[] tallies = new Tally[requests.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally(candidates);
        }
        Set<Situation> seen = new HashSet<>();
        Level[] values = new Level[factors.size()];
        long situations = 0;
        for (List<int[]> block : blocks(candidates, exact)) {
            int[] pos = new int[factors.size()];
            int[] index = new int[factors.size()];
            do {
                for (int f = 0; f < index.length; f++) {
                    index[f] = block.get(f)[pos[f]];
                    values[f] = candidates.get(f).get(index[f]);
                }
                Situation situation = new Situation(values);
                if (!exact && !seen.add(situation)) {
                    continue;
                }
                List<Item> items = evaluate(situation, requests);
                for (int i = 0; i < tallies.length; i++) {
                    tallies[i].add(items.get(i), situation, index);
                    observer.accept(situation, items.get(i));
                }
                situations++;
            } while (advance(pos, block));
        }
        List<ItemAdvice> out = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            out.add(tallies[i].advice(requests.get(i), scenario.expected().get(requests.get(i).id())));
        }
        Map<String, Object> written = new LinkedHashMap<>();
        List<String> uncertain = new ArrayList<>();
        for (Factor f : factors) {
            Assessment a = scenario.factors().get(f);
            written.put(f.key(), a.asWritten());
            if (!a.isCertain()) {
                uncertain.add(f.key());
            }
        }
        return new ScenarioAdvice(scenario.id(), scenario.title(), rules.fingerprint(), written, uncertain, situations,
                exact, out);
    }

    /**
     * The situations to weigh, as blocks of candidate indices per factor. Exact: one block, every
     * combination. Otherwise (too many combinations) three kinds of block, each small: every factor
     * at its least favourable candidates, then at its most favourable, then each uncertain factor
     * at each of its levels with the others least favourable; a factor's unordered levels are always
     * all weighed. By proposition 1 (tested) the most cautious mode and each factor's effect on it are
     * still exact; the range may miss a middle mode, and the advice says so (modeRangeComplete false).
     */
    static List<List<int[]>> blocks(List<List<Level>> candidates, boolean exact) {
        if (exact) {
            return List.of(allIndices(candidates));
        }
        List<int[]> least = new ArrayList<>();
        List<int[]> most = new ArrayList<>();
        for (List<Level> c : candidates) {
            least.add(extreme(c, true));
            most.add(extreme(c, false));
        }
        List<List<int[]>> blocks = new ArrayList<>(List.of(least, most));
        for (int f = 0; f < candidates.size(); f++) {
            for (int l = 0; l < candidates.get(f).size() && candidates.get(f).size() > 1; l++) {
                List<int[]> block = new ArrayList<>(least);
                block.set(f, new int[] {l});
                blocks.add(block);
            }
        }
        return blocks;
    }

    private static List<int[]> allIndices(List<List<Level>> candidates) {
        return candidates.stream().map(c -> java.util.stream.IntStream.range(0, c.size()).toArray()).toList();
    }

    /** Indices of the unordered candidates and of the least (or most) favourable ranked ones. */
    static int[] extreme(List<Level> c, boolean least) {
        int target = least ? c.stream().mapToInt(Level::rank).filter(r -> r >= 0).min().orElse(-1)
                : c.stream().mapToInt(Level::rank).filter(r -> r >= 0).max().orElse(-1);
        return java.util.stream.IntStream.range(0, c.size())
                .filter(i -> c.get(i).rank() < 0 || c.get(i).rank() == target).toArray();
    }

    private static long product(List<int[]> block) {
        long n = 1;
        for (int[] b : block) {
            n *= b.length;
        }
        return n;
    }

    private static boolean advance(int[] pos, List<int[]> block) {
        for (int f = pos.length - 1; f >= 0; f--) {
            if (++pos[f] < block.get(f).length) {
                return true;
            }
            pos[f] = 0;
        }
        return false;
    }

    /** What one item came to over all the situations evaluated. */
    private static final class Tally {
        private final List<List<Level>> candidates;
        private final EnumSet<Mode> reached = EnumSet.noneOf(Mode.class);
        /** Per factor, per candidate level: the most cautious mode seen with that level. */
        private final Mode[][] byLevel;
        private Item representative;
        private Situation representativeSituation;

        Tally(List<List<Level>> candidates) {
            this.candidates = candidates;
            byLevel = new Mode[candidates.size()][];
            for (int f = 0; f < candidates.size(); f++) {
                byLevel[f] = new Mode[candidates.get(f).size()];
            }
        }

        void add(Item item, Situation situation, int[] index) {
            Mode mode = item.mode();
            reached.add(mode);
            // The first situation (in enumeration order) that reaches the most cautious mode explains it.
            if (representative == null || mode.rank() < representative.mode().rank()) {
                representative = item;
                representativeSituation = situation;
            }
            for (int f = 0; f < index.length; f++) {
                Mode seen = byLevel[f][index[f]];
                byLevel[f][index[f]] = seen == null ? mode : Mode.cautious(seen, mode);
            }
        }

        ItemAdvice advice(Request request, Mode expected) {
            Item rep = representative;
            Mode mode = rep.mode();
            List<Mode> range = new ArrayList<>(reached);
            List<ItemAdvice.Limit> ceilings = rep.ceilings().stream()
                    .sorted(Comparator.comparingInt((Ceiling c) -> c.mode().rank()))
                    .map(c -> new ItemAdvice.Limit(c.mode(), c.reason(), c.rule())).toList();
            List<ItemAdvice.Driver> drivers = rep.considerations().stream()
                    .sorted(Comparator.comparingInt((Consideration c) -> -Math.abs(c.weight())))
                    .map(c -> new ItemAdvice.Driver(c.factor(), c.weight() >= 0 ? "+" : "-", c.weight(), c.text(), c.rule()))
                    .toList();
            List<ItemAdvice.TraceLine> trace = new ArrayList<>();
            for (Firing f : rep.trace()) {
                trace.add(new ItemAdvice.TraceLine(f.rule().id(), f.rule().factor(), f.effect(), f.did(), f.rule().source(),
                        f.rule().quote()));
            }
            List<ItemAdvice.Unknown> unknowns = new ArrayList<>();
            for (int f = 0; f < byLevel.length; f++) {
                if (candidates.get(f).size() < 2) {
                    continue;
                }
                Map<String, Mode> modes = new LinkedHashMap<>();
                boolean differs = false;
                for (int l = 0; l < byLevel[f].length; l++) {
                    modes.put(candidates.get(f).get(l).name(), byLevel[f][l]);
                    differs |= byLevel[f][l] != mode;
                }
                if (differs) {
                    unknowns.add(new ItemAdvice.Unknown(Factor.all().get(f).key(), modes));
                }
            }
            List<String> deferUntil = null;
            if (mode == Mode.DEFER) {
                deferUntil = rep.deferUntil().isEmpty()
                        ? List.of("a change in what weighs most against assisting: " + strongestAgainst(drivers))
                        : List.copyOf(rep.deferUntil());
            }
            Map<String, String> assumed = new LinkedHashMap<>();
            for (Factor f : Factor.all()) {
                if (candidates.get(f.ordinal()).size() > 1) {
                    assumed.put(f.key(), representativeSituation.get(f).name());
                }
            }
            String robustness = unknowns.isEmpty() && range.size() == 1 ? "stable whatever the unknowns"
                    : unknowns.isEmpty() ? "no single unknown changes it; together they range over "
                            + range.stream().map(Mode::name).collect(Collectors.joining(", "))
                    : unknowns.stream().map(u -> "depends on " + u.factor() + ": " + u.modes().entrySet().stream()
                            .map(e -> e.getValue() + " if " + e.getKey()).collect(Collectors.joining(", ")))
                            .collect(Collectors.joining("; "));
            return new ItemAdvice(request.id(), request.type(), request.description(), mode, range,
                    !rep.escalations().isEmpty(), List.copyOf(new LinkedHashSet<>(rep.escalations())),
                    List.copyOf(rep.conditions()), rep.score(), rep.band(), ceilings,
                    mode == Mode.LIMITED ? rep.alternative() : null, deferUntil, unknowns, robustness, assumed, drivers, trace,
                    expected, expected == null ? null : expected == mode, null);
        }

        private static String strongestAgainst(List<ItemAdvice.Driver> drivers) {
            List<String> against = drivers.stream().filter(d -> d.weight() < 0).limit(2).map(ItemAdvice.Driver::text).toList();
            return against.isEmpty() ? "the balance of considerations" : String.join("; ", against);
        }
    }
}
