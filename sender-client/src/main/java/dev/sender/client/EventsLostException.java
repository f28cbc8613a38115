package dev.sender.client;

import dev.sender.core.Position;
import org.jspecify.annotations.Nullable;

/**
 * Events of a subscription may be missing: the subscription reconnected, and the server could not replay everything
 * published while it was away (SPEC §9). Either its history no longer held the position the client resumed from
 * (the {@code 101} said {@code Sender-Recovered: false}: the connection was away longer than the server's
 * {@code history-ttl}, more than {@code history-size} events came meanwhile, or the history was lost with its
 * Redis), or the server keeps no history at all, so that whatever was published during the reconnect is gone.
 *
 * <p>The subscription goes on: after a gap in the history, with the oldest event the server still held. The
 * application hears of the gap once, in its place among the messages:
 *
 * <ul>
 *   <li>{@link Subscription#next()} and {@link Subscription#next(java.time.Duration)} throw it once, after the
 *       messages received before the gap; the next call returns the first message after it;
 *   <li>the terminal operation of a {@link Subscription#stream()} throws it; a new stream continues after the gap;
 *   <li>a {@link SubscriptionListener} gets {@link SubscriptionListener#onEventsLost(EventsLostException)};
 *   <li>a Flow subscriber of {@link Subscription#publisher()} gets {@code onError} with it, which ends the Flow
 *       subscription (Reactive Streams errors are terminal), so the subscription closes;
 *   <li>the client's {@link ConnectionListener} gets {@link ConnectionListener#onEventsLost}, whatever the way of
 *       consuming.
 * </ul>
 *
 * <pre>{@code
 * while (true) {
 *     try {
 *         show(subscription.next());
 *     } catch (EventsLostException e) {
 *         log.warn("some events were missed after {}", e.after());
 *     }
 * }
 * }</pre>
 *
 * <p>It has status 0 and error code 0: it is no error answer of the server.
 */
public final class EventsLostException extends SenderException {

    private static final long serialVersionUID = 1L;

    /** The position after which events may be missing; null when there was none. */
    private final transient @Nullable Position after;

    /**
     * Events may be missing after {@code after}.
     *
     * @param message what happened
     * @param after the last position the subscription had received (or started from); null when there was none, or
     *     when the server keeps no history
     */
    public EventsLostException(String message, @Nullable Position after) {
        super(message, null, 0, 0, "", message, null);
        this.after = after;
    }

    /**
     * Where the missing events start.
     *
     * @return the last position the subscription had received (or started from) before the gap; null when it had
     *     none, or when the server keeps no history
     */
    public @Nullable Position after() {
        return after;
    }
}
