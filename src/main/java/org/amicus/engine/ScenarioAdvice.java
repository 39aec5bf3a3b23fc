package org.amicus.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The advice for a scenario: one {@link ItemAdvice} per request, and the rules that gave it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioAdvice(
        String scenario,
        String title,
        String rulesFingerprint,
        Map<String, Object> factors,
        List<String> uncertain,
        long situations,
        boolean modeRangeComplete,
        List<ItemAdvice> items) {
}
