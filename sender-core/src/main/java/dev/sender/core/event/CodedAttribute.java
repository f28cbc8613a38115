package dev.sender.core.event;

import dev.sender.core.filter.Value;
import java.util.Locale;

/**
 * An enumerated attribute that a query writes as a number and an event as its name in lower case, as
 * {@link Emotion#HAPPINESS} is {@code emotions=4} in a query and {@code "happiness"} in an event. LUNA numbers
 * the constants in the order they are declared, from {@link #firstCode()}.
 */
public interface CodedAttribute extends EventAttribute {

    /** {@return the constant's name, as {@link Enum#name()} gives it} */
    String name();

    /** {@return the constant's position, as {@link Enum#ordinal()} gives it} */
    int ordinal();

    /** {@return the number of the first constant: LUNA counts some attributes from 0 and others from 1} */
    int firstCode();

    /** {@return the number that stands for this constant in a query string} */
    default int code() {
        return firstCode() + ordinal();
    }

    /** {@return the string an event carries for this constant} */
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    default String queryValue() {
        return Integer.toString(code());
    }

    @Override
    default Value jsonValue() {
        return Value.string(wireName());
    }
}
