package dev.sender.core.event;

/** Deepfake prediction of a face: queried as 0 or 1, carried as a string. */
public enum Deepfake implements CodedAttribute {
    /** A deepfake, 0. */
    FAKE,
    /** A real face, 1. */
    REAL;

    @Override
    public int firstCode() {
        return 0;
    }
}
