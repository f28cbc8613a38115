package dev.sender.core;

import org.jspecify.annotations.Nullable;

/**
 * Where a subscription starts (SPEC §9): live, or with a replay of retained events that match its filter,
 * followed by live events with none twice and none missing between the two.
 */
public sealed interface StartAt {

    /**
     * Live events only: what LUNA does.
     *
     * @return the live start
     */
    static StartAt live() {
        return Live.INSTANCE;
    }

    /**
     * The retained events after {@code position}, then live ones.
     *
     * @param position the last position the subscriber had; {@code null} for "before the oldest retained event"
     * @return the start
     */
    static StartAt after(@Nullable Position position) {
        return new After(position);
    }

    /**
     * The last {@code count} retained events that match, then live ones.
     *
     * @param count how many events to replay at most, at least 1
     * @return the start
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    static StartAt last(int count) {
        return new Last(count);
    }

    /** Live events only. */
    enum Live implements StartAt {
        /** The only instance. */
        INSTANCE
    }

    /**
     * The retained events after a position, then live ones.
     *
     * @param position the last position the subscriber had; {@code null} for "before the oldest retained event"
     */
    record After(@Nullable Position position) implements StartAt {
    }

    /**
     * The last {@code count} retained events that match, then live ones.
     *
     * @param count how many events to replay at most, at least 1
     */
    record Last(int count) implements StartAt {

        /**
         * Checks the count.
         *
         * @param count how many events to replay at most, at least 1
         */
        public Last {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1: " + count);
            }
        }
    }
}
