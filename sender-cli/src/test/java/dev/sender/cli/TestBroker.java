package dev.sender.cli;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory broker that tells how many subscriptions are open, so that a test publishes once the CLI has
 * subscribed and sees it leave; and that can report itself unhealthy.
 */
final class TestBroker implements Broker {

    private final Broker delegate;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final boolean healthy;

    private TestBroker(boolean healthy, HistoryOptions history) {
        this.healthy = healthy;
        this.delegate = Broker.inMemory(DeliveryOptions.ofDefaults(), history);
    }

    /** A broker that works, keeping no history: messages are exactly those of LUNA. */
    static TestBroker healthy() {
        return new TestBroker(true, HistoryOptions.OFF);
    }

    /** A broker that works and keeps the default history (SPEC §9). */
    static TestBroker withHistory() {
        return new TestBroker(true, HistoryOptions.ofDefaults());
    }

    /** A broker whose health check fails, as one whose Redis is down. */
    static TestBroker unhealthy() {
        return new TestBroker(false, HistoryOptions.OFF);
    }

    /** The subscriptions to {@code topic} open now. */
    long openSubscriptions(Topic topic) {
        return subscriptions.stream().filter(s -> s.isOpen() && s.topic().equals(topic)).count();
    }

    @Override
    public CompletionStage<Void> publish(Publication publication) {
        return delegate.publish(publication);
    }

    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        Subscription subscription = delegate.subscribe(topic, filter, sink, delivery);
        subscriptions.add(subscription);
        return subscription;
    }

    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery, StartAt start) {
        Subscription subscription = delegate.subscribe(topic, filter, sink, delivery, start);
        subscriptions.add(subscription);
        return subscription;
    }

    @Override
    public HistoryOptions history() {
        return delegate.history();
    }

    @Override
    public HistoryStats historyStats() {
        return delegate.historyStats();
    }

    @Override
    public CompletionStage<Void> checkHealth() {
        return healthy ? delegate.checkHealth()
                : CompletableFuture.failedFuture(new BrokerException("Redis at redis://127.0.0.1:1 is unreachable"));
    }

    @Override
    public DeliveryStats stats() {
        return delegate.stats();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
