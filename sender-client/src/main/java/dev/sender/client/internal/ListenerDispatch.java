package dev.sender.client.internal;

import dev.sender.client.ConnectionListener;
import dev.sender.client.EventsLostException;
import dev.sender.client.SenderException;
import dev.sender.client.Subscription;
import dev.sender.client.SubscriptionListener;
import dev.sender.core.event.EventMessage;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the listeners of one subscription what happens to it: the client's {@link ConnectionListener} and, when the
 * subscription was opened with one, its {@link SubscriptionListener}, which also receives the messages. Every
 * callback runs on the subscription's serial executor, in the order it was queued; one that throws is logged and
 * stops neither the other listener nor later callbacks.
 *
 * <p>Takes no lock, so it may be called under any; it never calls back into its callers.
 */
final class ListenerDispatch<M extends EventMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatch.class);

    /** The subscription the callbacks are about. */
    private final Subscription<M> subscription;
    private final URI uri;
    private final Function<String, M> parser;
    private final @Nullable SubscriptionListener<? super M> listener;
    private final ConnectionListener connectionListener;
    private final int capacity;
    /** Runs every callback of the subscription, in order; shared with its Flow publisher. */
    private final Executor callbacks;
    /** Messages queued for {@link #listener} and not yet handed to it; at most {@link #capacity}. */
    private final AtomicInteger backlog = new AtomicInteger();

    ListenerDispatch(Subscription<M> subscription, URI uri, Function<String, M> parser,
            @Nullable SubscriptionListener<? super M> listener, ConnectionListener connectionListener, int capacity,
            Executor callbacks) {
        this.subscription = subscription;
        this.uri = uri;
        this.parser = parser;
        this.listener = listener;
        this.connectionListener = connectionListener;
        this.capacity = capacity;
        this.callbacks = callbacks;
    }

    void stateChanged(Subscription.State previous, Subscription.State current) {
        emit(l -> l.onStateChange(subscription, previous, current), l -> l.onStateChange(previous, current));
    }

    void opened() {
        emit(null, l -> l.onOpen(subscription));
    }

    void closed(int code, String reason) {
        emit(l -> l.onClose(subscription, code, reason), l -> l.onClose(code, reason));
    }

    void failed(Throwable error) {
        emit(l -> l.onError(subscription, error), l -> l.onError(error));
    }

    void eventsLost(EventsLostException gap) {
        emit(l -> l.onEventsLost(subscription, gap), l -> l.onEventsLost(gap));
    }

    void reconnecting(int attempt, Duration delay) {
        emit(l -> l.onReconnecting(subscription, attempt, delay), null);
    }

    /**
     * Queues {@code text} for the subscription listener, to be parsed on the callback thread; false when
     * {@code capacity} messages are waiting for it already.
     */
    boolean offer(String text) {
        if (backlog.getAndUpdate(waiting -> waiting < capacity ? waiting + 1 : waiting) >= capacity) {
            return false;
        }
        callbacks.execute(() -> deliver(text));
        return true;
    }

    private void deliver(String text) {
        backlog.decrementAndGet();
        M message = read(text);
        SubscriptionListener<? super M> target = listener;
        if (message != null && target != null) {
            safely(() -> target.onMessage(message), "subscription listener");
        }
    }

    /** The message {@code text} reads as, or null when it does not read; that is logged and reported as an error. */
    @Nullable M read(String text) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            SenderException error = new SenderException("a message of " + uri + " is not a valid event message: "
                    + e.getMessage(), null, e);
            LOG.warn("{}; skipped", error.getMessage());
            failed(error);
            return null;
        }
    }

    private void emit(@Nullable Consumer<ConnectionListener> toConnection,
            @Nullable Consumer<SubscriptionListener<? super M>> toListener) {
        SubscriptionListener<? super M> target = listener;
        callbacks.execute(() -> {
            if (toConnection != null) {
                safely(() -> toConnection.accept(connectionListener), "connection listener");
            }
            if (target != null && toListener != null) {
                safely(() -> toListener.accept(target), "subscription listener");
            }
        });
    }

    private void safely(Runnable callback, String who) {
        try {
            callback.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("the {} of {} failed", who, uri, e);
        }
    }
}
