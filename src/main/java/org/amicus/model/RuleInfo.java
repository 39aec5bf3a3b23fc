package org.amicus.model;

/**
 * A rule's metadata, read once from the compiled rules: its stable id, the factor it weighs,
 * its effect, and the research passage it rests on (file name and verbatim quote).
 */
public record RuleInfo(String id, String name, String factor, String effect, String source, String quote,
                       String file, int line) {
}
