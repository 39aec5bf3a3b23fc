package org.amicus.model;

/** The kinds of assistance the Court may request (DOMAIN.md, "Items of assistance"). */
public enum ItemType {
    PUBLIC_SUPPORT,
    INFORMATION_SHARING,
    STAFF_TESTIMONY,
    LOGISTICS,
    SECURITY_ESCORT,
    WITNESS_PROTECTION,
    ACCOMMODATION,
    ARREST_SUPPORT,
    ARREST_OPERATION
}
