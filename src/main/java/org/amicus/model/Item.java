package org.amicus.model;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A requested item while the rules weigh it. The rules match its type and confidentiality and,
 * in their consequences, record what they decide; nothing here decides anything.
 */
public final class Item {
    private static final Mode[] MODES = Mode.values();
    private final String id;
    private final ItemType type;
    private final boolean confidential;
    private final RuleIndex rules;

    private int base;
    private int weights;
    private String alternative;
    private Mode band;
    private int bands;
    private int bases;
    private int escalated;
    /** How many verdict bands, and how many ceilings, of each mode hold. */
    private final int[] bandCount = new int[MODES.length];
    private final int[] ceilingCount = new int[MODES.length];
    /** Null in a one-shot run. */
    private final Undo live;
    // Kept in a one-shot run only (conditions always): a live item keeps the counts above.
    private final List<Consideration> considerations = new ArrayList<>();
    private final List<Ceiling> ceilings = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<String> escalations = new ArrayList<>();
    private final List<String> deferUntil = new ArrayList<>();
    private final List<Firing> trace = new ArrayList<>();

    public Item(String id, ItemType type, boolean confidential, RuleIndex rules) {
        this(id, type, confidential, rules, null);
    }

    /**
     * An item of a live session (one that stays open while the situation changes): every effect is reported to
     * {@code undo}, which takes it back when its rule stops matching, so the item holds the effects of the rules
     * that match now. It keeps what the verifier reads (score, mode, bands, bases, escalation, conditions) and no
     * trace, considerations, ceilings or deferrals.
     */
    public static Item live(String id, ItemType type, boolean confidential, RuleIndex rules, Undo undo) {
        return new Item(id, type, confidential, rules, undo);
    }

    private Item(String id, ItemType type, boolean confidential, RuleIndex rules, Undo live) {
        this.id = id;
        this.type = type;
        this.confidential = confidential;
        this.rules = rules;
        this.live = live;
    }

    // --- matched by the rules ---

    public String getId() { return id; }
    public ItemType getType() { return type; }
    public boolean isConfidential() { return confidential; }

    // --- called from rule consequences ---

    /** The item's starting balance (its inherent risk) and the lower-risk form offered when LIMITED. */
    public void base(RuleContext k, int score, String lowerRiskForm) {
        record(k, Firing.Kind.BASE, score, null, lowerRiskForm, null);
    }

    /** A consideration for (weight > 0) or against (weight < 0) assisting. */
    public void weigh(RuleContext k, int weight, String text) {
        record(k, Firing.Kind.WEIGH, weight, null, text, null);
    }

    /** The most this rule allows. */
    public void cap(RuleContext k, Mode mode, String reason) {
        record(k, Firing.Kind.CAP, 0, mode, reason, null);
    }

    /** Not now: at most DEFER until the event. */
    public void defer(RuleContext k, String event) {
        record(k, Firing.Kind.DEFER, 0, Mode.DEFER, event, null);
    }

    /** A condition to meet before assisting; a conditioned item is at most CONDITIONAL. */
    public void require(RuleContext k, String code, String text) {
        record(k, Firing.Kind.REQUIRE, 0, Mode.CONDITIONAL, text, code);
    }

    /** UN Headquarters must decide. */
    public void escalate(RuleContext k, String reason) {
        record(k, Firing.Kind.ESCALATE, 0, null, reason, null);
    }

    /** The balance of considerations, for the verdict rules to band. */
    public Balance balance(RuleContext k) {
        if (live == null) {
            // A live session re-balances the item whenever its score changes: one trace line would be stale.
            trace.add(new Firing(rules.of(k.getRule()), Firing.Kind.BALANCE, score(), null, null));
        }
        return new Balance(this);
    }

    /** The verdict band that the balance of considerations falls in. */
    public void band(RuleContext k, Mode mode) {
        record(k, Firing.Kind.BAND, score(), mode, null, null);
    }

    /** One rule's effect on the item; a live item also tells its session how to take it back. */
    private void record(RuleContext k, Firing.Kind kind, int number, Mode mode, String text, String code) {
        Firing f = new Firing(rules.of(k.getRule()), kind, number, mode, text);
        apply(f, code, 1);
        if (live != null) {
            live.recorded(k, f, () -> apply(f, code, -1));
        }
    }

    /** Adds (sign 1) or takes back (sign -1) one rule's effect: the one place where effects are recorded. */
    private void apply(Firing f, String code, int sign) {
        switch (f.kind()) {
            case BASE -> {
                base += sign * f.number();
                bases += sign;
                alternative = sign > 0 ? f.text() : null;
            }
            case WEIGH -> weights += sign * f.number();
            case CAP, DEFER, REQUIRE -> ceilingCount[f.mode().ordinal()] += sign;
            case ESCALATE -> escalated += sign;
            case BAND -> {
                bandCount[f.mode().ordinal()] += sign;
                bands += sign;
                band = sign > 0 ? f.mode() : leastCautious(bandCount);
            }
            case BALANCE -> { }
        }
        if (f.kind() == Firing.Kind.REQUIRE) {
            Condition c = new Condition(code, f.text(), f.rule().id());
            if (sign > 0) {
                conditions.add(c);
            } else {
                conditions.remove(c);
            }
        }
        if (live == null) {
            list(f);
        }
    }

    /** The lists of a one-shot run, in firing order. */
    private void list(Firing f) {
        RuleInfo r = f.rule();
        trace.add(f);
        switch (f.kind()) {
            case WEIGH -> considerations.add(new Consideration(r.factor(), f.number(), f.text(), r.id()));
            case CAP, REQUIRE -> ceilings.add(new Ceiling(f.mode(), f.text(), r.id()));
            case DEFER -> {
                ceilings.add(new Ceiling(f.mode(), f.text(), r.id()));
                deferUntil.add(f.text());
            }
            case ESCALATE -> escalations.add(f.text());
            default -> { }
        }
    }

    /** The least cautious mode counted, or null. */
    private static Mode leastCautious(int[] count) {
        for (Mode m : MODES) {
            if (count[m.ordinal()] > 0) {
                return m;
            }
        }
        return null;
    }

    /**
     * Where a live item reports each effect it records, with the way to take it back: a live session runs the undo
     * when the rule's match goes away or is about to fire again.
     */
    public interface Undo {
        void recorded(RuleContext k, Firing firing, Runnable undo);
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
        for (int m = MODES.length - 1; m > mode.ordinal(); m--) {
            if (ceilingCount[m] > 0) {
                return MODES[m];
            }
        }
        return mode;
    }

    public Mode band() { return band; }
    /** How many verdict bands fired: exactly one for a sound rule set. */
    public int bands() { return bands; }
    /** How many item rules (base scores) fired: exactly one for a sound rule set. */
    public int bases() { return bases; }
    /** True when some rule sends the item to UN Headquarters. */
    public boolean escalated() { return escalated > 0; }
    public String alternative() { return alternative; }
    public List<Consideration> considerations() { return considerations; }
    public List<Ceiling> ceilings() { return ceilings; }
    public List<Condition> conditions() { return conditions; }
    public List<String> escalations() { return escalations; }
    public List<String> deferUntil() { return deferUntil; }
    public List<Firing> trace() { return trace; }
}
