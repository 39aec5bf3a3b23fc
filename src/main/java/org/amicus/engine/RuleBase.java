package org.amicus.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.amicus.model.Item;
import org.amicus.model.RuleIndex;
import org.amicus.model.RuleInfo;
import org.amicus.model.Situation;
import org.drools.model.Model;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * Compiled rules, ready to run: thread-safe, one per rule set. Each thread that runs the rules gets a network of its
 * own (the engine's compiled form, built once per thread in 30 to 70 ms; the first thread takes the one built here),
 * with its own index of the rules' metadata, and runs it in sessions without the engine's locks and synchronised
 * queues. A thread's network and index go when the thread does. A network of its own, because Drools'
 * executable model gives each rule's consequence one scratch array, shared by every such session of a network; without
 * the locks, the walk of the lattice takes 7 to 10% less time, with the same modes to the digest.
 */
public final class RuleBase {
    private final RuleSource source;
    private final Map<String, RuleInfo> rules;
    private final Model model;
    /** The network built by {@link #compile}, until the first thread to run the rules takes it. */
    private final AtomicReference<KieBase> unclaimed;
    private final ThreadLocal<Network> ownNetwork = ThreadLocal.withInitial(this::newNetwork);

    private RuleBase(RuleSource source, Map<String, RuleInfo> rules, Model model, KieBase kieBase) {
        this.source = source;
        this.rules = rules;
        this.model = model;
        this.unclaimed = new AtomicReference<>(kieBase);
    }

    /** Compiles (or loads the compiled form of) a rule set and checks every rule's metadata. */
    public static RuleBase compile(RuleSource source) {
        Model model = ModelStore.model(source);
        KieBase kieBase = ModelStore.kieBase(model);
        Map<String, RuleInfo> rules = RuleMetadata.read(source, kieBase);
        return new RuleBase(source, rules, model, kieBase);
    }

    private static List<Rule> compiled(KieBase kieBase) {
        List<Rule> compiled = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> compiled.addAll(p.getRules()));
        return compiled;
    }

    /** Runs the rules on one definite situation and its items; the items hold the results. */
    public void run(Situation situation, List<Item> items) {
        List<Object> facts = new ArrayList<>(items.size() + 1);
        facts.add(situation);
        facts.addAll(items);
        ownNetwork.get().stateless().execute(facts);
    }

    /** A session that stays open while the situation changes (see {@link LiveSession}), for use in this thread only. */
    LiveSession live(Situation start, List<org.amicus.model.Request> requests) {
        Network own = ownNetwork.get();
        return new LiveSession(own.kieBase().newKieSession(own.conf(), null), own.index(), start, requests);
    }

    /**
     * A thread's network, the index of its rules' metadata, the configuration of its sessions, and its stateless
     * session (which reuses one pooled session).
     */
    private record Network(KieBase kieBase, RuleIndex index, KieSessionConfiguration conf, StatelessKieSession stateless) {
    }

    private Network newNetwork() {
        KieBase kieBase = unclaimed.getAndSet(null);
        if (kieBase == null) {
            kieBase = ModelStore.kieBase(model);
        }
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return new Network(kieBase, new RuleIndex(rules, compiled(kieBase)), conf,
                kieBase.newKieSessionsPool(1).newStatelessKieSession(conf));
    }

    public Map<String, RuleInfo> rules() { return rules; }
    /**
     * The rules' metadata, for the facts that record firings: the index of the calling thread's network, which finds
     * its rules by identity (another thread's index finds them too, by name, more slowly).
     */
    public RuleIndex index() { return ownNetwork.get().index(); }
    public RuleSource source() { return source; }
    public String fingerprint() { return source.fingerprint(); }
}
