package org.amicus.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A situation and the Court's request, as a scenario file states it (DOMAIN.md, contract v1). */
public record Scenario(String file, String id, String title, String date, String mission, String situation,
                       String description, Map<Factor, Assessment> factors, List<Request> requests,
                       Map<String, Mode> expected, List<String> sources, Map<String, String> notes,
                       String record, boolean analogous, boolean locked, Map<String, String> outliers,
                       List<Inject> injects) {

    /** The same scenario with some factors set anew (a what-if, or an inject). */
    public Scenario with(Map<Factor, Assessment> changes) {
        Map<Factor, Assessment> f = new EnumMap<>(Factor.class);
        f.putAll(factors);
        f.putAll(changes);
        return new Scenario(file, id, title, date, mission, situation, description, f, requests, expected,
                sources, notes, record, analogous, locked, outliers, injects);
    }

    /** The scenario after an inject: its factor changes, its requests added (or replacing by id), its expectations. */
    public Scenario after(Inject inject) {
        Map<String, Request> byId = new LinkedHashMap<>();
        requests.forEach(r -> byId.put(r.id(), r));
        inject.requests().forEach(r -> byId.put(r.id(), r));
        Scenario s = with(inject.set());
        return new Scenario(file, id, title, date, mission, situation, description, s.factors,
                new ArrayList<>(byId.values()), inject.expected(), sources, notes, record, analogous, locked,
                outliers, injects);
    }
}
