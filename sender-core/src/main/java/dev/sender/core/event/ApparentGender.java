package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Gender estimated from a body: {@code basic_attributes.apparent_gender}, 0, 1 or 2. */
public enum ApparentGender implements EventAttribute {
    /** Female, 0. */
    FEMALE(0),
    /** Male, 1. */
    MALE(1),
    /** Not determined, 2. */
    UNDEFINED(2);

    private final int code;

    ApparentGender(int code) {
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
