package dev.sender.client;

import java.time.Duration;

/**
 * Watches the connections of every subscription of one client, for monitoring and logs; every method does
 * nothing unless overridden. Callbacks about one subscription come in order, one at a time, on a thread of the
 * client (never a Tyrus I/O thread); a callback that throws is logged and ignored.
 *
 * <pre>{@code
 * SenderClient.builder().origin(uri).connectionListener(new ConnectionListener() {
 *     @Override
 *     public void onStateChange(Subscription<?> subscription, Subscription.State previous,
 *             Subscription.State current) {
 *         log.info("{}: {} -> {}", subscription.uri(), previous, current);
 *     }
 * });
 * }</pre>
 */
public interface ConnectionListener {

    /** {@code subscription} went from {@code previous} to {@code current}. */
    default void onStateChange(Subscription<?> subscription, Subscription.State previous,
            Subscription.State current) {
    }

    /** A connection of {@code subscription} closed with WebSocket close {@code code}. */
    default void onClose(Subscription<?> subscription, int code, String reason) {
    }

    /** The client will try to reconnect {@code subscription} in {@code delay}; {@code attempt} counts from 1. */
    default void onReconnecting(Subscription<?> subscription, int attempt, Duration delay) {
    }

    /**
     * Events of {@code subscription} may be missing, whatever the way its messages are consumed; see
     * {@link SubscriptionListener#onEventsLost(EventsLostException)}.
     *
     * @param subscription the subscription that reconnected
     * @param gap what was lost, and after which position
     */
    default void onEventsLost(Subscription<?> subscription, EventsLostException gap) {
    }

    /** Something went wrong with {@code subscription}; see {@link SubscriptionListener#onError(Throwable)}. */
    default void onError(Subscription<?> subscription, Throwable error) {
    }
}
