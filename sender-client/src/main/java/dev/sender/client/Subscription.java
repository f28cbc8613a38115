package dev.sender.client;

import dev.sender.core.event.EventMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * One subscription to a Sender server: a WebSocket that receives the messages its filters let through, and that
 * the client reopens, with the same filters, when the connection is lost (see {@link ReconnectPolicy}). Close it
 * when done; closing the client closes it too.
 *
 * <p>Messages are consumed one way per subscription:
 *
 * <ul>
 *   <li>pulled: {@link #next()} (the {@code recv()} of LUNA's Python client), {@link #next(Duration)} or
 *       {@link #stream()}, which share one buffer;
 *   <li>pushed with back-pressure: {@link #publisher()};
 *   <li>pushed to the {@link SubscriptionListener} the subscription was opened with.
 * </ul>
 *
 * <p>Each message carries its {@linkplain EventMessage#position() position} when the server keeps history; a
 * subscription resumes from the last one after a reconnect (see {@link SenderClient}). When events were lost in
 * between, the application is told once, in their place, with an {@link EventsLostException}.
 *
 * <p>Messages received and not yet consumed wait in a buffer of
 * {@link SenderClient.Builder#messageBuffer(int)} messages. When the application lets it fill up, the
 * subscription fails with a {@link SenderException} saying so, rather than dropping messages silently.
 *
 * <pre>{@code
 * try (Subscription<HandlerEventMessage> men = client.subscribe(Map.of("gender", 1))) {
 *     for (int i = 0; i < 3; i++) {
 *         HandlerEventMessage message = men.next();
 *         System.out.println(message.event().age() + " " + message.toJson());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @param <M> the message type: {@code HandlerEventMessage} or {@code GeneralEventMessage}
 */
public interface Subscription<M extends EventMessage> extends AutoCloseable {

    /** Where a subscription is in its life. */
    enum State {
        /** Opening its first connection. */
        CONNECTING,
        /** Connected: messages arrive. */
        OPEN,
        /**
         * The connection was lost; waiting to try again, or trying. Messages published meanwhile come once it is open
         * again, when the server keeps history; otherwise they are missed, and an {@link EventsLostException} says so.
         */
        RECONNECTING,
        /** Closed for good: by the application, or because it failed or could not reconnect. */
        CLOSED
    }

    /**
     * The next message, waiting as long as it takes. Messages received before the subscription closed are still
     * returned after it closed.
     *
     * @return the message
     * @throws SubscriptionClosedException when the subscription is closed for good and no message is left; it
     *     says why, and carries the server's error when a refused handshake ended it
     * @throws EventsLostException once, in the place of events that were lost; the next call goes on
     * @throws SenderException when the waiting thread is interrupted (its interrupt flag is set again)
     * @throws IllegalStateException when the subscription delivers to a listener or a {@link #publisher()}
     */
    M next();

    /**
     * The next message, or empty when none arrived within {@code timeout}.
     *
     * @param timeout the longest to wait
     * @return the message, or empty when the time ran out
     * @throws SubscriptionClosedException when the subscription is closed for good and no message is left
     * @throws EventsLostException once, in the place of events that were lost; the next call goes on
     * @throws SenderException when the waiting thread is interrupted (its interrupt flag is set again)
     * @throws IllegalStateException when the subscription delivers to a listener or a {@link #publisher()}
     */
    Optional<M> next(Duration timeout);

    /**
     * The messages as a sequential stream that blocks for each next one. It ends when the application closes the
     * subscription (closing the stream does); when the subscription fails, the terminal operation throws the
     * {@link SubscriptionClosedException} that {@link #next()} would. At a gap it throws the
     * {@link EventsLostException}; the subscription goes on, and a new stream continues after the gap.
     *
     * <pre>{@code
     * subscription.stream().filter(m -> m.event().age().orElse(0) > 40).limit(10).forEach(System.out::println);
     * }</pre>
     *
     * @return a stream of the messages, which closes the subscription when closed
     * @throws IllegalStateException when the subscription delivers to a listener or a {@link #publisher()}
     */
    Stream<M> stream();

    /**
     * The messages as a {@link Flow.Publisher} for one subscriber, which receives no more messages than it
     * requested; messages wait in the buffer meanwhile. Cancelling closes the subscription. Once the application
     * closes the subscription, the subscriber receives the remaining messages as it requests them, then
     * {@code onComplete}. When the subscription fails (the buffer overflowed, or the server refused to
     * resubscribe, say), it receives the messages that had arrived as far as its outstanding demand goes, then
     * {@code onError} with a {@link SubscriptionClosedException} without waiting for more demand; messages that
     * had arrived beyond that demand are dropped. At a gap, it receives {@code onError} with the
     * {@link EventsLostException} and the subscription closes, since an error ends a Flow subscription. Signals come
     * in order from one thread at a time, never a Tyrus I/O thread.
     *
     * <p>A second subscriber, or one after {@link #next()} was used, receives {@code onError} with an
     * {@link IllegalStateException}.
     *
     * @return the publisher
     */
    Flow.Publisher<M> publisher();

    /** {@return where the subscription is in its life now} */
    State state();

    /**
     * {@return the WebSocket URI this subscription connects to, with the query string of its filters}; each
     * connection adds the history parameters of its start ({@code history=1}, {@code since=...}, {@code rewind=...}).
     */
    URI uri();

    /**
     * Closes the subscription (WebSocket close 1000) and keeps it closed; idempotent. Messages already received
     * can still be taken with {@link #next()}; a listener receives those already received, then the close.
     */
    @Override
    void close();
}
