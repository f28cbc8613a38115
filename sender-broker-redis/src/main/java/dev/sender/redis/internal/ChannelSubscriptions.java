package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import dev.sender.core.Topic;
import dev.sender.core.spi.TopicListener;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's pub/sub connection subscribed to exactly the channels it needs: a topic's channel while the
 * node has subscribers of the topic, and only then (one Redis subscription per channel per node, whatever the
 * number of local subscribers), plus the node's health channel.
 *
 * <p>This class, not Lettuce, is the authority on what should be subscribed. Lettuce re-subscribes the
 * channels Redis had confirmed when it reconnects, but a SUBSCRIBE or UNSUBSCRIBE issued while Redis was away
 * may be lost or replayed out of order. So every (re)connection subscribes every wanted channel again, and a
 * confirmation of a channel no longer wanted is answered with an UNSUBSCRIBE. A channel counts as confirmed
 * from Redis' confirmation until the connection drops.
 */
public final class ChannelSubscriptions extends RedisPubSubAdapter<String, byte[]>
        implements TopicListener, RedisConnectionStateListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSubscriptions.class);

    /** Null until {@link #attach} (Redis not reached yet): channels are then only remembered. */
    private @Nullable StatefulRedisPubSubConnection<String, byte[]> connection;
    /** The channels wanted, each with a future completed once Redis confirmed it on the current connection. */
    private final Map<String, CompletableFuture<Void>> wanted = new HashMap<>();

    /** Subscriptions that wait for a connection: channels wanted before {@link #attach} are subscribed then. */
    public ChannelSubscriptions() {
    }

    /**
     * Subscribes every wanted channel over {@code connection}, and from now on every channel asked for; register
     * this as that connection's pub/sub and state listener first.
     */
    public synchronized void attach(StatefulRedisPubSubConnection<String, byte[]> connection) {
        this.connection = connection;
        LOG.debug("Redis pub/sub connection attached; subscribing {} channel(s)", wanted.size());
        wanted.keySet().forEach(this::subscribe);
    }

    @Override
    public void onFirstSubscription(Topic topic) {
        listen(Channels.of(topic));
    }

    @Override
    public void onLastSubscriptionClosed(Topic topic) {
        stopListening(Channels.of(topic));
    }

    /** Subscribes to {@code channel} unless already wanted. */
    public synchronized void listen(String channel) {
        if (!wanted.containsKey(channel)) {
            wanted.put(channel, new CompletableFuture<>());
            subscribe(channel);
        }
    }

    /** Unsubscribes from {@code channel}. */
    public synchronized void stopListening(String channel) {
        if (wanted.remove(channel) != null && connection != null) {
            connection.async().unsubscribe(channel).exceptionally(error -> {
                LOG.debug("Unsubscribing from Redis channel '{}' failed; retried on reconnection", channel, error);
                return null;
            });
        }
    }

    /** Completes when Redis has confirmed {@code topic}'s channel; already done for a topic not listened to. */
    public synchronized CompletableFuture<Void> confirmation(Topic topic) {
        return confirmation(Channels.of(topic));
    }

    /** Completes when Redis has confirmed {@code channel}; already done for a channel not listened to. */
    public synchronized CompletableFuture<Void> confirmation(String channel) {
        CompletableFuture<Void> confirmed = wanted.get(channel);
        return confirmed == null ? CompletableFuture.completedFuture(null) : confirmed;
    }

    /** The confirmations of the wanted channels that Redis has not confirmed on the current connection yet. */
    public synchronized List<CompletableFuture<Void>> pendingConfirmations() {
        return wanted.values().stream().filter(confirmed -> !confirmed.isDone()).toList();
    }

    /**
     * Completes once Redis has confirmed every wanted channel, or fails within {@code timeout} naming {@code redis}
     * and how many are missing.
     */
    public CompletableFuture<Void> allConfirmed(Duration timeout, String redis) {
        List<CompletableFuture<Void>> pending = pendingConfirmations();
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error != null) {
                        throw new BrokerException("Redis at " + redis + " has not confirmed "
                                + pending.stream().filter(c -> !c.isDone()).count() + " channel subscription(s) within "
                                + timeout.toMillis() + " ms");
                    }
                    return null;
                });
    }

    @Override
    public synchronized void subscribed(String channel, long count) {
        if (!wanted.containsKey(channel) && connection != null) {
            // Replayed by Lettuce after a reconnection, or confirmed after its last subscriber left.
            connection.async().unsubscribe(channel);
        }
    }

    @Override
    public synchronized void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        LOG.debug("Redis pub/sub connection lost; {} channel(s) to subscribe again", wanted.size());
        wanted.replaceAll((channel, confirmed) -> confirmed.isDone() ? new CompletableFuture<>() : confirmed);
    }

    @Override
    public synchronized void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
        LOG.debug("Redis pub/sub connection to {} up; subscribing {} channel(s)", address, wanted.size());
        wanted.keySet().forEach(this::subscribe);
    }

    /**
     * Sends a SUBSCRIBE, whose completion confirms the channel unless the channel was let go (or the connection
     * dropped) meanwhile. Commands are sent under this object's lock, so they reach Redis in decision order.
     */
    private void subscribe(String channel) {
        StatefulRedisPubSubConnection<String, byte[]> connection = this.connection;
        if (connection == null) {
            return;
        }
        CompletableFuture<Void> confirmed = wanted.get(channel);
        connection.async().subscribe(channel).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("Subscribing to Redis channel '{}' failed; retried on reconnection", channel, error);
                return;
            }
            synchronized (this) {
                if (wanted.get(channel) == confirmed) {
                    confirmed.complete(null);
                }
            }
        });
    }
}
