package org.amicus.model;

/**
 * One line of the trace: a rule that fired, what it did, and the passage it rests on.
 * Kept as parts (not a formatted string) so that firing stays cheap; {@link #did()} formats it.
 */
public record Firing(RuleInfo rule, Kind kind, int number, Mode mode, String text) {

    public enum Kind { BASE, WEIGH, CAP, DEFER, REQUIRE, ESCALATE, BALANCE, BAND }

    /** What the rule did, in words. */
    public String did() {
        return switch (kind) {
            case BASE -> "starts at " + number + " (lower-risk form: " + text + ")";
            case WEIGH -> (number >= 0 ? "+" : "") + number + ": " + text;
            case CAP -> "at most " + mode + ": " + text;
            case DEFER -> "defer until " + text;
            case REQUIRE -> "condition: " + text;
            case ESCALATE -> "UN Headquarters must decide: " + text;
            case BALANCE -> "the balance of considerations is " + number + " out of 100";
            case BAND -> number + " falls in the " + mode + " band";
        };
    }

    /** The sign of the effect: "+", "-", or the kind of limit it sets. */
    public String effect() {
        return switch (kind) {
            case WEIGH -> number >= 0 ? "+" : "-";
            case BASE -> "base";
            case CAP, DEFER -> "ceiling";
            case REQUIRE -> "condition";
            case ESCALATE -> "escalate";
            case BALANCE, BAND -> "verdict";
        };
    }
}
