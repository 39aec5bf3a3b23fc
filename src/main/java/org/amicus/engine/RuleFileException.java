package org.amicus.engine;

import java.util.List;

/** The rules cannot be used: each problem names its file and line. Exit status 3. */
public final class RuleFileException extends RuntimeException {
    /** One problem in a rule file; line 0 when the line is not known. */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RuleFileException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the rules: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
