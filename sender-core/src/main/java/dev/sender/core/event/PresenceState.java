package dev.sender.core.event;

/** Whether a body item (headwear, backpack) is there: {@code state}, 0, 1 or 2. */
public enum PresenceState implements NumberedAttribute {
    /** Absent, 0. */
    ABSENT,
    /** Present, 1. */
    PRESENT,
    /** Not determined, 2. */
    UNDEFINED
}
