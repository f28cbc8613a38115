package dev.sender.core;

import org.jspecify.annotations.Nullable;

/**
 * What a subscription found in its topic's history when it started (SPEC §9): the server's
 * {@code Sender-Position} and {@code Sender-Recovered} headers.
 *
 * @param latest the position of the topic's latest event when the subscription started, also when that event is no
 *        longer retained (so that resuming after it tells whether anything since was lost); {@code null} when the
 *        topic had no event the broker knows of, or the broker keeps no history
 * @param recovered for a subscription {@linkplain StartAt#after(Position) started after a position}: whether every
 *        event after it was still retained, so that the replay misses none; true for other starts with history,
 *        false without history
 */
public record SubscriptionStart(@Nullable Position latest, boolean recovered) {

    /** The start of a subscription to a broker that keeps no history. */
    public static final SubscriptionStart NO_HISTORY = new SubscriptionStart(null, false);
}
