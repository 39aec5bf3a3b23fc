package org.amicus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.amicus.model.Factor.CAPACITY;
import static org.amicus.model.Factor.FORCE_PROTECTION_RISK;
import static org.amicus.model.Factor.HOST_STATE;
import static org.amicus.model.Factor.INTERNATIONAL_SUPPORT;
import static org.amicus.model.Factor.LEADER_CONFIDENCE_IN_ICC;
import static org.amicus.model.Factor.LEADER_PRIORITY;
import static org.amicus.model.Factor.LEADER_RISK_TOLERANCE;
import static org.amicus.model.Factor.LEGITIMACY_RISK;
import static org.amicus.model.Factor.MANDATE;
import static org.amicus.model.Factor.MOU;
import static org.amicus.model.Factor.POLITICAL_MOMENT;
import static org.amicus.model.Factor.PROSECUTION_SCOPE;
import static org.amicus.model.Factor.STABILITY_RISK;
import static org.amicus.model.Factor.TARGET;
import static org.amicus.model.Factor.WARRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.amicus.engine.Advisor;
import org.amicus.model.Capacity;
import org.amicus.model.Confidence;
import org.amicus.model.Factor;
import org.amicus.model.Firing;
import org.amicus.model.HostState;
import org.amicus.model.Item;
import org.amicus.model.ItemType;
import org.amicus.model.LeaderPriority;
import org.amicus.model.Level;
import org.amicus.model.Mandate;
import org.amicus.model.Mode;
import org.amicus.model.Mou;
import org.amicus.model.PoliticalMoment;
import org.amicus.model.ProsecutionScope;
import org.amicus.model.Request;
import org.amicus.model.Risk;
import org.amicus.model.RuleInfo;
import org.amicus.model.Situation;
import org.amicus.model.Support;
import org.amicus.model.Target;
import org.amicus.model.Tolerance;
import org.amicus.model.Warrant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per rule file, in the style of the Timefold quickstarts' constraint tests: a concrete situation and item,
 * then the rule that must fire and what it does (the sign of its weight, its ceiling, condition, escalation or
 * deferral) and its effect on the balance and the mode. The numbers of the weights are left to tuning; their signs,
 * ceilings and codes are what the research fixes.
 */
class RuleFamiliesTest {
    private static Advisor advisor;

    /** Every factor at its most favourable level: the starting point each test changes. */
    static final Situation FAVOURABLE = new Situation(new Level[] {
        Mandate.ICC_SUPPORT, Support.HIGH, HostState.SUPPORTIVE, Risk.LOW, Risk.LOW, Risk.LOW, Capacity.ADEQUATE,
        Target.SPOILER, ProsecutionScope.ALL_SIDES, PoliticalMoment.ROUTINE, Warrant.SEALED, Mou.IN_FORCE,
        Tolerance.HIGH, LeaderPriority.BALANCED, Confidence.HIGH});

    /** Every ordered factor at its least favourable level. */
    static final Situation UNFAVOURABLE = new Situation(new Level[] {
        Mandate.NONE, Support.LOW, HostState.OPPOSED, Risk.HIGH, Risk.HIGH, Risk.HIGH, Capacity.NONE,
        Target.HEAD_OF_STATE, ProsecutionScope.ONE_SIDED, PoliticalMoment.PEACE_TALKS, Warrant.PUBLIC, Mou.NONE,
        Tolerance.LOW, LeaderPriority.PEACE_FIRST, Confidence.LOW});

    /**
     * A middling situation, where every item's balance lies well inside 0-100: the score effects of a rule are compared
     * here, so that neither balance is clamped at 0 or 100.
     */
    static final Situation MIDDLING = new Situation(new Level[] {
        Mandate.IMPUNITY_GENERAL, Support.MODERATE, HostState.SUPPORTIVE, Risk.MODERATE, Risk.MODERATE, Risk.MODERATE,
        Capacity.LIMITED, Target.ARMED_GROUP, ProsecutionScope.ONE_SIDED, PoliticalMoment.ROUTINE, Warrant.SEALED,
        Mou.IN_FORCE, Tolerance.HIGH, LeaderPriority.JUSTICE_FIRST, Confidence.LOW});

    @BeforeAll
    static void load() {
        advisor = Fixtures.advisor();
    }

    // --- the DSL ------------------------------------------------------------------------------------------------

    static Situation favourable(Object... pairs) {
        return Fixtures.with(FAVOURABLE, pairs);
    }

