package dev.sender.core.event;

/** Type of lower garment, queried and carried by name. */
public enum LowerGarmentType implements NamedAttribute {
    /** Trousers. */
    TROUSERS,
    /** Shorts. */
    SHORTS,
    /** A skirt. */
    SKIRT,
    /** Not determined. */
    UNDEFINED
}
