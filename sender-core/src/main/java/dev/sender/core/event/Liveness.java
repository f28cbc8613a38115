package dev.sender.core.event;

/** Liveness prediction of a face: queried as 0–2, carried as a string. */
public enum Liveness implements CodedAttribute {
    /** A spoof, 0. */
    SPOOF,
    /** A live person, 1. */
    REAL,
    /** Not determined, 2. */
    UNKNOWN;

    @Override
    public int firstCode() {
        return 0;
    }
}
