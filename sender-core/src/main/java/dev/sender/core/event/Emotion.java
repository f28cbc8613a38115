package dev.sender.core.event;

import dev.sender.core.filter.Value;

/** Predominant emotion of a face: queried as 1–7, carried as a string. */
public enum Emotion implements EventAttribute {
    /** Anger, 1. */
    ANGER("1", "anger"),
    /** Disgust, 2. */
    DISGUST("2", "disgust"),
    /** Fear, 3. */
    FEAR("3", "fear"),
    /** Happiness, 4. */
    HAPPINESS("4", "happiness"),
    /** Neutral, 5. */
    NEUTRAL("5", "neutral"),
    /** Sadness, 6. */
    SADNESS("6", "sadness"),
    /** Surprise, 7. */
    SURPRISE("7", "surprise");

    private final String queryValue;
    private final String wireName;

    Emotion(String queryValue, String wireName) {
        this.queryValue = queryValue;
        this.wireName = wireName;
    }

    /** The string an event carries for this constant. */
    public String wireName() {
        return wireName;
    }

    @Override
    public String queryValue() {
        return queryValue;
    }

    @Override
    public Value jsonValue() {
        return Value.string(wireName);
    }
}
