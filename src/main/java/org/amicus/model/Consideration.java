package org.amicus.model;

/** A weighed consideration for (+) or against (-) assisting. */
public record Consideration(String factor, int weight, String text, String rule) {
}
