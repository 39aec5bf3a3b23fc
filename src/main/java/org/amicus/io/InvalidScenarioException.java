package org.amicus.io;

import java.util.List;

/** A scenario that cannot be advised on, with every problem found in it. Exit status 2. */
public final class InvalidScenarioException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid scenario" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidScenarioException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
