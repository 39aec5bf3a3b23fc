package org.amicus.model;

/** Something that must hold before the mission assists, e.g. HOST_STATE_CONSENT. */
public record Condition(String code, String text, String rule) {
}
