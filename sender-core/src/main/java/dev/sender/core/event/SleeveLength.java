package dev.sender.core.event;

/** Sleeve length of upper clothing, queried and carried by name. */
public enum SleeveLength implements NamedAttribute {
    /** Short sleeves. */
    SHORT,
    /** Long sleeves. */
    LONG,
    /** Not determined. */
    UNDEFINED
}
