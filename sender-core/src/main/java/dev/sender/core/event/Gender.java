package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Gender estimated from a face: {@code face_attributes.basic_attributes.gender}, 0 or 1. */
public enum Gender implements EventAttribute {
    /** Female, 0. */
    FEMALE(0),
    /** Male, 1. */
    MALE(1);

    private final int code;

    Gender(int code) {
        this.code = code;
    }

    /** The integer LUNA uses for this constant, in queries and in events alike. */
    public int code() {
        return code;
    }

    @Override
    public String queryValue() {
        return Integer.toString(code);
    }

    @Override
    public Value jsonValue() {
        return Value.number(code);
    }
}
