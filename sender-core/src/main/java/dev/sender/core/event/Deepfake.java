package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Deepfake prediction of a face: queried as 0 or 1, carried as a string. */
public enum Deepfake implements EventAttribute {
    /** A deepfake, 0. */
    FAKE("0", "fake"),
    /** A real face, 1. */
    REAL("1", "real");

    private final String queryValue;
    private final String wireName;

    Deepfake(String queryValue, String wireName) {
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
