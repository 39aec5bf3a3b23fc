package org.amicus.model;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * Finds a firing rule's metadata. Looked up on every firing, so by the rule object's identity
 * first (no string hashing), by name as a fallback. Safe to share: the map by identity is replaced,
 * never changed, when another compiled copy of the same rules is included.
 */
public final class RuleIndex {
    private final Map<String, RuleInfo> byName;
    private volatile IdentityHashMap<Rule, RuleInfo> byRule = new IdentityHashMap<>();

    public RuleIndex(Map<String, RuleInfo> byName, Iterable<Rule> compiled) {
        this.byName = byName;
        include(compiled);
    }

    /** Adds the rules of another compiled copy of the same rule set (another thread's network). */
    public synchronized void include(Iterable<Rule> compiled) {
        IdentityHashMap<Rule, RuleInfo> more = new IdentityHashMap<>(byRule);
        for (Rule r : compiled) {
            RuleInfo info = byName.get(r.getName());
            if (info != null) {
                more.put(r, info);
            }
        }
        byRule = more;
    }

    /** How many rules have metadata. */
    public int size() {
        return byName.size();
    }

    public RuleInfo of(Rule rule) {
        RuleInfo info = byRule.get(rule);
        return info != null ? info : byName.get(rule.getName());
    }
}
