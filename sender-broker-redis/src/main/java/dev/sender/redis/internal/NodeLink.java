package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Brings a node's link to Redis up, step by step: both {@link Connections} connected, the subscribing one attached
 * to the node's {@link ChannelSubscriptions} and inbox (so it carries every wanted channel), and Redis' clock
 * measured for the {@link DeadlinePublisher}. Lettuce keeps the connections up once made; whatever step failed is
 * made by the next {@link #connectOnce()}.
 */
public final class NodeLink {

    private final Connections connections;
    private final ChannelSubscriptions channels;
    private final RedisPubSubListener<String, byte[]> inbox;
    private final Duration commandTimeout;
    private final String description;
    /** Null until the publishing connection is up; publishes only once it has measured Redis' clock. */
    private volatile @Nullable DeadlinePublisher publisher;
    /** Whether the subscribing connection has its listeners and carries the wanted channels. */
    private volatile boolean subscriberAttached;

    /** A link over {@code connections}, not connected yet; {@code description} names Redis in failures. */
    public NodeLink(Connections connections, ChannelSubscriptions channels, RedisPubSubListener<String, byte[]> inbox,
            Duration commandTimeout, String description) {
        this.connections = connections;
        this.channels = channels;
        this.inbox = inbox;
        this.commandTimeout = commandTimeout;
        this.description = description;
    }

    /**
     * Makes whatever step towards a working link is missing. Runs in the broker's constructor, then only on the
     * connector's thread.
     *
     * @throws BrokerException naming what failed
     */
    public void connectOnce() {
        try {
            connections.connect();
        } catch (RedisException e) {
            throw new BrokerException("cannot connect to Redis at " + description + ": " + e.getMessage(), e);
        }
        StatefulRedisConnection<String, byte[]> publishing = connections.publisher();
        StatefulRedisPubSubConnection<String, byte[]> subscribing = connections.subscriber();
        if (publishing == null || subscribing == null) {
            throw new BrokerException("the broker is closed");
        }
        if (!subscriberAttached) {
            channels.attach(subscribing, inbox);
            subscriberAttached = true;
        }
        DeadlinePublisher deadline = publisher;
        if (deadline == null) {
            deadline = new DeadlinePublisher(publishing, commandTimeout);
            publisher = deadline;
        }
        deadline.calibrate(description);
    }

    /** The publisher, or null before the publishing connection was first up. */
    public @Nullable DeadlinePublisher publisher() {
        return publisher;
    }

    /** Whether the subscribing connection was attached at least once (Lettuce keeps it up since). */
    public boolean subscriberAttached() {
        return subscriberAttached;
    }
}
