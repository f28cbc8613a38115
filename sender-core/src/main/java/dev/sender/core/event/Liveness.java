package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Liveness prediction of a face: queried as 0–2, carried as a string. */
public enum Liveness implements EventAttribute {
    /** A spoof, 0. */
    SPOOF("0", "spoof"),
    /** A live person, 1. */
    REAL("1", "real"),
    /** Not determined, 2. */
    UNKNOWN("2", "unknown");

    private final String queryValue;
    private final String wireName;

    Liveness(String queryValue, String wireName) {
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
