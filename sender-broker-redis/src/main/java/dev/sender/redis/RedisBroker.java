package dev.sender.redis;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.DeliveryStats;
import dev.sender.core.MessageSink;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.event.PublicationJson;
import dev.sender.core.filter.Filter;
import dev.sender.core.spi.LocalDispatcher;
import dev.sender.redis.internal.ChannelListener;
import dev.sender.redis.internal.ChannelSubscriptions;
import dev.sender.redis.internal.Channels;
import dev.sender.redis.internal.HealthProbe;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
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
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Broker} on Redis pub/sub, for several Sender servers sharing their events (SPEC §6).
 *
 * <p>Handler events travel on {@code luna-sender:{account_id}} in the payload LUNA's handlers publish there,
 * general events on {@code luna-sender-general}; events that LUNA handlers put on those channels are
 * delivered like any other. A publication is one Redis message; each node subscribes to an account's channel
 * only while it has subscribers of that account, and delivers every message once to each of its matching
 * subscribers (never once locally and again from Redis).
 *
 * <pre>{@code
 * Broker broker = RedisBroker.connect(URI.create("redis://localhost:6379"));
 * SenderServer server = SenderServer.builder().broker(broker).build().start();
 * }</pre>
 *
 * <p>Faults: while Redis is unreachable a publication fails at once with {@link BrokerException} (the server
 * answers {@code 500 29004}) and {@link #checkHealth()} fails; subscriptions stay open. Lettuce reconnects
 * (within about a second), re-subscribes every channel, and delivery resumes by itself.
 */
public final class RedisBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBroker.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final String description;
    private final ClientResources resources;
    private final RedisClient publishClient;
    private final RedisClient subscribeClient;
    private final StatefulRedisConnection<String, byte[]> publisher;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private final LocalDispatcher dispatcher;
    private final ChannelSubscriptions channels;
    private final HealthProbe probe;
    private final Duration subscribeTimeout;
    private volatile boolean closed;

    private RedisBroker(Builder b) {
        RedisURI uri = RedisURI.create(b.uri);
        uri.setTimeout(b.commandTimeout);
        description = masked(b.uri);
        resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(1)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), b.maxReconnectDelay, 2, TimeUnit.MILLISECONDS))
                .build();
        publishClient = RedisClient.create(resources, uri);
        // A publication while Redis is away must fail at once, not wait in Lettuce's queue.
        publishClient.setOptions(ClientOptions.builder().disconnectedBehavior(
                ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(b.commandTimeout)).build());
        subscribeClient = RedisClient.create(resources, uri);
        subscribeClient.setOptions(ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(b.commandTimeout))
                .build());
        try {
            publisher = publishClient.connect(CODEC);
            subscriber = subscribeClient.connectPubSub(CODEC);
        } catch (RedisException e) {
            resources.shutdown();
            throw new BrokerException("cannot connect to Redis at " + description + ": " + e.getMessage(), e);
        }
        channels = new ChannelSubscriptions(subscriber);
        dispatcher = new LocalDispatcher(b.deliveryOptions, channels);
        probe = new HealthProbe(publisher, Channels.HEALTH_PREFIX + UUID.randomUUID(), b.commandTimeout);
        subscriber.addListener(new ChannelListener(dispatcher, probe.channel(), probe::received));
        subscriber.sync().subscribe(probe.channel());
        subscribeTimeout = b.commandTimeout;
        LOG.info("Redis broker connected to {}", description);
    }

    /**
     * A broker on the Redis server at {@code uri} ({@code redis://[user:password@]host:port[/db]}), with
     * default settings.
     *
     * @throws BrokerException when Redis cannot be reached now
     */
    public static RedisBroker connect(URI uri) {
        return builder(uri).connect();
    }

    /** A builder of a broker on the Redis server at {@code uri}. */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    @Override
    public CompletionStage<Void> publish(Publication publication) {
        Objects.requireNonNull(publication, "publication");
        if (closed) {
            return CompletableFuture.failedFuture(new BrokerException("the broker is closed"));
        }
        String channel;
        byte[] payload;
        if (publication instanceof HandlerPublication handler) {
            channel = Channels.handler(handler.accountId());
            payload = PublicationJson.writeHandlerChannelMessage(handler);
        } else {
            channel = Channels.GENERAL;
            payload = PublicationJson.writeGeneralChannelMessage((GeneralPublication) publication);
        }
        return publisher.async().publish(channel, payload).toCompletableFuture().handle((receivers, error) -> {
            if (error != null) {
                throw new BrokerException("Redis did not take the publication: " + error.getMessage(), error);
            }
            return null;
        });
    }

    /**
     * Subscribes; when this node did not listen to the topic's channel yet, waits (briefly, and only while
     * Redis is reachable) until Redis confirms, so that every event published after this returns arrives.
     */
    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        if (closed) {
            throw new BrokerException("the broker is closed");
        }
        Subscription subscription = dispatcher.subscribe(topic, filter, sink, delivery);
        if (subscriber.isOpen()) {
            try {
                channels.confirmation(topic).get(subscribeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Redis did not confirm the subscription to {} in time; events flow once it does", topic);
            }
        }
        return subscription;
    }

    /** Fails unless a probe goes through Redis and back: publishing and receiving both work. */
    @Override
    public CompletionStage<Void> checkHealth() {
        if (closed) {
            return CompletableFuture.failedFuture(new BrokerException("the broker is closed"));
        }
        if (!subscriber.isOpen()) {
            return CompletableFuture.failedFuture(new BrokerException("Redis at " + description
                    + " is unreachable: the subscribing connection is down"));
        }
        return probe.check();
    }

    @Override
    public DeliveryStats stats() {
        return dispatcher.stats();
    }

    @Override
    public String name() {
        return "redis";
    }

    /**
     * Refuses new publications, waits (up to the command timeout) until what this node published has come back
     * from Redis, closes the subscriptions after delivering it, then the connections.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subscriber.isOpen()) {
            try {
                // Redis keeps order on a connection: the probe comes back after every earlier publication.
                probe.check().toCompletableFuture().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Closing without the last publications from Redis: {}", e.getMessage());
            }
        }
        dispatcher.close();
        subscriber.close();
        publisher.close();
        publishClient.shutdown();
        subscribeClient.shutdown();
        resources.shutdown();
    }

    /** The Redis URI, password masked. */
    @Override
    public String toString() {
        return "RedisBroker[" + description + "]";
    }

    private static String masked(URI uri) {
        String user = uri.getRawUserInfo();
        return user == null || !user.contains(":") ? uri.toString()
                : uri.toString().replace(user + "@", user.substring(0, user.indexOf(':') + 1) + "********@");
    }

    /** Builds a {@link RedisBroker}; every setter names the setting it rejects. */
    public static final class Builder {

        /** Default of {@link #commandTimeout(Duration)}. */
        public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
        /** Default of {@link #maxReconnectDelay(Duration)}. */
        public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

        private final URI uri;
        private DeliveryOptions deliveryOptions = DeliveryOptions.ofDefaults();
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new IllegalArgumentException("the Redis URI must start with redis:// or rediss://: " + uri);
            }
        }

        /** The queue limits of {@link Delivery#QUEUED} subscriptions. */
        public Builder deliveryOptions(DeliveryOptions options) {
            this.deliveryOptions = Objects.requireNonNull(options, "deliveryOptions");
            return this;
        }

        /** How long a Redis command (a publication, a health probe) may take before it fails. */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive(timeout, "commandTimeout");
            return this;
        }

        /** The longest pause between reconnection attempts; keep it short so delivery resumes quickly. */
        public Builder maxReconnectDelay(Duration delay) {
            this.maxReconnectDelay = positive(delay, "maxReconnectDelay");
            return this;
        }

        /**
         * Connects.
         *
         * @throws BrokerException when Redis cannot be reached now
         */
        public RedisBroker connect() {
            return new RedisBroker(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
