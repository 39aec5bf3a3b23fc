package org.amicus.model;

import java.util.List;
import java.util.Map;

/** A step of a tabletop exercise: what happens, what it changes, what is expected after it. */
public record Inject(String at, String title, String description, Map<Factor, Assessment> set,
                     List<Request> requests, Map<String, Mode> expected, List<String> questions,
                     Map<String, String> notes) {
}
