package dev.sender.cli;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryStats;
import dev.sender.core.MessageSink;
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

    private final Broker delegate = Broker.inMemory();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final boolean healthy;

    private TestBroker(boolean healthy) {
        this.healthy = healthy;
    }

    /** A broker that works. */
    static TestBroker healthy() {
        return new TestBroker(true);
    }

    /** A broker whose health check fails, as one whose Redis is down. */
    static TestBroker unhealthy() {
        return new TestBroker(false);
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
