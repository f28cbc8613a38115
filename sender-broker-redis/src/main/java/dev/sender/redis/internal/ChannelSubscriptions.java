package dev.sender.redis.internal;

import dev.sender.core.Topic;
import dev.sender.core.spi.TopicListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes this node's pub/sub connection to a topic's channel while the node has subscribers of it, and
 * only then: one Redis subscription per channel per node, whatever the number of local subscribers. Lettuce
 * re-subscribes every channel by itself after a reconnect.
 */
public final class ChannelSubscriptions implements TopicListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSubscriptions.class);

    private final StatefulRedisPubSubConnection<String, byte[]> connection;
    /** Completes when Redis confirmed the subscription of each channel the node listens to. */
    private final Map<String, CompletableFuture<Void>> confirmed = new ConcurrentHashMap<>();

    /** Subscriptions over {@code connection}. */
    public ChannelSubscriptions(StatefulRedisPubSubConnection<String, byte[]> connection) {
        this.connection = connection;
    }

    @Override
    public void onFirstSubscription(Topic topic) {
        String channel = Channels.of(topic);
        CompletableFuture<Void> done = new CompletableFuture<>();
        confirmed.put(channel, done);
        connection.async().subscribe(channel).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("Subscribing to Redis channel '{}' failed; Lettuce retries after reconnecting", channel,
                        error);
            } else {
                done.complete(null);
            }
        });
    }

    @Override
    public void onLastSubscriptionClosed(Topic topic) {
        String channel = Channels.of(topic);
        confirmed.remove(channel);
        connection.async().unsubscribe(channel);
    }

    /** Completes when the channel of {@code topic} is subscribed; already done for a topic not listened to. */
    public CompletableFuture<Void> confirmation(Topic topic) {
        return confirmed.getOrDefault(Channels.of(topic), CompletableFuture.completedFuture(null));
    }
}
