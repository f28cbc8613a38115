package dev.sender.core.event;

/** A colour of the expanded palette (upper clothing, lower garment), queried and carried by name. */
public enum ExpandedPaletteColor implements NamedAttribute {
    /** Black. */
    BLACK,
    /** Blue. */
    BLUE,
    /** Green. */
    GREEN,
    /** Gray. */
    GRAY,
    /** Orange. */
    ORANGE,
    /** Purple. */
    PURPLE,
    /** Red. */
    RED,
    /** White. */
    WHITE,
    /** Yellow. */
    YELLOW,
    /** Pink. */
    PINK,
    /** Brown. */
    BROWN,
    /** Beige. */
    BEIGE,
    /** Khaki. */
    KHAKI,
    /** Several colours. */
    MULTICOLORED,
    /** Not determined. */
    UNDEFINED
}
