package dev.sender.client;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.MessageSink;
import dev.sender.core.Topic;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A broker that fails as one that lost Redis would ({@code redis is down}), for publications, subscriptions or
 * both, and otherwise does what {@code delegate} does.
 *
 * @param delegate the broker that does the work
 * @param publications whether publications fail
 * @param subscriptions whether subscriptions fail
 */
record FailingBroker(Broker delegate, boolean publications, boolean subscriptions) implements ForwardingBroker {

    /** Over a new in-memory broker: every publication fails. */
    static FailingBroker refusingPublications() {
        return new FailingBroker(Broker.inMemory(), true, false);
    }

    /** Over a new in-memory broker: every subscription fails. */
    static FailingBroker refusingSubscriptions() {
        return new FailingBroker(Broker.inMemory(), false, true);
    }

    @Override
    public CompletionStage<Void> publish(Publication publication) {
        return publications ? CompletableFuture.failedFuture(new BrokerException("redis is down"))
                : delegate.publish(publication);
    }

    @Override
    public dev.sender.core.Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        if (subscriptions) {
            throw new BrokerException("redis is down");
        }
        return delegate.subscribe(topic, filter, sink, delivery);
    }

    @Override
    public String name() {
        return "failing";
    }
}
