package dev.sender.core.internal;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.DeliveryStats;
import dev.sender.core.HistoryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.MessageSink;
import dev.sender.core.StartAt;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.history.InMemoryHistory;
import dev.sender.core.spi.LocalDispatcher;
import dev.sender.core.spi.TopicListener;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * {@link Broker#inMemory()}: publications go straight to the local dispatcher, through the history when the
 * broker keeps one.
 */
public final class InMemoryBroker implements Broker {

    private final LocalDispatcher dispatcher;
    private final HistoryOptions historyOptions;
    /** Null when the broker keeps no history. */
    private final @Nullable InMemoryHistory history;
    private volatile boolean closed;

    /** A broker whose queued subscriptions have the limits of {@code options}, keeping {@code history}. */
    public InMemoryBroker(DeliveryOptions options, HistoryOptions history) {
        this.dispatcher = LocalDispatcher.create(options, TopicListener.NONE);
        this.historyOptions = Objects.requireNonNull(history, "history");
        this.history = history.enabled() ? new InMemoryHistory(history, dispatcher) : null;
    }

    @Override
    public CompletionStage<Void> publish(Publication publication) {
        Objects.requireNonNull(publication, "publication");
        if (closed) {
            return CompletableFuture.failedFuture(new BrokerException("the broker is closed"));
        }
        if (history != null) {
            history.publish(publication);
        } else {
            dispatcher.dispatch(publication);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        return subscribe(topic, filter, sink, delivery, StartAt.live());
    }

    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery, StartAt start) {
        Objects.requireNonNull(start, "start");
        if (history != null) {
            return history.subscribe(topic, filter, sink, delivery, start);
        }
        if (start != StartAt.live()) {
            throw new BrokerException("the in-memory broker keeps no history (history size 0)");
        }
        return dispatcher.subscribe(topic, filter, sink, delivery);
    }

    @Override
    public HistoryOptions history() {
        return historyOptions;
    }

    @Override
    public HistoryStats historyStats() {
        return history != null ? history.stats() : HistoryStats.NONE;
    }

    @Override
    public CompletionStage<Void> checkHealth() {
        return closed ? CompletableFuture.failedFuture(new BrokerException("the broker is closed"))
                : CompletableFuture.completedFuture(null);
    }

    @Override
    public DeliveryStats stats() {
        return dispatcher.stats();
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.close();
    }

    @Override
    public String toString() {
        return "InMemoryBroker" + dispatcher.subscriptionCounts();
    }
}
