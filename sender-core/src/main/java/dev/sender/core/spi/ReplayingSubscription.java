package dev.sender.core.spi;

import dev.sender.core.Position;
import dev.sender.core.Subscription;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.event.EventMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A subscription that a broker starts from its history (SPEC §9), from
 * {@link LocalDispatcher#subscribeReplaying}. It joins its topic at once, so it misses no live message, but holds
 * live messages back until the broker starts it, with {@link #startLive} or {@link #startAfterReplay}; then it
 * delivers the replay, then the held live messages, then live ones as they come, all through its ordinary
 * delivery (queue limits included).
 *
 * <p>The seam is exact without locking publishers out: subscribe, read the history, start. A live message
 * whose position is at or before the {@linkplain SubscriptionStart#latest() latest position} the broker's read
 * saw was either replayed or (not matching) left out on purpose, so it is dropped, until the first live message
 * after that position; messages without a position always pass. An event that another node stored before the
 * read and whose live copy arrives here after it is so delivered once.
 *
 * <pre>{@code
 * ReplayingSubscription s = dispatcher.subscribeReplaying(topic, filter, sink, delivery, positionOrder);
 * // read the retained events after the position, and the latest position, from the history store
 * MessageFilter matching = MessageFilter.compile(filter);
 * s.startAfterReplay(new SubscriptionStart(latest, recovered), retained.stream().filter(matching::matches).toList());
 * return s;
 * }</pre>
 *
 * <p>A subscription closed before it starts drops what it held; starting it then does nothing.
 */
public interface ReplayingSubscription extends Subscription {

    /**
     * Starts without a replay: the held live messages are delivered, then live ones;
     * {@link #historyStart()} becomes {@code (latest, true)}. No live message is dropped.
     *
     * @param latest the position of the topic's latest event, read after this subscription joined the topic;
     *        {@code null} when the topic has none
     * @throws IllegalStateException when the subscription was started already
     */
    void startLive(@Nullable Position latest);

    /**
     * Delivers {@code replay}, then the held live messages after {@code start.latest()}, then live ones;
     * {@link #historyStart()} becomes {@code start}. Counts one replay in {@link LocalDispatcher#historyStats()},
     * and a resume not recovered when {@code start.recovered()} is false. With {@link dev.sender.core.Delivery#DIRECT}
     * delivery, the replay has reached the sink when this returns.
     *
     * @param start what the history held: {@code latest} must be the newest position the read of the replay could
     *        see (read after this subscription joined the topic), so that every live message at or before it is one
     *        the replay accounted for
     * @param replay the messages to replay, already filtered, in position order, each with its position
     * @throws IllegalStateException when the subscription was started already
     */
    void startAfterReplay(SubscriptionStart start, List<? extends EventMessage> replay);
}
