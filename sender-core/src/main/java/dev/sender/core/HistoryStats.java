package dev.sender.core;

/**
 * What a broker's history holds and how subscribers have used it since the broker started (SPEC §9), as the
 * server's metrics report it.
 *
 * @param retainedEvents events kept in history now, across topics
 * @param retainedBytes bytes of message JSON kept in history now, across topics (a broker that keeps its history
 *        outside this process reports what it can tell cheaply, or 0)
 * @param replaysServed subscriptions of this process that started with a replay ({@link StartAt#after} or
 *        {@link StartAt#last})
 * @param eventsReplayed messages those replays handed to their subscriptions
 * @param resumesNotRecovered subscriptions of this process started after a position whose following events were
 *        not all retained ({@link SubscriptionStart#recovered()} false): gaps the history could not fill
 */
public record HistoryStats(long retainedEvents, long retainedBytes, long replaysServed, long eventsReplayed,
        long resumesNotRecovered) {

    /** The stats of a broker that keeps no history. */
    public static final HistoryStats NONE = new HistoryStats(0, 0, 0, 0, 0);

    /**
     * These stats with what the history holds now.
     *
     * @param events events kept in history
     * @param bytes bytes of message JSON kept in history
     * @return the same counts of replays, with {@code events} and {@code bytes} retained
     */
    public HistoryStats withRetained(long events, long bytes) {
        return new HistoryStats(events, bytes, replaysServed, eventsReplayed, resumesNotRecovered);
    }
}
