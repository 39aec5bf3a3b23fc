package org.amicus.model;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A requested item while the rules weigh it. The rules match its type and confidentiality and,
 * in their consequences, record what they decide; nothing here decides anything.
 */
public final class Item {
    private final String id;
    private final ItemType type;
    private final boolean confidential;
    private final RuleIndex rules;

    private int base;
    private int weights;
    private String alternative;
    private Mode band;
    private int bands;
    private final List<Consideration> considerations = new ArrayList<>();
    private final List<Ceiling> ceilings = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<String> escalations = new ArrayList<>();
    private final List<String> deferUntil = new ArrayList<>();
    private final List<Firing> trace = new ArrayList<>();

    public Item(String id, ItemType type, boolean confidential, RuleIndex rules) {
        this.id = id;
        this.type = type;
        this.confidential = confidential;
        this.rules = rules;
    }

    // --- matched by the rules ---

    public String getId() { return id; }
    public ItemType getType() { return type; }
    public boolean isConfidential() { return confidential; }

    // --- called from rule consequences ---

    /** The item's starting balance (its inherent risk) and the lower-risk form offered when LIMITED. */
    public void base(RuleContext k, int score, String lowerRiskForm) {
        base = score;
        alternative = lowerRiskForm;
        trace(k, Firing.Kind.BASE, score, null, lowerRiskForm);
    }

    /** A consideration for (weight > 0) or against (weight < 0) assisting. */
    public void weigh(RuleContext k, int weight, String text) {
        RuleInfo r = trace(k, Firing.Kind.WEIGH, weight, null, text);
        weights += weight;
        considerations.add(new Consideration(r.factor(), weight, text, r.id()));
    }

    /** The most this rule allows. */
    public void cap(RuleContext k, Mode mode, String reason) {
        RuleInfo r = trace(k, Firing.Kind.CAP, 0, mode, reason);
        ceilings.add(new Ceiling(mode, reason, r.id()));
    }

    /** Not now: at most DEFER until the event. */
    public void defer(RuleContext k, String event) {
        RuleInfo r = trace(k, Firing.Kind.DEFER, 0, Mode.DEFER, event);
        ceilings.add(new Ceiling(Mode.DEFER, event, r.id()));
        deferUntil.add(event);
    }

    /** A condition to meet before assisting; a conditioned item is at most CONDITIONAL. */
    public void require(RuleContext k, String code, String text) {
        RuleInfo r = trace(k, Firing.Kind.REQUIRE, 0, Mode.CONDITIONAL, text);
        conditions.add(new Condition(code, text, r.id()));
        ceilings.add(new Ceiling(Mode.CONDITIONAL, text, r.id()));
    }

    /** UN Headquarters must decide. */
    public void escalate(RuleContext k, String reason) {
        trace(k, Firing.Kind.ESCALATE, 0, null, reason);
        escalations.add(reason);
    }

    /** The balance of considerations, for the verdict rules to band. */
    public Balance balance(RuleContext k) {
        trace(k, Firing.Kind.BALANCE, score(), null, null);
        return new Balance(this);
    }

    /** The verdict band that the balance of considerations falls in. */
    public void band(RuleContext k, Mode mode) {
        trace(k, Firing.Kind.BAND, score(), mode, null);
        band = mode;
        bands++;
    }

    private RuleInfo trace(RuleContext k, Firing.Kind kind, int number, Mode mode, String text) {
        RuleInfo r = rules.of(k.getRule());
        trace.add(new Firing(r, kind, number, mode, text));
        return r;
    }

    // --- read after the rules have run ---

    /** The balance of considerations, 0 to 100. */
    public int score() {
        return Math.max(0, Math.min(100, base + weights));
    }

    /** The band of the balance, lowered to the lowest ceiling; null if no verdict rule fired. */
    public Mode mode() {
        if (band == null) {
            return null;
        }
        Mode mode = band;
        for (Ceiling c : ceilings) {
            mode = Mode.cautious(mode, c.mode());
        }
        return mode;
    }

    public Mode band() { return band; }
    /** How many verdict bands fired: exactly one for a sound rule set. */
    public int bands() { return bands; }
    public String alternative() { return alternative; }
    public List<Consideration> considerations() { return considerations; }
    public List<Ceiling> ceilings() { return ceilings; }
    public List<Condition> conditions() { return conditions; }
    public List<String> escalations() { return escalations; }
    public List<String> deferUntil() { return deferUntil; }
    public List<Firing> trace() { return trace; }
}
