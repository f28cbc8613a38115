package dev.sender.client.internal;

import dev.sender.client.EventsLostException;
import dev.sender.client.SenderException;
import dev.sender.client.Subscription;
import dev.sender.client.SubscriptionClosedException;
import dev.sender.client.SubscriptionListener;
import dev.sender.core.event.EventMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A subscription, composed of its {@link ConnectionStateMachine} (its WebSocket connections, one at a time,
 * reopened after a loss), its {@link MessageBuffer} (received messages, for {@link #next()} and {@link #stream()}),
 * its {@link FlowPublisher} and its {@link ListenerDispatch}. Here the application's way of consuming is decided,
 * once.
 *
 * <p>Tyrus threads only hand frames over; parsing and every callback happen on the consumer's thread or on the
 * client's callback pool, through one serial executor that keeps them in order.
 */
final class RealSubscription<M extends EventMessage> implements Subscription<M> {

    /** How messages are consumed; decided by the first consumer and fixed from then on. */
    private enum Mode { UNDECIDED, PULL, FLOW, LISTENER }

    private final RealSenderClient client;
    private final URI uri;
    private final AtomicReference<Mode> mode;
    private final ListenerDispatch<M> listeners;
    /** Received messages, unless they go to a listener. */
    private final MessageBuffer<M> buffer;
    private final FlowPublisher<M> flow;
    private final ConnectionStateMachine connections;

    RealSubscription(RealSenderClient client, Resumption resumption, URI uri, Map<String, String> headers,
            Function<String, M> parser, @Nullable SubscriptionListener<? super M> listener) {
        this.client = client;
        this.uri = uri;
        this.mode = new AtomicReference<>(listener == null ? Mode.UNDECIDED : Mode.LISTENER);
        ClientSettings settings = client.settings();
        SerialExecutor callbacks = new SerialExecutor(client.callbackPool());
        this.listeners = new ListenerDispatch<>(this, uri, parser, listener, settings.connectionListener(),
                settings.messageBuffer(), callbacks);
        this.buffer = new MessageBuffer<>(uri, settings.messageBuffer(), listeners::read);
        this.flow = new FlowPublisher<>(uri, buffer, listeners::read, callbacks, this::closeBy);
        Consumer<EventsLostException> gaps = listener == null ? gap -> {
            listeners.eventsLost(gap);
            buffer.offerGap(gap);
        } : listeners::eventsLost;
        this.connections = new ConnectionStateMachine(client, uri, headers, listeners,
                listener == null ? buffer::offer : listeners::offer, this::closed, resumption, gaps);
    }

    /**
     * Opens the first connection; returns once it is open.
     *
     * @throws SenderException when the handshake is refused or the server cannot be reached
     */
    void open() {
        connections.open();
    }

    @Override
    public void close() {
        closeBy("the application closed the subscription", "closed by the application");
    }

    /** Closes for good on behalf of the application (or its client), with close 1000 and {@code reason}. */
    void closeBy(String why, String reason) {
        connections.close(why, reason);
    }

    /** Under the state machine's lock: the subscription closed for good. */
    private void closed(SubscriptionClosedException why) {
        buffer.close(why);
        client.forget(this);
    }

    @Override
    public M next() {
        use(Mode.PULL);
        return buffer.next(-1).orElseThrow();
    }

    @Override
    public Optional<M> next(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        use(Mode.PULL);
        return buffer.next(MessageBuffer.nanos(timeout));
    }

    @Override
    public Stream<M> stream() {
        use(Mode.PULL);
        return buffer.stream().onClose(this::close);
    }

    @Override
    public Flow.Publisher<M> publisher() {
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            String refusal = refusal(Mode.FLOW);
            if (refusal == null) {
                flow.subscribe(subscriber);
            } else {
                FlowPublisher.reject(subscriber, refusal);
            }
        };
    }

    /** Fixes the consumption mode, or refuses a second one. */
    private void use(Mode wanted) {
        String refusal = refusal(wanted);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
    }

    /** Fixes the consumption mode and returns null, or says why {@code wanted} is refused. */
    private @Nullable String refusal(Mode wanted) {
        Mode decided = mode.compareAndExchange(Mode.UNDECIDED, wanted);
        if (decided == Mode.UNDECIDED || decided == wanted) {
            return null;
        }
        return switch (decided) {
            case LISTENER -> "the messages of this subscription go to its listener";
            case FLOW -> "the messages of this subscription go to its Flow subscriber";
            default -> "the messages of this subscription are taken with next() or stream(); "
                    + "publisher() is not available";
        };
    }

    @Override
    public State state() {
        return connections.state();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public String toString() {
        return "Subscription[" + uri + ", " + state() + "]";
    }
}
