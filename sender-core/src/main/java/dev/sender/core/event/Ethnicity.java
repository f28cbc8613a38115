package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Predominant ethnicity of a face: queried as 1–4, carried as a string. */
public enum Ethnicity implements EventAttribute {
    /** African American, 1. */
    AFRICAN_AMERICAN("1", "african_american"),
    /** Asian, 2. */
    ASIAN("2", "asian"),
    /** Caucasian, 3. */
    CAUCASIAN("3", "caucasian"),
    /** Indian, 4. */
    INDIAN("4", "indian");

    private final String queryValue;
    private final String wireName;

    Ethnicity(String queryValue, String wireName) {
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
