package org.amicus.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.amicus.model.Condition;
import org.amicus.model.ItemType;
import org.amicus.model.Mode;

/**
 * The advice for one requested item (DOMAIN.md, "Advice output", plus explanatory fields). {@code assumed}: for each
 * factor the scenario leaves uncertain, the level of the situation that gives the mode, on which the conditions,
 * ceilings, drivers and trace were weighed (empty when every factor is given).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemAdvice(
        String id,
        ItemType type,
        String description,
        Mode mode,
        List<Mode> modeRange,
        boolean escalate,
        List<String> escalations,
        List<Condition> conditions,
        int score,
        Mode band,
        List<Limit> ceilings,
        String offer,
        List<String> deferUntil,
        List<Unknown> unknowns,
        String robustness,
        Map<String, String> assumed,
        List<Driver> drivers,
        List<TraceLine> trace,
        Mode expected,
        Boolean matches,
        List<Flips.Flip> flips) {

    /** The same advice with its flips ("what would change this advice?"). */
    public ItemAdvice withFlips(List<Flips.Flip> f) {
        return new ItemAdvice(id, type, description, mode, modeRange, escalate, escalations, conditions, score, band,
                ceilings, offer, deferUntil, unknowns, robustness, assumed, drivers, trace, expected, matches, f);
    }

    /** A ceiling below the band: why the advice is not more. */
    public record Limit(Mode mode, String reason, String rule) {
    }

    /** A consideration for or against, strongest first. */
    public record Driver(String factor, String effect, int weight, String text, String rule) {
    }

    /** An uncertain factor that changes the advice: the most cautious mode for each of its levels. */
    public record Unknown(String factor, Map<String, Mode> modes) {
    }

    /** A rule that fired, what it did, and the research passage it rests on. */
    public record TraceLine(String rule, String factor, String effect, String did, String source, String quote) {
    }
}
