package dev.sender.core;

import dev.sender.core.event.EventMessage;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.InMemoryBroker;
import java.util.concurrent.CompletionStage;

/**
 * Carries publications to the subscriptions whose topic and filter they match.
 *
 * <p>Delivery is at-most-once and in publish order per publisher: a subscription receives the events published
 * while it is open, each once, and a publication's events in their order. Handler events reach only
 * subscriptions of their account. Each event is encoded once, and the same bytes go to every subscriber.
 * A broker that keeps {@linkplain #history() history} also lets a subscription start with the retained events it
 * missed ({@link #subscribe(Topic, Filter, MessageSink, Delivery, StartAt)}), so that a subscriber that reconnects
 * misses nothing that is still retained.
 *
 * <pre>{@code
 * try (Broker broker = Broker.inMemory();
 *      Subscription s = broker.subscribe(Topic.handlerEvents(account), Filter.any(), System.out::println)) {
 *     broker.publish(publication).toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface Broker extends AutoCloseable {

    /**
     * A broker within this process, with {@linkplain DeliveryOptions#ofDefaults() default limits} and
     * {@linkplain HistoryOptions#ofDefaults() default history}.
     *
     * @return a new, open in-memory broker, which its caller closes
     */
    static Broker inMemory() {
        return inMemory(DeliveryOptions.ofDefaults());
    }

    /**
     * A broker within this process whose queued subscriptions have the given limits, with
     * {@linkplain HistoryOptions#ofDefaults() default history}.
     *
     * @param options the limits of each queued subscription
     * @return a new, open in-memory broker, which its caller closes
     */
    static Broker inMemory(DeliveryOptions options) {
        return inMemory(options, HistoryOptions.ofDefaults());
    }

    /**
     * A broker within this process whose queued subscriptions have the given limits, keeping the given history.
     *
     * @param options limits of queued subscriptions
     * @param history how much history to keep; {@link HistoryOptions#OFF} for none
     * @return the broker
     */
    static Broker inMemory(DeliveryOptions options, HistoryOptions history) {
        return new InMemoryBroker(options, history);
    }

    /**
     * Publishes to the subscriptions the publication's events match. The stage completes once the broker has
     * accepted the publication (an in-memory broker has then handed it to every matching subscription), or
     * fails with {@link BrokerException} when it could not, in which case nothing of it was delivered.
     *
     * @param publication the events to deliver, with their context
     * @return a stage that completes when the broker has accepted the publication
     */
    CompletionStage<Void> publish(Publication publication);

    /**
     * Subscribes {@code sink} to the messages of {@code topic} that pass {@code filter}, with
     * {@link Delivery#QUEUED} delivery.
     *
     * @param topic the messages to listen to: the handler events of one account, or general events
     * @param filter the condition a message must pass; {@link Filter#any()} for every message
     * @param sink receives the messages, then the close
     * @return the subscription, open, which the caller closes
     * @throws BrokerException when the broker is closed
     */
    default Subscription subscribe(Topic topic, Filter filter, MessageSink sink) {
        return subscribe(topic, filter, sink, Delivery.QUEUED);
    }

    /**
     * Subscribes {@code sink} to the messages of {@code topic} that pass {@code filter}.
     *
     * @param topic the messages to listen to: the handler events of one account, or general events
     * @param filter the condition a message must pass; {@link Filter#any()} for every message
     * @param sink receives the messages, then the close
     * @param delivery whether messages are queued for the sink or handed to it on the publishing thread
     * @return the subscription, open, which the caller closes
     * @throws BrokerException when the broker is closed
     */
    Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery);

    /**
     * Subscribes {@code sink} to the messages of {@code topic} that pass {@code filter}, starting at
     * {@code start}: retained events first, in position order, then live ones, none twice and none missing
     * between the two (SPEC §9). With history, every message carries its {@linkplain EventMessage#position()
     * position}; {@link Subscription#historyStart()} tells what the history held when the subscription started.
     * The replayed messages go through the subscription's delivery like live ones (a replay larger than a queued
     * subscription's limits closes it with {@link CloseReason#OVERFLOW}); they have been accepted when this returns,
     * so with {@link Delivery#DIRECT} delivery they have reached the sink.
     *
     * @param topic what to listen to
     * @param filter what messages must pass
     * @param sink where messages go
     * @param delivery how messages are handed to the sink
     * @param start where to start; anything but {@link StartAt#live()} needs a broker that keeps history
     * @return the open subscription
     * @throws BrokerException when the broker is closed, or keeps no history and {@code start} is not live
     */
    default Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery, StartAt start) {
        if (start != StartAt.live()) {
            throw new BrokerException(name() + " broker keeps no history");
        }
        return subscribe(topic, filter, sink, delivery);
    }

    /**
     * How much history this broker keeps for subscribers that resume (SPEC §9).
     *
     * @return the history kept; {@link HistoryOptions#OFF} when the broker keeps none
     */
    default HistoryOptions history() {
        return HistoryOptions.OFF;
    }

    /**
     * What this broker's history holds and the replays it has served (SPEC §9).
     *
     * @return the stats; {@link HistoryStats#NONE} for a broker that keeps no history
     */
    default HistoryStats historyStats() {
        return HistoryStats.NONE;
    }

    /**
     * Checks that the broker can publish and receive now. The stage fails with {@link BrokerException} naming
     * what does not work, such as an unreachable Redis server.
     *
     * @return a stage that completes normally when the broker works
     */
    CompletionStage<Void> checkHealth();

    /** {@return what this broker has delivered to subscriptions of this process} */
    DeliveryStats stats();

    /** {@return a short name of the kind of broker, such as {@code in-memory} or {@code redis}} */
    String name();

    /**
     * Stops accepting publications and subscriptions, delivers what was accepted, then closes every
     * subscription with {@link CloseReason#BROKER_CLOSED}.
     */
    @Override
    void close();
}
