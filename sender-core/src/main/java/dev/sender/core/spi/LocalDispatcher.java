package dev.sender.core.spi;

import dev.sender.core.BrokerException;
import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.DeliveryStats;
import dev.sender.core.HistoryStats;
import dev.sender.core.MessageSink;
import dev.sender.core.Position;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.RealLocalDispatcher;
import java.util.Comparator;
import java.util.Map;

/**
 * Matches publications against the subscriptions of this process and hands each matching message to its
 * subscription: the part every {@link dev.sender.core.Broker} shares. A broker that carries publications
 * between processes (over Redis, say) calls {@link #dispatch} for what it receives.
 *
 * <p>Per event, the dispatcher extracts the values its subscriptions' filters read once, evaluates every
 * subscription of the topic against them without allocating, and creates one message whose JSON is encoded
 * at most once for all receivers. Dispatching never blocks on a subscriber.
 *
 * <pre>{@code
 * LocalDispatcher dispatcher = LocalDispatcher.create(DeliveryOptions.ofDefaults(), TopicListener.NONE);
 * Subscription subscription = dispatcher.subscribe(topic, Filter.any(), sink, Delivery.QUEUED);
 * dispatcher.dispatch(publication);
 * }</pre>
 */
public interface LocalDispatcher extends AutoCloseable {

    /**
     * A dispatcher whose queued subscriptions have the limits of {@code options}, telling {@code listener}
     * when topics gain their first subscription and lose their last.
     *
     * @param options the limits of each queued subscription
     * @param listener told when a topic gains its first subscription or loses its last, as a broker that
     *     subscribes to a remote channel per topic needs
     * @return a new, open dispatcher, which its caller closes
     */
    static LocalDispatcher create(DeliveryOptions options, TopicListener listener) {
        return new RealLocalDispatcher(options, listener);
    }

    /**
     * Subscribes {@code sink}; see {@link dev.sender.core.Broker#subscribe(Topic, Filter, MessageSink, Delivery)}.
     *
     * @param topic the messages to listen to
     * @param filter the condition a message must pass
     * @param sink receives the messages, then the close
     * @param delivery queued or direct
     * @return the subscription, open, which the caller closes
     * @throws BrokerException when the dispatcher is closed
     */
    Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery);

    /**
     * Subscribes {@code sink} to start from history (SPEC §9): the subscription joins {@code topic} now and holds
     * its live messages until the broker starts it with a replay; see {@link ReplayingSubscription}.
     *
     * @param topic what to listen to
     * @param filter what messages must pass
     * @param sink where messages go
     * @param delivery how messages are handed to the sink
     * @param order how the positions of the broker's messages order, to drop live messages the replay accounted for
     * @return the subscription, not started
     * @throws BrokerException when the dispatcher is closed
     */
    ReplayingSubscription subscribeReplaying(Topic topic, Filter filter, MessageSink sink, Delivery delivery,
            Comparator<Position> order);

    /**
     * Hands every event of {@code publication} to the subscriptions it matches, in order.
     *
     * @param publication the events to deliver, received by the broker
     */
    void dispatch(Publication publication);

    /**
     * Hands {@code message}, one event of {@code topic}, to the subscriptions of the topic it matches; for a broker
     * that gives events their {@linkplain EventMessage#withPosition positions} before dispatching them. Every
     * subscription receives the same message instance. Calls for one topic must not overlap, and come in
     * position order when the messages have positions.
     *
     * @param topic the topic of the event
     * @param message a {@link dev.sender.core.event.HandlerEventMessage} for handler events, a
     *        {@link dev.sender.core.event.GeneralEventMessage} for general events
     * @throws IllegalArgumentException when the message is not of the topic's kind
     */
    void dispatch(Topic topic, EventMessage message);

    /** {@return open subscriptions, by topic kind} */
    Map<Topic.Kind, Integer> subscriptionCounts();

    /** {@return what the dispatcher has done since it started} */
    DeliveryStats stats();

    /**
     * The replays of the dispatcher's subscriptions since it started; the broker adds what its history retains
     * ({@link HistoryStats#withRetained}).
     *
     * @return the counts of replays, with nothing retained
     */
    HistoryStats historyStats();

    /**
     * Closes every subscription with {@link CloseReason#BROKER_CLOSED} once it has delivered what it
     * accepted; later subscriptions are refused.
     */
    @Override
    void close();
}
