package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Whether a body item (headwear, backpack) is there: {@code state}, 0, 1 or 2. */
public enum PresenceState implements EventAttribute {
    /** Absent, 0. */
    ABSENT(0),
    /** Present, 1. */
    PRESENT(1),
    /** Not determined, 2. */
    UNDEFINED(2);

    private final int code;

    PresenceState(int code) {
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