    static Given given(Situation s) {
        return new Given(s);
    }

    record Given(Situation situation) {
        Then item(ItemType type) {
            return item(type, false);
        }

        Then confidentialItem(ItemType type) {
            return item(type, true);
        }

        Then item(ItemType type, boolean confidential) {
            Request r = new Request("r1", type, null, confidential);
            Item item = advisor.evaluate(situation, List.of(r)).get(0);
            return new Then(situation, r, item, null);
        }
    }

    /** What the rules did to one item; {@code rule} is the rule the last {@link #fires} named. */
    record Then(Situation situation, Request request, Item item, String rule) {
        private String where() {
            return request.type() + (request.confidential() ? " (confidential)" : "") + " in " + situation
                    + "; trace " + item.trace().stream().map(f -> f.rule().id() + " " + f.did()).toList();
        }

        private List<Firing> firings() {
            return item.trace().stream().filter(f -> f.rule().id().equals(rule)).toList();
        }

        private List<Firing> firings(Firing.Kind kind) {
            return firings().stream().filter(f -> f.kind() == kind).toList();
        }

        Then fires(String id) {
            assertThat(advisor.rules().rules().values()).as("a rule with the id " + id).extracting(RuleInfo::id).contains(id);
            Then t = new Then(situation, request, item, id);
            assertThat(t.firings()).as(id + " fires for " + where()).isNotEmpty();
            return t;
        }

        Then doesNotFire(String id) {
            assertThat(advisor.rules().rules().values()).as("a rule with the id " + id).extracting(RuleInfo::id).contains(id);
            assertThat(item.trace()).as(id + " must not fire for " + where()).noneMatch(f -> f.rule().id().equals(id));
            return this;
        }

        /** The rule weighs for assisting (a positive weight). */
        Then weighsFor() {
            assertThat(firings(Firing.Kind.WEIGH)).as(rule + " weighs for, in " + where()).isNotEmpty()
                    .allMatch(f -> f.number() > 0);
            return this;
        }

        /** The rule weighs against assisting (a negative weight). */
        Then weighsAgainst() {
            assertThat(firings(Firing.Kind.WEIGH)).as(rule + " weighs against, in " + where()).isNotEmpty()
                    .allMatch(f -> f.number() < 0);
            return this;
        }

        Then weighsNothing() {
            assertThat(firings(Firing.Kind.WEIGH)).as(rule + " weighs nothing, in " + where()).isEmpty();
            return this;
        }

        /** The rule caps the item at this mode. */
        Then caps(Mode mode) {
            assertThat(item.ceilings()).as(rule + " caps at " + mode + ", in " + where())
                    .anyMatch(c -> c.rule().equals(rule) && c.mode() == mode);
            return this;
        }

        Then setsNoCeiling() {
            assertThat(item.ceilings()).as(rule + " sets no ceiling, in " + where()).noneMatch(c -> c.rule().equals(rule));
            return this;
        }

        /** The rule adds the condition with this code (a condition also caps the item at CONDITIONAL). */
        Then requires(String code) {
            assertThat(item.conditions()).as(rule + " requires " + code + ", in " + where())
                    .anyMatch(c -> c.rule().equals(rule) && c.code().equals(code));
            return caps(Mode.CONDITIONAL);
        }

        Then escalates() {
            assertThat(firings(Firing.Kind.ESCALATE)).as(rule + " escalates to UN Headquarters, in " + where()).isNotEmpty();
            assertThat(item.escalations()).isNotEmpty();
            return this;
        }

        /** The rule defers the item (a DEFER ceiling) until an event whose description contains the words. */
        Then defersUntil(String words) {
            assertThat(firings(Firing.Kind.DEFER)).as(rule + " defers, in " + where()).isNotEmpty()
                    .anyMatch(f -> f.text().contains(words));
            assertThat(item.deferUntil()).anyMatch(e -> e.contains(words));
            return caps(Mode.DEFER);
        }

        /** The rule sets the item's starting balance and names the lower-risk form offered when LIMITED. */
        Then setsBase() {
            assertThat(firings(Firing.Kind.BASE)).as(rule + " sets the base, in " + where()).hasSize(1);
            assertThat(item.alternative()).as("the lower-risk form").isNotBlank();
            return this;
        }

        Then bands(Mode mode) {
            assertThat(firings(Firing.Kind.BAND)).as(rule + " bands the balance as " + mode + ", in " + where()).isNotEmpty()
                    .allMatch(f -> f.mode() == mode);
            assertThat(item.band()).isEqualTo(mode);
            return this;
        }

