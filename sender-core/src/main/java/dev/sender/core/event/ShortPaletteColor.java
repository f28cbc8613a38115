package dev.sender.core.event;

/** A colour of the short palette (headwear, shoes), queried and carried by name. */
public enum ShortPaletteColor implements NamedAttribute {
    /** Black. */
    BLACK,
    /** Another colour. */
    OTHER,
    /** White. */
    WHITE,
    /** Not determined. */
    UNDEFINED
}
