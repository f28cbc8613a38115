package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Predominant mask state of a face: queried as 1–3, carried as a string. */
public enum Mask implements EventAttribute {
    /** A medical mask, 1. */
    MEDICAL_MASK("1", "medical_mask"),
    /** No mask, 2. */
    MISSING("2", "missing"),
    /** Face occluded by something else, 3. */
    OCCLUDED("3", "occluded");

    private final String queryValue;
    private final String wireName;

    Mask(String queryValue, String wireName) {
        this.queryValue = queryValue;
        this.wireName = wireName;
    }

    /** The string an event carries for this constant. */
    public String wireName() {
        return wireName;
    }

    @Override
    public String queryValue() {
        return queryValue;
    }

    @Override
    public Value jsonValue() {
        return Value.string(wireName);
    }
}
