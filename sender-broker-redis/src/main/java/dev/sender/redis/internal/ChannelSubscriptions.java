package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import dev.sender.core.Topic;
import dev.sender.core.spi.TopicListener;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's pub/sub connection subscribed to exactly the channels it needs: a topic's channels (its
 * channel of SPEC §6, and with history its positions channel) while the node has subscribers of the topic, and only
 * then (one Redis subscription per channel per node, whatever the number of local subscribers), plus the node's
 * health channel.
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

    private final Function<Topic, List<String>> channelsOf;
    /** Null until {@link #attach} (Redis not reached yet): channels are then only remembered. */
    private @Nullable StatefulRedisPubSubConnection<String, byte[]> connection;
    /**
     * The channels wanted, in the order they were asked for (and are subscribed again on reconnection), each with a
     * future completed once Redis confirmed it on the current connection.
     */
    private final Map<String, CompletableFuture<Void>> wanted = new LinkedHashMap<>();

    /**
     * Subscriptions that wait for a connection: channels wanted before {@link #attach} are subscribed then. A topic
     * needs the channels {@code channelsOf} gives.
     */
    public ChannelSubscriptions(Function<Topic, List<String>> channelsOf) {
        this.channelsOf = channelsOf;
    }

    /**
     * Subscribes every wanted channel over {@code connection}, and from now on every channel asked for; the
     * connection's messages go to {@code messages}.
     */
    public synchronized void attach(StatefulRedisPubSubConnection<String, byte[]> connection,
            RedisPubSubListener<String, byte[]> messages) {
        connection.addListener(messages);
        connection.addListener((RedisPubSubListener<String, byte[]>) this);
        connection.addListener((RedisConnectionStateListener) this);
        this.connection = connection;
        LOG.debug("Redis pub/sub connection attached; subscribing {} channel(s)", wanted.size());
        wanted.keySet().forEach(this::subscribe);
    }

    @Override
    public void onFirstSubscription(Topic topic) {
        channelsOf.apply(topic).forEach(this::listen);
    }

    @Override
    public void onLastSubscriptionClosed(Topic topic) {
        channelsOf.apply(topic).forEach(this::stopListening);
    }

    /** Whether this node listens to {@code topic}: it has subscribers of it. */
    public synchronized boolean listens(Topic topic) {
        return wanted.containsKey(Channels.of(topic));
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

    /** Completes when Redis has confirmed {@code topic}'s channels; already done for a topic not listened to. */
    public synchronized CompletableFuture<Void> confirmation(Topic topic) {
        return CompletableFuture.allOf(channelsOf.apply(topic).stream().map(this::confirmation)
                .toArray(CompletableFuture[]::new));
    }

    /** Completes when Redis has confirmed {@code channel}; already done for a channel not listened to. */
    public synchronized CompletableFuture<Void> confirmation(String channel) {
        CompletableFuture<Void> confirmed = wanted.get(channel);
        return confirmed == null ? CompletableFuture.completedFuture(null) : confirmed;
    }

    /**
     * Waits, only while the connection is up, until Redis confirms {@code topic}'s channels, at most {@code timeout}.
     *
     * @return whether Redis confirmed them
     */
    public boolean awaitConfirmation(Topic topic, Duration timeout) {
        StatefulRedisPubSubConnection<String, byte[]> current;
        CompletableFuture<Void> confirmed;
        synchronized (this) {
            current = connection;
            confirmed = confirmation(topic);
        }
        if (current == null || !current.isOpen()) {
            return false;
        }
        try {
            confirmed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Redis did not confirm the subscription to {} in time; events flow once it does", topic);
        }
        return false;
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
