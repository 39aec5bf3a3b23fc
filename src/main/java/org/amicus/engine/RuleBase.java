package org.amicus.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amicus.model.Item;
import org.amicus.model.RuleInfo;
import org.amicus.model.Situation;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/** Compiled rules, ready to run: thread-safe, one per rule set. */
public final class RuleBase {
    private final RuleSource source;
    private final Map<String, RuleInfo> rules;
    private final KieSessionsPool pool;

    private RuleBase(RuleSource source, Map<String, RuleInfo> rules, KieSessionsPool pool) {
        this.source = source;
        this.rules = rules;
        this.pool = pool;
    }

    /** Compiles (or loads the compiled form of) a rule set and checks every rule's metadata. */
    public static RuleBase compile(RuleSource source) {
        KieBase kieBase = ModelStore.kieBase(source);
        Map<String, RuleInfo> rules = RuleMetadata.read(source, kieBase);
        return new RuleBase(source, rules, kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()));
    }

    /** Runs the rules on one definite situation and its items; the items hold the results. */
    public void run(Situation situation, List<Item> items) {
        List<Object> facts = new ArrayList<>(items.size() + 1);
        facts.add(situation);
        facts.addAll(items);
        StatelessKieSession session = pool.newStatelessKieSession();
        session.execute(facts);
    }

    public Map<String, RuleInfo> rules() { return rules; }
    public RuleSource source() { return source; }
    public String fingerprint() { return source.fingerprint(); }
}
