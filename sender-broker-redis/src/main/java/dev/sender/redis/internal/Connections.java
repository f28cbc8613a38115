package dev.sender.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A node's two connections to Redis and the threads they run on: one that publishes, failing at once while
 * Redis is away, and one that subscribes, whose commands wait for Redis however long it is away. Lettuce
 * reconnects both by itself once they have connected; until then, whoever owns them calls {@link #connect()}
 * again.
 */
public final class Connections implements AutoCloseable {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    // TCP keepalive notices a Redis host that vanished without closing the connection (the subscribing
    // connection sends nothing on its own), so that Lettuce reconnects within seconds rather than hours.
    private static final Duration KEEPALIVE_IDLE = Duration.ofSeconds(5);
    private static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(1);
    private static final int KEEPALIVE_PROBES = 3;

    private final ClientResources resources;
    private final RedisClient publishClient;
    private final RedisClient subscribeClient;
    /** Null until the first successful {@link #connect()}; set once. */
    private volatile @Nullable StatefulRedisConnection<String, byte[]> publisher;
    /** Null until the first successful {@link #connect()}; set once. */
    private volatile @Nullable StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private boolean closed;

    private Connections(URI uri, Duration commandTimeout, Duration maxReconnectDelay) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(commandTimeout);
        resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), maxReconnectDelay, 2, TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(commandTimeout)
                .keepAlive(SocketOptions.KeepAliveOptions.builder().enable().idle(KEEPALIVE_IDLE)
                        .interval(KEEPALIVE_INTERVAL).count(KEEPALIVE_PROBES).build())
                .build();
        publishClient = RedisClient.create(resources, redisUri);
        // A publication while Redis is away must fail at once, not wait in Lettuce's queue; one in flight when the
        // connection drops fails too rather than being sent again.
        publishClient.setOptions(ClientOptions.builder().socketOptions(socket)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout)).build());
        subscribeClient = RedisClient.create(resources, redisUri);
        // SUBSCRIBE and UNSUBSCRIBE wait for Redis; ChannelSubscriptions sends them again on every reconnection
        // anyway. Whoever waits for one sets a deadline of its own.
        subscribeClient.setOptions(ClientOptions.builder().socketOptions(socket)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build()).build());
    }

    /** The two clients, not connected yet; {@link #connect()} connects them. */
    public static Connections create(URI uri, Duration commandTimeout, Duration maxReconnectDelay) {
        return new Connections(uri, commandTimeout, maxReconnectDelay);
    }

    /**
     * Connects whichever of the two connections is not connected yet; once connected, Lettuce keeps a connection
     * up by itself. Does nothing once {@linkplain #close() closed}.
     *
     * @throws RedisException when Redis cannot be reached now or refuses the credentials; a connection made
     *         before the failure is kept
     */
    public synchronized void connect() {
        if (closed) {
            return;
        }
        if (publisher == null) {
            publisher = publishClient.connect(CODEC);
        }
        if (subscriber == null) {
            subscriber = subscribeClient.connectPubSub(CODEC);
        }
    }

    /** The connection that publishes, or null before the first successful {@link #connect()}. */
    public @Nullable StatefulRedisConnection<String, byte[]> publisher() {
        return publisher;
    }

    /** The connection that subscribes, or null before the first successful {@link #connect()}. */
    public @Nullable StatefulRedisPubSubConnection<String, byte[]> subscriber() {
        return subscriber;
    }

    /** Whether the subscribing connection is connected now. */
    public boolean subscriberOpen() {
        StatefulRedisPubSubConnection<String, byte[]> connection = subscriber;
        return connection != null && connection.isOpen();
    }

    /** Closes both connections and stops their threads; waits for a {@link #connect()} under way. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subscriber != null) {
            subscriber.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        publishClient.shutdown();
        subscribeClient.shutdown();
        resources.shutdown();
    }
}
