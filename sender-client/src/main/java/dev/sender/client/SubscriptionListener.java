package dev.sender.client;

/**
 * Receives what happens to one subscription; every method does nothing unless overridden. Callbacks come in
 * order, one at a time, on a thread of the client (never a Tyrus I/O thread); a callback that throws is logged
 * and does not stop delivery. A slow listener holds back only its own subscription, whose buffer
 * ({@link SenderClient.Builder#messageBuffer(int)}) fails the subscription when it fills up.
 *
 * <pre>{@code
 * client.subscribe(HandlerEventFilter.builder().gender(Gender.MALE).build(), new SubscriptionListener<>() {
 *     @Override
 *     public void onMessage(HandlerEventMessage message) {
 *         System.out.println(message.toJson());
 *     }
 *
 *     @Override
 *     public void onError(Throwable error) {
 *         System.err.println(error);
 *     }
 * });
 * }</pre>
 *
 * <p>For one subscription the calls read, for instance:
 * {@code onStateChange(CONNECTING, OPEN)}, {@code onOpen}, {@code onMessage}..., {@code onClose(1001, ...)},
 * {@code onStateChange(OPEN, RECONNECTING)}, {@code onStateChange(RECONNECTING, OPEN)}, {@code onOpen},
 * {@code onMessage}..., {@code onClose(1000, ...)}, {@code onStateChange(OPEN, CLOSED)}.
 *
 * @param <M> the message type
 */
public interface SubscriptionListener<M> {

    /**
     * A connection opened: the first one, or one that replaced a lost connection. The subscription is the same
     * handle {@code subscribe} returns.
     *
     * @param subscription the subscription whose connection opened
     */
    default void onOpen(Subscription<? extends M> subscription) {
    }

    /**
     * A message arrived.
     *
     * @param message the message, parsed
     */
    default void onMessage(M message) {
    }

    /**
     * A connection closed with WebSocket close {@code code}: 1001 when the server shut down, 4008 when the server
     * found this subscriber too slow, 1006 when the connection dropped without a close, 1000 when the application
     * closed the subscription. A state change to {@code RECONNECTING} or {@code CLOSED} follows.
     *
     * @param code the WebSocket close code
     * @param reason the close reason the server gave, possibly empty
     */
    default void onClose(int code, String reason) {
    }

    /**
     * Something went wrong: a reconnect attempt failed (the subscription tries again while its state is
     * {@code RECONNECTING}), or the subscription failed for good (a {@link SubscriptionClosedException}, followed
     * by the change to {@code CLOSED}).
     *
     * @param error what went wrong
     */
    default void onError(Throwable error) {
    }

    /**
     * Events may be missing here: the subscription reconnected and the server could not replay all it missed (see
     * {@link EventsLostException}). Comes after the messages received before the gap and before those after it; the
     * subscription goes on.
     *
     * @param gap what was lost, and after which position
     */
    default void onEventsLost(EventsLostException gap) {
    }

    /**
     * The subscription went from {@code previous} to {@code current}.
     *
     * @param previous the state it left
     * @param current the state it is in now
     */
    default void onStateChange(Subscription.State previous, Subscription.State current) {
    }
}