        Then mode(Mode mode) {
            assertThat(item.mode()).as("mode of " + where()).isEqualTo(mode);
            return this;
        }

        Then modeAtMost(Mode mode) {
            assertThat(item.mode().rank()).as("mode " + item.mode() + " at most " + mode + ", " + where())
                    .isLessThanOrEqualTo(mode.rank());
            return this;
        }

        /**
         * The expected score effect: the item's balance in {@link #MIDDLING} with the factors named in {@code pairs} at
         * their levels here is lower than with them at the levels given in {@code pairs}.
         */
        Then scoreBelow(Object... pairs) {
            int[] scores = compare(pairs);
            assertThat(scores[0]).as("balance with " + here(pairs) + " vs. with " + List.of(pairs) + ", all else middling, for "
                    + request.type()).isLessThan(scores[1]);
            return this;
        }

        /** The expected score effect: higher than with the factors in {@code pairs} at the given levels (see scoreBelow). */
        Then scoreAbove(Object... pairs) {
            int[] scores = compare(pairs);
            assertThat(scores[0]).as("balance with " + here(pairs) + " vs. with " + List.of(pairs) + ", all else middling, for "
                    + request.type()).isGreaterThan(scores[1]);
            return this;
        }

        private List<String> here(Object[] pairs) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < pairs.length; i += 2) {
                out.add(pairs[i] + "=" + situation.get((Factor) pairs[i]).name());
            }
            return out;
        }

        private int[] compare(Object[] pairs) {
            assertThat(pairs.length).as("factor/level pairs").isPositive().isEven();
            Situation here = MIDDLING;
            for (int i = 0; i < pairs.length; i += 2) {
                here = here.with((Factor) pairs[i], situation.get((Factor) pairs[i]));
            }
            Situation there = Fixtures.with(here, pairs);
            int a = given(here).item(request.type(), request.confidential()).score();
            int b = given(there).item(request.type(), request.confidential()).score();
            assertThat(List.of(a, b)).as("balances compared (not clamped)").allMatch(x -> x > 0 && x < 100);
            return new int[] {a, b};
        }

        int score() {
            return item.score();
        }
    }

    // --- one test per rule file ---------------------------------------------------------------------------------

    @Test
    @DisplayName("mandate.drl: no language on impunity weighs against, caps at CONDITIONAL, declines coercive items")
    void mandate() {
        // Situation: the mandate says nothing on impunity; the Court asks for support to a national arrest.
        given(favourable(MANDATE, Mandate.NONE)).item(ItemType.ARREST_SUPPORT)
                // Then: mandate-none weighs against and caps at CONDITIONAL; mandate-none-coercive caps at DECLINE.
                .fires("mandate-none").weighsAgainst().caps(Mode.CONDITIONAL)
                .fires("mandate-none-coercive").caps(Mode.DECLINE)
                .mode(Mode.DECLINE)
                .scoreBelow(MANDATE, Mandate.IMPUNITY_GENERAL);

        // Situation: the same, for a public statement: not coercive, so CONDITIONAL at best.
        given(favourable(MANDATE, Mandate.NONE)).item(ItemType.PUBLIC_SUPPORT)
                .fires("mandate-none").caps(Mode.CONDITIONAL)
                .doesNotFire("mandate-none-coercive")
                .modeAtMost(Mode.CONDITIONAL);

        // Situation: an ICC-support mandate; the Court asks the mission itself to arrest: at most LIMITED.
        given(favourable()).item(ItemType.ARREST_OPERATION)
                .fires("mandate-icc-support").weighsFor()
                .fires("mandate-arrest-operation-needs-authority").caps(Mode.LIMITED)
                .modeAtMost(Mode.LIMITED);

        // Situation: explicit authority to arrest: the cap lifts and the mandate weighs for the operation.
        given(favourable(MANDATE, Mandate.ARREST_AUTHORITY)).item(ItemType.ARREST_OPERATION)
                .fires("mandate-arrest-authority").weighsFor()
                .doesNotFire("mandate-arrest-operation-needs-authority")
                .scoreAbove(MANDATE, Mandate.ICC_SUPPORT);

        given(favourable(MANDATE, Mandate.IMPUNITY_GENERAL)).item(ItemType.LOGISTICS)
                .fires("mandate-impunity-general").weighsFor()
                .scoreAbove(MANDATE, Mandate.NONE);
    }

    @Test
    @DisplayName("support.drl: low international support weighs against and caps every item at LIMITED")
    void support() {
        // Situation: states and the Secretariat give little support; the Court asks for a public statement.
        given(favourable(INTERNATIONAL_SUPPORT, Support.LOW)).item(ItemType.PUBLIC_SUPPORT)
                // Then: support-low weighs against and caps at LIMITED.
                .fires("support-low").weighsAgainst().caps(Mode.LIMITED)
                .modeAtMost(Mode.LIMITED)
                .scoreBelow(INTERNATIONAL_SUPPORT, Support.MODERATE);

        given(favourable(INTERNATIONAL_SUPPORT, Support.MODERATE)).item(ItemType.LOGISTICS)
                .fires("support-moderate").weighsFor().setsNoCeiling()
                .doesNotFire("support-low");

        given(favourable()).item(ItemType.LOGISTICS)
                .fires("support-high").weighsFor().setsNoCeiling()
                .scoreAbove(INTERNATIONAL_SUPPORT, Support.MODERATE);
    }

    @Test
    @DisplayName("risks.drl: high risk to stability or legitimacy caps at LIMITED; force protection conditions field items")
    void risks() {
        // Situation: assisting would put stability at high risk; the Court asks to share documents.
        given(favourable(STABILITY_RISK, Risk.HIGH)).item(ItemType.INFORMATION_SHARING)
                // Then: stability-high weighs against and caps at LIMITED.
                .fires("stability-high").weighsAgainst().caps(Mode.LIMITED)
                .modeAtMost(Mode.LIMITED)
                .scoreBelow(STABILITY_RISK, Risk.MODERATE);

        given(favourable(LEGITIMACY_RISK, Risk.HIGH)).item(ItemType.PUBLIC_SUPPORT)
                .fires("legitimacy-high").weighsAgainst().caps(Mode.LIMITED)
                .modeAtMost(Mode.LIMITED);

        given(favourable(STABILITY_RISK, Risk.MODERATE, LEGITIMACY_RISK, Risk.MODERATE)).item(ItemType.PUBLIC_SUPPORT)
                .fires("stability-moderate").weighsAgainst().setsNoCeiling()
                .fires("legitimacy-moderate").weighsAgainst().setsNoCeiling()
                .scoreBelow(STABILITY_RISK, Risk.LOW, LEGITIMACY_RISK, Risk.LOW);

        // Situation: a high threat to personnel; the Court asks for an armed escort.
        given(favourable(FORCE_PROTECTION_RISK, Risk.HIGH)).item(ItemType.SECURITY_ESCORT)
                // Then: force-protection-high weighs against and requires a force-protection plan.
                .fires("force-protection-high").weighsAgainst().requires("FORCE_PROTECTION_PLAN")
                .modeAtMost(Mode.CONDITIONAL);

        // Situation: a high threat to personnel; the Court asks for support to a national arrest.
        given(favourable(FORCE_PROTECTION_RISK, Risk.HIGH)).item(ItemType.ARREST_SUPPORT)
                // Then: a force-protection plan is required, and an arrest is not advised as asked.
                .fires("force-protection-high").weighsAgainst().requires("FORCE_PROTECTION_PLAN")
                .fires("force-protection-high-arrest").caps(Mode.LIMITED)
                .mode(Mode.LIMITED);

        // The threat to personnel on the ground does not bear on a public statement.
        given(favourable(FORCE_PROTECTION_RISK, Risk.HIGH)).item(ItemType.PUBLIC_SUPPORT)
                .doesNotFire("force-protection-high");

        // Situation: the mission lacks the assets; the Court asks to host its investigators.
        given(favourable(CAPACITY, Capacity.NONE)).item(ItemType.ACCOMMODATION)
                .fires("capacity-none").weighsAgainst().caps(Mode.LIMITED)
                .modeAtMost(Mode.LIMITED)
                .scoreBelow(CAPACITY, Capacity.LIMITED);
        given(favourable(CAPACITY, Capacity.NONE)).item(ItemType.INFORMATION_SHARING)
                .doesNotFire("capacity-none");
        given(favourable()).item(ItemType.LOGISTICS)
                .fires("capacity-adequate").weighsFor()
                .fires("stability-low").weighsFor()
                .fires("legitimacy-low").weighsFor()
                .fires("force-protection-low").weighsFor();
    }

    @Test
    @DisplayName("hoststate.drl: an opposed host state declines and escalates risky items, caps the others at CONDITIONAL")
    void hostState() {
        // Situation: the host state opposes cooperation; the Court asks the mission to host its investigators.
        given(favourable(HOST_STATE, HostState.OPPOSED)).item(ItemType.ACCOMMODATION)
                // Then: host-opposed-risky weighs against, caps at DECLINE and sends the decision to Headquarters.
                .fires("host-opposed-risky").weighsAgainst().caps(Mode.DECLINE).escalates()
                .doesNotFire("host-opposed")
                .doesNotFire("host-consent-risky")
                .mode(Mode.DECLINE);

        // Situation: the same, for logistics: host-opposed caps at CONDITIONAL and does not escalate.
        given(favourable(HOST_STATE, HostState.OPPOSED)).item(ItemType.LOGISTICS)
                .fires("host-opposed").weighsAgainst().caps(Mode.CONDITIONAL)
                .doesNotFire("host-opposed-risky")
                .modeAtMost(Mode.CONDITIONAL)
                .scoreBelow(HOST_STATE, HostState.AMBIVALENT);

        // Situation: an ambivalent host state; the Court asks for witness protection: its consent is a condition.
        given(favourable(HOST_STATE, HostState.AMBIVALENT)).item(ItemType.WITNESS_PROTECTION)
                .fires("host-ambivalent").weighsAgainst()
                .fires("host-consent-field").requires("HOST_STATE_CONSENT");

        // Situation: a supportive host state; an arrest still needs its written consent.
        given(favourable()).item(ItemType.ARREST_SUPPORT)
                .fires("host-supportive").weighsFor()
                .fires("host-consent-risky").requires("HOST_STATE_CONSENT")
                .modeAtMost(Mode.CONDITIONAL);

        // Situation: the host state consents but cannot act: the mission's assets fill the gap.
        given(favourable(HOST_STATE, HostState.UNABLE)).item(ItemType.LOGISTICS)
                .fires("host-unable").weighsFor()
                .scoreAbove(HOST_STATE, HostState.AMBIVALENT);
    }

    @Test
    @DisplayName("request.drl: target, scope, timing and warrant weigh, defer or escalate")
    void request() {
        // Situation: the Court targets a sitting head of state; it asks for support to an arrest.
        given(favourable(TARGET, Target.HEAD_OF_STATE)).item(ItemType.ARREST_SUPPORT)
                // Then: target-head-of-state weighs against and escalates; target-head-of-state-arrest defers.
                .fires("target-head-of-state").weighsAgainst().escalates()
                .fires("target-head-of-state-arrest").defersUntil("immunities")
                .modeAtMost(Mode.DEFER);

        // Situation: a party to the peace process, during peace talks: the arrest waits for the talks.
        given(favourable(TARGET, Target.PEACE_PROCESS_PARTY, POLITICAL_MOMENT, PoliticalMoment.PEACE_TALKS))
                .item(ItemType.ARREST_OPERATION)
                .fires("target-peace-process-party").weighsAgainst()
                .fires("moment-peace-talks-arrest").defersUntil("peace talks")
                .fires("moment-peace-talks").weighsAgainst()
                .modeAtMost(Mode.DEFER);

        given(favourable(TARGET, Target.GOVERNMENT_AGENT)).item(ItemType.LOGISTICS)
                .fires("target-government-agent").weighsAgainst()
                .scoreBelow(TARGET, Target.ARMED_GROUP);

        // Situation: a spoiler of the peace: the mission's and the Court's interests overlap.
        given(favourable()).item(ItemType.ARREST_SUPPORT)
                .fires("target-spoiler").weighsFor()
                .fires("warrant-sealed-arrest").weighsFor()
                .scoreAbove(TARGET, Target.ARMED_GROUP)
                .scoreAbove(WARRANT, Warrant.PUBLIC);
        given(favourable(TARGET, Target.ARMED_GROUP)).item(ItemType.ARREST_OPERATION)
                .fires("target-armed-group-arrest").weighsFor();

        // Situation: a former official, without arrest authority: Headquarters decides (Charles Taylor).
        given(favourable(TARGET, Target.FORMER_OFFICIAL)).item(ItemType.ARREST_SUPPORT)
                .fires("target-former-official-arrest").escalates().weighsNothing();
        given(favourable(TARGET, Target.FORMER_OFFICIAL, MANDATE, Mandate.ARREST_AUTHORITY)).item(ItemType.ARREST_SUPPORT)
                .doesNotFire("target-former-official-arrest");

        // Situation: no named suspect, or no warrant yet: an arrest waits for them.
        given(favourable(TARGET, Target.NONE)).item(ItemType.ARREST_SUPPORT)
                .fires("target-none-arrest").defersUntil("suspect");
        given(favourable(WARRANT, Warrant.NONE)).item(ItemType.ARREST_OPERATION)
                .fires("warrant-none-arrest").defersUntil("warrant");
        given(favourable(WARRANT, Warrant.PUBLIC)).item(ItemType.ARREST_SUPPORT)
                .fires("warrant-public-arrest").weighsAgainst();
        given(favourable(WARRANT, Warrant.NONE)).item(ItemType.LOGISTICS)
                .doesNotFire("warrant-none-arrest");

        // Scope and timing.
        given(favourable(PROSECUTION_SCOPE, ProsecutionScope.ONE_SIDED)).item(ItemType.PUBLIC_SUPPORT)
                .fires("scope-one-sided").weighsAgainst()
                .scoreBelow(PROSECUTION_SCOPE, ProsecutionScope.ALL_SIDES);
        given(favourable()).item(ItemType.PUBLIC_SUPPORT)
                .fires("scope-all-sides").weighsFor()
                .fires("moment-routine").weighsFor();
        given(favourable(POLITICAL_MOMENT, PoliticalMoment.ELECTIONS)).item(ItemType.PUBLIC_SUPPORT)
                .fires("moment-elections").weighsAgainst();
        given(favourable(POLITICAL_MOMENT, PoliticalMoment.TRANSITION)).item(ItemType.ARREST_SUPPORT)
                .fires("moment-transition").weighsAgainst();
        given(favourable(POLITICAL_MOMENT, PoliticalMoment.CRISIS)).item(ItemType.SECURITY_ESCORT)
                .fires("moment-crisis").weighsAgainst()
                .scoreBelow(POLITICAL_MOMENT, PoliticalMoment.ROUTINE);
    }

    @Test
    @DisplayName("leadership.drl: secondary factors weigh, set no ceiling, and alone move an item by at most one mode")
    void leadership() {
        // Situation: risk-averse leaders who put peace first and doubt the Court.
        Situation doubtful = favourable(LEADER_RISK_TOLERANCE, Tolerance.LOW, LEADER_PRIORITY, LeaderPriority.PEACE_FIRST,
                LEADER_CONFIDENCE_IN_ICC, Confidence.LOW);
        given(doubtful).item(ItemType.LOGISTICS)
                // Then: each of the three weighs against, none sets a ceiling.
                .fires("leader-risk-tolerance-low").weighsAgainst().setsNoCeiling()
                .fires("leader-priority-peace-first").weighsAgainst().setsNoCeiling()
                .fires("leader-confidence-low").weighsAgainst().setsNoCeiling()
                .scoreBelow(LEADER_RISK_TOLERANCE, Tolerance.HIGH, LEADER_PRIORITY, LeaderPriority.BALANCED, LEADER_CONFIDENCE_IN_ICC, Confidence.HIGH);
        given(favourable(LEADER_PRIORITY, LeaderPriority.JUSTICE_FIRST)).item(ItemType.LOGISTICS)
                .fires("leader-priority-justice-first").weighsAgainst().setsNoCeiling()
                .scoreBelow(LEADER_PRIORITY, LeaderPriority.BALANCED)
                .scoreAbove(LEADER_PRIORITY, LeaderPriority.PEACE_FIRST);
        given(favourable()).item(ItemType.LOGISTICS)
                .fires("leader-risk-tolerance-high").weighsFor().setsNoCeiling()
                .fires("leader-priority-balanced").weighsFor().setsNoCeiling()
                .fires("leader-confidence-high").weighsFor().setsNoCeiling();

        // Then (the file's promise): for every item, in the favourable and a middling situation, one leadership
        // factor changed alone moves the mode by at most one.
        Situation middling = favourable(STABILITY_RISK, Risk.MODERATE, LEGITIMACY_RISK, Risk.MODERATE, MOU, Mou.NONE,
                PROSECUTION_SCOPE, ProsecutionScope.ONE_SIDED, HOST_STATE, HostState.AMBIVALENT);
        for (Situation base : List.of(FAVOURABLE, middling)) {
            for (ItemType t : ItemType.values()) {
                for (Factor f : List.of(LEADER_RISK_TOLERANCE, LEADER_PRIORITY, LEADER_CONFIDENCE_IN_ICC)) {
                    for (Level a : f.levels()) {
                        for (Level b : f.levels()) {
                            Mode ma = given(base.with(f, a)).item(t).item().mode();
                            Mode mb = given(base.with(f, b)).item(t).item().mode();
                            assertThat(Math.abs(ma.rank() - mb.rank())).as(f.key() + " " + a.name() + " -> " + b.name()
                                    + " moves " + t + " from " + ma + " to " + mb + " in " + base.with(f, a)).isLessThanOrEqualTo(1);
                        }
                    }
                }
            }
        }
        // No leadership rule conditions, caps, defers or escalates, anywhere.
        for (RuleInfo r : advisor.rules().rules().values()) {
            if (Factor.byKey(r.factor()) != null && Factor.byKey(r.factor()).isLeadership()) {
                assertThat(r.effect()).as("effect of the leadership rule " + r.id()).isIn("+", "-");
            }
        }
    }

    @Test
    @DisplayName("instruments.drl: testimony needs a waiver from Headquarters; confidential information its originator's consent")
    void instruments() {
        // Situation: the Court asks a UN official to testify.
        given(favourable()).item(ItemType.STAFF_TESTIMONY)
                // Then: instrument-staff-testimony requires a waiver of immunity and escalates to Headquarters.
                .fires("instrument-staff-testimony").requires("IMMUNITY_WAIVER").escalates()
                .modeAtMost(Mode.CONDITIONAL);

        // Situation: documents given to the UN in confidence.
        given(favourable()).confidentialItem(ItemType.INFORMATION_SHARING)
                // Then: instrument-confidential requires the originator's consent, a legal review, and escalates.
                .fires("instrument-confidential").requires("ORIGINATOR_CONSENT").requires("REDACTION_AND_LEGAL_REVIEW")
                .escalates()
                .doesNotFire("instrument-focal-points")
                .modeAtMost(Mode.CONDITIONAL);
        given(favourable()).item(ItemType.INFORMATION_SHARING)
                .fires("instrument-focal-points").weighsFor()
                .doesNotFire("instrument-confidential");

        // Situation: no MoU: the Court bears the costs of field assistance, under the Relationship Agreement.
        given(favourable(MOU, Mou.NONE)).item(ItemType.LOGISTICS)
                .fires("instrument-costs").requires("COURT_BEARS_COSTS")
                .fires("mou-none").weighsAgainst()
                .fires("instrument-relationship-agreement").weighsFor()
                .scoreBelow(MOU, Mou.IN_FORCE);
        given(favourable()).item(ItemType.ARREST_SUPPORT)
                .fires("mou-in-force").weighsFor()
                .fires("mou-arrest-requests").weighsFor()
                .doesNotFire("instrument-costs");
        given(favourable(MOU, Mou.NONE)).item(ItemType.PUBLIC_SUPPORT)
                .doesNotFire("instrument-costs");
    }

    @Test
    @DisplayName("items.drl: each item type starts from exactly one base, the arrest operation lowest, with a lower-risk form")
    void items() {
        Map<ItemType, Integer> base = new TreeMap<>();
        for (ItemType t : ItemType.values()) {
            // Situation: any; the item type alone picks its base rule, item-<type>.
            String id = "item-" + t.name().toLowerCase().replace('_', '-');
            Then then = given(favourable()).item(t).fires(id).setsBase().weighsNothing().setsNoCeiling();
            assertThat(then.item().trace()).as("base rules for " + t).filteredOn(f -> f.kind() == Firing.Kind.BASE).hasSize(1);
            base.put(t, then.firings(Firing.Kind.BASE).get(0).number());
        }
        // Then: the highest inherent risk starts lowest (DOMAIN.md: the arrest operation is the riskiest item).
        for (ItemType t : ItemType.values()) {
            assertThat(base.get(ItemType.ARREST_OPERATION)).as("base of ARREST_OPERATION vs " + t).isLessThanOrEqualTo(base.get(t));
        }
        assertThat(base.get(ItemType.ARREST_OPERATION)).isLessThan(base.get(ItemType.PUBLIC_SUPPORT));
        assertThat(base.get(ItemType.ACCOMMODATION)).isLessThan(base.get(ItemType.PUBLIC_SUPPORT));
        // The lower-risk form is what a LIMITED advice offers.
        Item limited = given(favourable(INTERNATIONAL_SUPPORT, Support.LOW)).item(ItemType.LOGISTICS).item();
        assertThat(limited.mode()).isEqualTo(Mode.LIMITED);
        assertThat(limited.alternative()).isNotBlank();
    }

    @Test
    @DisplayName("verdict.drl: the balance falls in exactly one band, bands ordered by the balance, lowered by ceilings")
    void verdict() {
        // Situation: everything favourable, a public statement: the balance is high and the band FULL.
        given(FAVOURABLE).item(ItemType.PUBLIC_SUPPORT)
                .fires("verdict-balance")
                .fires("verdict-full").bands(Mode.FULL)
                .mode(Mode.FULL);
        // Situation: everything unfavourable: the balance is low and the band DECLINE.
        given(UNFAVOURABLE).item(ItemType.LOGISTICS)
                .fires("verdict-decline").bands(Mode.DECLINE)
                .doesNotFire("verdict-full")
                .mode(Mode.DECLINE);
        // Situation: a favourable balance under a ceiling: the band stays FULL, the mode drops to the ceiling.
        given(favourable(INTERNATIONAL_SUPPORT, Support.LOW, MANDATE, Mandate.ARREST_AUTHORITY)).item(ItemType.PUBLIC_SUPPORT)
                .fires("support-low").caps(Mode.LIMITED)
                .mode(Mode.LIMITED);

        // Then, over many situations: each band rule covers one interval of the balance, the bands ordered by it.
        List<String> bandRules = List.of("verdict-decline", "verdict-defer", "verdict-limited", "verdict-conditional", "verdict-full");
        Map<String, int[]> range = new TreeMap<>();
        Map<Integer, Set<Mode>> bandsByScore = new TreeMap<>();
        Random r = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Situation s = Fixtures.randomSituation(r);
            for (Item item : advisor.evaluate(s, Fixtures.ALL_ITEMS)) {
                List<Firing> bands = item.trace().stream().filter(f -> f.kind() == Firing.Kind.BAND).toList();
                assertThat(bands).as("band rules fired for " + item.getType() + " in " + s).hasSize(1);
                assertThat(item.trace()).as("the balance is taken once").filteredOn(f -> f.kind() == Firing.Kind.BALANCE).hasSize(1);
                // The band fires last: every factor rule has weighed in before it.
                assertThat(item.trace().get(item.trace().size() - 1).kind()).isEqualTo(Firing.Kind.BAND);
                String id = bands.get(0).rule().id();
                assertThat(bandRules).contains(id);
                range.computeIfAbsent(id, k -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
                range.get(id)[0] = Math.min(range.get(id)[0], item.score());
                range.get(id)[1] = Math.max(range.get(id)[1], item.score());
                bandsByScore.computeIfAbsent(item.score(), k -> new java.util.TreeSet<>()).add(item.band());
            }
        }
        bandsByScore.forEach((score, modes) -> assertThat(modes).as("bands for the balance " + score).hasSize(1));
        Mode previous = null;
        for (Map.Entry<Integer, Set<Mode>> e : bandsByScore.entrySet()) {
            Mode m = e.getValue().iterator().next();
            if (previous != null) {
                assertThat(m.rank()).as("band at balance " + e.getKey() + " vs a lower balance").isGreaterThanOrEqualTo(previous.rank());
            }
            previous = m;
        }
        assertThat(range.keySet()).as("band rules reached over 2,000 situations").containsExactlyInAnyOrderElementsOf(bandRules);
    }

    @Test
    @DisplayName("every rule of every file fires in some situation (no dead rule)")
    void everyRuleFires() {
        Set<String> all = advisor.rules().rules().values().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> fired = new TreeSet<>();
        Random r = new Random(7);
        List<Situation> situations = new ArrayList<>(List.of(FAVOURABLE, UNFAVOURABLE));
        for (int i = 0; i < 3_000; i++) {
            situations.add(Fixtures.randomSituation(r));
        }
        for (Situation s : situations) {
            for (Item item : advisor.evaluate(s, Fixtures.ALL_ITEMS)) {
                item.trace().forEach(f -> fired.add(f.rule().id()));
            }
        }
        Set<String> dead = new TreeSet<>(all);
        dead.removeAll(fired);
        assertThat(dead).as("rules that never fired in " + situations.size() + " situations with all 18 items").isEmpty();
    }
}
