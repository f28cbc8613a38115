package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** A colour of the expanded palette (upper clothing, lower garment), queried and carried by name. */
public enum ExpandedPaletteColor implements EventAttribute {
    /** Black. */
    BLACK("black"),
    /** Blue. */
    BLUE("blue"),
    /** Green. */
    GREEN("green"),
    /** Gray. */
    GRAY("gray"),
    /** Orange. */
    ORANGE("orange"),
    /** Purple. */
    PURPLE("purple"),
    /** Red. */
    RED("red"),
    /** White. */
    WHITE("white"),
    /** Yellow. */
    YELLOW("yellow"),
    /** Pink. */
    PINK("pink"),
    /** Brown. */
    BROWN("brown"),
    /** Beige. */
    BEIGE("beige"),
    /** Khaki. */
    KHAKI("khaki"),
    /** Several colours. */
    MULTICOLORED("multicolored"),
    /** Not determined. */
    UNDEFINED("undefined");

    private final String wireName;

    ExpandedPaletteColor(String wireName) {
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
