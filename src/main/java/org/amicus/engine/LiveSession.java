package org.amicus.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.amicus.model.Balance;
import org.amicus.model.Factor;
import org.amicus.model.Firing;
import org.amicus.model.Item;
import org.amicus.model.Level;
import org.amicus.model.Request;
import org.amicus.model.RuleIndex;
import org.amicus.model.RuleInfo;
import org.amicus.model.Situation;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;
import org.kie.internal.event.rule.RuleEventListener;
import org.kie.internal.event.rule.RuleEventManager;

/**
 * One situation and its items in a session that stays open while the situation changes, one factor at a time. The
 * engine then matches again only what the change touches: the rules that test that factor. The items are
 * {@linkplain Item#live live}: each effect a rule records hangs on the rule's match (as an undo), and the engine's
 * match events take it back when the match goes away or is about to fire again, so after {@link #settle()} the
 * items hold what a fresh session on the same situation would record (the verifier checks this against fresh
 * sessions).
 *
 * <p>The verdict rules band a {@link Balance}, inserted once by the rules; when an item's score changes, the balance
 * is refreshed, deleted and inserted again, and the engine runs again, so that the verdict rules band the new score.
 * (Not updated in place: Drools 10.2 keeps every match of a one-pattern rule that an update removes, so a long walk
 * would run out of memory.) Not thread-safe: one per thread.
 */
final class LiveSession implements AutoCloseable {
    private final KieSession session;
    private final List<Item> items = new ArrayList<>();
    private final FactHandle situationHandle;
    private final FactHandle[] balanceHandles;
    private final Balance[] balances;
    /** The rules that have fired in this session (for rule coverage). */
    private final Set<RuleInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final RuleIndex index;
    private Situation situation;
    /** How many times a rule's effects have been recorded or taken back: the engine's work, counted. */
    private long effects;

    LiveSession(KieSession session, RuleIndex index, Situation start, List<Request> requests) {
        this.session = session;
        this.index = index;
        this.situation = Situation.cursor(start);
        balanceHandles = new FactHandle[requests.size()];
        balances = new Balance[requests.size()];
        // Each rule's effects hang on its match: taken back when the match goes, or before it fires again.
        ((RuleEventManager) session).addEventListener(new RuleEventListener() {
            @Override
            public void onUpdateMatch(Match match) {
                undo(match);
            }

            @Override
            public void onDeleteMatch(Match match) {
                undo(match);
            }
        });
        DefaultRuleRuntimeEventListener balanceInserted = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                // A balance inserted by a rule; settle() replaces it itself.
                if (event.getRule() != null && event.getObject() instanceof Balance b) {
                    int k = items.indexOf(b.getItem());
                    balanceHandles[k] = event.getFactHandle();
                    balances[k] = b;
                    seen.add(index.of(event.getRule()));
                }
            }
        };
        session.addEventListener(balanceInserted);
        for (Request r : requests) {
            items.add(Item.live(r.id(), r.type(), r.confidential(), index, this::recorded));
        }
        situationHandle = session.insert(situation);
        items.forEach(session::insert);
        settle();
        session.removeEventListener(balanceInserted);
    }

    private void recorded(RuleContext k, Firing firing, Runnable undo) {
        InternalMatch match = (InternalMatch) k.getMatch();
        Runnable earlier = match.getCallback();
        match.setCallback(earlier == null ? undo : () -> {
            earlier.run();
            undo.run();
        });
        if (seen.size() < index.size()) {
            // Every rule is seen early in a walk; after that, this costs one comparison a firing.
            seen.add(firing.rule());
        }
        effects++;
    }

    private void undo(Match match) {
        InternalMatch m = (InternalMatch) match;
        Runnable undo = m.getCallback();
        if (undo != null) {
            m.setCallback(null);
            undo.run();
            effects++;
        }
    }

    /** Changes one factor; the rules run at the next {@link #settle()}. */
    void move(Factor factor, Level level) {
        situation.move(factor, level);
        session.update(situationHandle, situation, factor.key());
    }

    long effects() { return effects; }

    /** Runs the rules until every item is balanced and banded for the current situation. */
    void settle() {
        session.fireAllRules();
        boolean rebalanced = false;
        for (int k = 0; k < items.size(); k++) {
            if (balances[k] != null && balances[k].refresh()) {
                session.delete(balanceHandles[k]);
                balanceHandles[k] = session.insert(balances[k]);
                rebalanced = true;
            }
        }
        if (rebalanced) {
            session.fireAllRules();
        }
    }

    /** Where the session is: a {@linkplain Situation#cursor cursor}, to read now, not to keep. */
    Situation situation() { return situation; }

    /** The items, in the order of the requests: what the rules that match now have recorded. */
    List<Item> items() { return items; }

    /** The rules that have fired in this session. */
    Set<RuleInfo> seen() { return seen; }

    @Override
    public void close() {
        session.dispose();
    }
}
