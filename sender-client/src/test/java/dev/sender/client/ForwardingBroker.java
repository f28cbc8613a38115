package dev.sender.client;

import dev.sender.core.Broker;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryStats;
import dev.sender.core.MessageSink;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import java.util.concurrent.CompletionStage;

/** A broker that forwards every call to {@link #delegate()}: a test broker overrides only what it changes. */
interface ForwardingBroker extends Broker {

    /** The broker that does the work. */
    Broker delegate();

    @Override
    default CompletionStage<Void> publish(Publication publication) {
        return delegate().publish(publication);
    }

    @Override
    default Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        return delegate().subscribe(topic, filter, sink, delivery);
    }

    @Override
    default CompletionStage<Void> checkHealth() {
        return delegate().checkHealth();
    }

    @Override
    default DeliveryStats stats() {
        return delegate().stats();
    }

    @Override
    default String name() {
        return delegate().name();
    }

    @Override
    default void close() {
        delegate().close();
    }
}
