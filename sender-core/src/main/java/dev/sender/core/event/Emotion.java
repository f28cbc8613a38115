package dev.sender.core.event;

/** Predominant emotion of a face: queried as 1–7, carried as a string. */
public enum Emotion implements CodedAttribute {
    /** Anger, 1. */
    ANGER,
    /** Disgust, 2. */
    DISGUST,
    /** Fear, 3. */
    FEAR,
    /** Happiness, 4. */
    HAPPINESS,
    /** Neutral, 5. */
    NEUTRAL,
    /** Sadness, 6. */
    SADNESS,
    /** Surprise, 7. */
    SURPRISE;

    @Override
    public int firstCode() {
        return 1;
    }
}
