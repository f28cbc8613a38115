package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Type of lower garment, queried and carried by name. */
public enum LowerGarmentType implements EventAttribute {
    /** Trousers. */
    TROUSERS("trousers"),
    /** Shorts. */
    SHORTS("shorts"),
    /** A skirt. */
    SKIRT("skirt"),
    /** Not determined. */
    UNDEFINED("undefined");

    private final String wireName;

    LowerGarmentType(String wireName) {
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
