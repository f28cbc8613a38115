package dev.sender.core.event;

/** Predominant mask state of a face: queried as 1–3, carried as a string. */
public enum Mask implements CodedAttribute {
    /** A medical mask, 1. */
    MEDICAL_MASK,
    /** No mask, 2. */
    MISSING,
    /** Face occluded by something else, 3. */
    OCCLUDED;

    @Override
    public int firstCode() {
        return 1;
    }
}
