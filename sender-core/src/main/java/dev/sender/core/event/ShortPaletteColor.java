package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** A colour of the short palette (headwear, shoes), queried and carried by name. */
public enum ShortPaletteColor implements EventAttribute {
    /** Black. */
    BLACK("black"),
    /** Another colour. */
    OTHER("other"),
    /** White. */
    WHITE("white"),
    /** Not determined. */
    UNDEFINED("undefined");

    private final String wireName;

    ShortPaletteColor(String wireName) {
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
