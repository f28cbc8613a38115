package dev.sender.core.event;

import dev.sender.core.filter.Value;
import java.util.Locale;

/**
 * An enumerated attribute that queries and events both write as its name in lower case, such as
 * {@link ShortPaletteColor#BLACK}: {@code headwear_colors=black} in a query, {@code "black"} in an event.
 */
public interface NamedAttribute extends EventAttribute {

    /** {@return the constant's name, as {@link Enum#name()} gives it} */
    String name();

    /** {@return the string an event carries for this constant, and its query-string token} */
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    default String queryValue() {
        return wireName();
    }

    @Override
    default Value jsonValue() {
        return Value.string(wireName());
    }
}
