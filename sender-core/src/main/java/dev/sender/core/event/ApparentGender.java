package dev.sender.core.event;

/** Gender estimated from a body: {@code basic_attributes.apparent_gender}, 0, 1 or 2. */
public enum ApparentGender implements NumberedAttribute {
    /** Female, 0. */
    FEMALE,
    /** Male, 1. */
    MALE,
    /** Not determined, 2. */
    UNDEFINED
}
