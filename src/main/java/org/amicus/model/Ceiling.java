package org.amicus.model;

/** The most a rule allows for an item, and why: the answer to "why not more?". */
public record Ceiling(Mode mode, String reason, String rule) {
}
