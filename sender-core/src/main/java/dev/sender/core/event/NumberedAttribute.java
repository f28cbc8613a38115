package dev.sender.core.event;

import dev.sender.core.filter.Value;

/**
 * An enumerated attribute that queries and events both write as a number: the constant's position, from 0, as
 * {@link Gender#MALE} is {@code gender=1} in a query and {@code 1} in an event. Constants are declared in
 * LUNA's order, which the tests of every enumerated value pin.
 */
public interface NumberedAttribute extends EventAttribute {

    /** {@return the constant's position, as {@link Enum#ordinal()} gives it} */
    int ordinal();

    /** {@return the integer LUNA uses for this constant, in queries and in events alike} */
    default int code() {
        return ordinal();
    }

    @Override
    default String queryValue() {
        return Integer.toString(code());
    }

    @Override
    default Value jsonValue() {
        return Value.number(code());
    }
}
