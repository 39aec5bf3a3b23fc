package org.amicus.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amicus.model.Item;
import org.amicus.model.RuleIndex;
import org.amicus.model.RuleInfo;
import org.amicus.model.Situation;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.StatelessKieSession;

/** Compiled rules, ready to run: thread-safe, one per rule set. */
public final class RuleBase {
    private final RuleSource source;
    private final Map<String, RuleInfo> rules;
    private final RuleIndex index;
    /** Reused for every run: each execute borrows a session from the pool. */
    private final StatelessKieSession session;
    private final KieBase kieBase;

    private RuleBase(RuleSource source, Map<String, RuleInfo> rules, RuleIndex index, KieBase kieBase) {
        this.source = source;
        this.rules = rules;
        this.index = index;
        this.kieBase = kieBase;
        this.session = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()).newStatelessKieSession();
    }

    /** Compiles (or loads the compiled form of) a rule set and checks every rule's metadata. */
    public static RuleBase compile(RuleSource source) {
        KieBase kieBase = ModelStore.kieBase(source);
        Map<String, RuleInfo> rules = RuleMetadata.read(source, kieBase);
        List<Rule> compiled = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> compiled.addAll(p.getRules()));
        return new RuleBase(source, rules, new RuleIndex(rules, compiled), kieBase);
    }

    /** Runs the rules on one definite situation and its items; the items hold the results. */
    public void run(Situation situation, List<Item> items) {
        List<Object> facts = new ArrayList<>(items.size() + 1);
        facts.add(situation);
        facts.addAll(items);
        session.execute(facts);
    }

    /** A session that stays open while the situation changes (see {@link LiveSession}). */
    LiveSession live(Situation start, List<org.amicus.model.Request> requests) {
        return new LiveSession(kieBase.newKieSession(), index, start, requests);
    }

    public Map<String, RuleInfo> rules() { return rules; }
    /** The rules' metadata, for the facts that record firings. */
    public RuleIndex index() { return index; }
    public RuleSource source() { return source; }
    public String fingerprint() { return source.fingerprint(); }
}
