package org.amicus.model;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * Finds a firing rule's metadata. Looked up on every firing, so by the rule object's identity first (no string
 * hashing) for the rules of one compiled copy of the rule set, by name for any other copy. Immutable.
 */
public final class RuleIndex {
    private final Map<String, RuleInfo> byName;
    private final IdentityHashMap<Rule, RuleInfo> byRule = new IdentityHashMap<>();

    /** The metadata of a rule set by rule name, found by identity for the rules of {@code compiled}. */
    public RuleIndex(Map<String, RuleInfo> byName, Iterable<Rule> compiled) {
        this.byName = byName;
        for (Rule r : compiled) {
            RuleInfo info = byName.get(r.getName());
            if (info != null) {
                byRule.put(r, info);
            }
        }
    }

    /** How many rules have metadata. */
    public int size() {
        return byName.size();
    }

    /** How many compiled rules are found by identity: those of the one copy this index was made for. */
    public int byIdentity() {
        return byRule.size();
    }

    public RuleInfo of(Rule rule) {
        RuleInfo info = byRule.get(rule);
        return info != null ? info : byName.get(rule.getName());
    }
}
