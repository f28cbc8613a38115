package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Sleeve length of upper clothing, queried and carried by name. */
public enum SleeveLength implements EventAttribute {
    /** Short sleeves. */
    SHORT("short"),
    /** Long sleeves. */
    LONG("long"),
    /** Not determined. */
    UNDEFINED("undefined");

    private final String wireName;

    SleeveLength(String wireName) {
        this.wireName = wireName;
    }

    /** The string an event carries for this constant, and its query-string token. */
    public String wireName() {
        return wireName;
    }

    @Override
    public String queryValue() {
        return wireName;
    }

    @Override
    public Value jsonValue() {
        return Value.string(wireName);
    }
}
