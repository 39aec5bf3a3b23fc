package org.amicus.model;

/** One item of assistance the Court asks for. */
public record Request(String id, ItemType type, String description, boolean confidential) {
}
