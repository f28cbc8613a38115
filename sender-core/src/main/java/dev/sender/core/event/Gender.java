package dev.sender.core.event;

/** Gender estimated from a face: {@code face_attributes.basic_attributes.gender}, 0 or 1. */
public enum Gender implements NumberedAttribute {
    /** Female, 0. */
    FEMALE,
    /** Male, 1. */
    MALE
}
