package org.amicus.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.amicus.engine.Advisor;
import org.amicus.engine.Flips;
import org.amicus.engine.RuleBase;
import org.amicus.engine.RuleSource;
import org.amicus.engine.Rules;
import org.amicus.io.ScenarioReader;
import org.amicus.model.Factor;
import org.amicus.model.Item;
import org.amicus.model.Level;
import org.amicus.model.Request;
import org.amicus.model.Scenario;
import org.amicus.model.Situation;

/**
 * Warm throughput of the engine, in item-advices per second, on 1 and 2 threads, with the trace
 * on (it always is: every firing is recorded). The same facts run through an empty rule set give
 * the engine's floor: what a Drools session costs before any rule fires.
 *
 * With a second scenario, also the warm time to find its flips ("what would change this advice?").
 *
 * <p>Usage: java -cp target/amicus.jar org.amicus.bench.Throughput [SCENARIO] [SECONDS] [FLIPS_SCENARIO]
 */
public final class Throughput {
    private Throughput() {
    }

    public static void main(String[] args) throws Exception {
        Path scenarioFile = Path.of(args.length > 0 ? args[0] : "scenarios/examples/ituri-logistics.json");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        Scenario scenario = ScenarioReader.read(scenarioFile);
        Situation situation = mostCautious(scenario);
        List<Request> requests = scenario.requests();

        RuleBase full = Rules.load(RuleSource.fromDirectory(Path.of("rules")));
        RuleBase empty = Rules.load(RuleSource.of("empty", List.of(new RuleSource.RuleFile("empty.drl",
                "package amicus;\nimport org.amicus.model.*;\n"))));
        Advisor advisor = new Advisor(full);

        System.out.printf("scenario %s: %d items, %d rules, Java %s, %d cores%n", scenario.id(), requests.size(),
                full.rules().size(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        Runnable withRules = () -> advisor.evaluate(situation, requests);
        Runnable emptySession = () -> {
            List<Item> items = new ArrayList<>(requests.size());
            for (Request r : requests) {
                items.add(new Item(r.id(), r.type(), r.confidential(), full.index()));
            }
            empty.run(situation, items);
        };
        // Warm up both paths before measuring.
        measure(withRules, 1, Math.min(3, seconds));
        measure(emptySession, 1, Math.min(3, seconds));
        for (int threads : new int[] {1, 2}) {
            double rules = measure(withRules, threads, seconds) * requests.size();
            double floor = measure(emptySession, threads, seconds) * requests.size();
            System.out.printf("threads %d: %,.0f item-advices/s with the rules (%.2f us each); empty session %,.0f items/s (%.2f us each); ratio %.2fx%n",
                    threads, rules, 1e6 * threads / rules, floor, 1e6 * threads / floor, floor / rules);
        }
        if (args.length > 2) {
            Scenario flipsScenario = ScenarioReader.read(Path.of(args[2]));
            Runnable flips = () -> new Flips(advisor).of(flipsScenario);
            double perSecond = measure(flips, 1, Math.min(3, seconds)); // warm-up
            perSecond = measure(flips, 1, seconds);
            System.out.printf("flips of %s (%d items): %.1f ms each, warm, 1 thread%n", flipsScenario.id(),
                    flipsScenario.requests().size(), 1000 / perSecond);
        }
    }

    /** Runs the task on n threads for the given time; returns runs per second, all threads together. */
    static double measure(Runnable task, int threads, double seconds) throws InterruptedException {
        LongAdder runs = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                long n = 0;
                while (!stop.get()) {
                    task.run();
                    n++;
                }
                runs.add(n);
            });
            workers.add(w);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        return runs.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** The scenario's least favourable situation: the first candidate level of each factor. */
    static Situation mostCautious(Scenario scenario) {
        Level[] values = new Level[Factor.all().size()];
        for (Factor f : Factor.all()) {
            values[f.ordinal()] = scenario.factors().get(f).candidates().get(0);
        }
        return new Situation(values);
    }
}
