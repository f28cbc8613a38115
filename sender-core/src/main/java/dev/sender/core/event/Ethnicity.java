package dev.sender.core.event;

/** Predominant ethnicity of a face: queried as 1–4, carried as a string. */
public enum Ethnicity implements CodedAttribute {
    /** African American, 1. */
    AFRICAN_AMERICAN,
    /** Asian, 2. */
    ASIAN,
    /** Caucasian, 3. */
    CAUCASIAN,
    /** Indian, 4. */
    INDIAN;

    @Override
    public int firstCode() {
        return 1;
    }
}
