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

    /**
     * {@code subscription} went from {@code previous} to {@code current}.
     *
     * @param subscription the subscription whose state changed
     * @param previous the state it left
     * @param current the state it is in now
     */
    default void onStateChange(Subscription<?> subscription, Subscription.State previous,
            Subscription.State current) {
    }

    /**
     * A connection of {@code subscription} closed with WebSocket close {@code code}.
     *
     * @param subscription the subscription whose connection closed
     * @param code the WebSocket close code, such as 1001
     * @param reason the close reason the server gave, possibly empty
     */
    default void onClose(Subscription<?> subscription, int code, String reason) {
    }

    /**
     * The client will try to reconnect {@code subscription} in {@code delay}; {@code attempt} counts from 1.
     *
     * @param subscription the subscription that lost its connection
     * @param attempt the number of the coming attempt
     * @param delay how long the client waits before it
     */
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

    /**
     * Something went wrong with {@code subscription}; see {@link SubscriptionListener#onError(Throwable)}.
     *
     * @param subscription the subscription concerned
     * @param error what went wrong
     */
    default void onError(Subscription<?> subscription, Throwable error) {
    }
}
