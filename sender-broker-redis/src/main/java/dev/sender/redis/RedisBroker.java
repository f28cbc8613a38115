package dev.sender.redis;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.DeliveryStats;
import dev.sender.core.HistoryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.MessageSink;
import dev.sender.core.StartAt;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.core.spi.LocalDispatcher;
import dev.sender.core.spi.ReplayingSubscription;
import dev.sender.redis.internal.ChannelSubscriptions;
import dev.sender.redis.internal.Channels;
import dev.sender.redis.internal.ConnectRetries;
import dev.sender.redis.internal.Connections;
import dev.sender.redis.internal.DeadlinePublisher;
import dev.sender.redis.internal.HealthProbe;
import dev.sender.redis.internal.Inbox;
import dev.sender.redis.internal.MessageRouter;
import dev.sender.redis.internal.NodeLink;
import dev.sender.redis.internal.RawPublications;
import dev.sender.redis.internal.RedisHistory;
import dev.sender.redis.internal.RedisUris;
import dev.sender.redis.internal.StreamPosition;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
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
 * <p>The thread that reads Redis only hands each message to one dispatching thread per broker, which parses,
 * filters and delivers it ({@link dev.sender.core.Delivery#DIRECT} sinks are called there), so a busy node never
 * makes Redis buffer for it; see {@link Builder#maxPendingBytes(long)}.
 *
 * <p>Faults: while Redis is unreachable a publication fails at once with {@link BrokerException} (the server
 * answers {@code 500 29004}) and {@link #checkHealth()} fails; subscriptions stay open. Lettuce reconnects
 * (within about a second), every channel is subscribed again, and delivery resumes by itself; health recovers
 * once every channel is confirmed and a probe makes the round trip. A publication that Redis does not answer
 * within the command timeout (Redis frozen or overloaded) fails too, and is abandoned: Redis publishes it only
 * while its own clock is before a deadline that falls before the timeout, so a failed publication is never
 * delivered later and a publisher may safely retry it.
 *
 * <p>History (SPEC §9, {@link Builder#history(HistoryOptions)}): each topic's publications are kept in a Redis
 * stream, written in the same step as the publication goes out, so a subscriber may resume on any node, and
 * messages carry positions ({@code <stream entry ID>.<event index>}) that are the same on every node. Publications
 * that LUNA's handlers put on the channels themselves are stored once and get positions too. See docs/scale-out.md.
 *
 * <p>By default {@link #connect(URI)} fails when Redis cannot be reached; a broker built with
 * {@link Builder#startWithoutRedis(boolean)} starts anyway, in the state it would be in had Redis just gone
 * away, and starts working as soon as Redis answers.
 */
public final class RedisBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBroker.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String description;
    private final Connections connections;
    private final LocalDispatcher dispatcher;
    private final ChannelSubscriptions channels;
    private final HealthProbe probe;
    /** Hands what the subscribing connection reads to the thread that dispatches it. */
    private final Inbox inbox;
    private final Duration commandTimeout;
    private final Duration maxReconnectDelay;
    private final RedisHistory history;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final NodeLink link;
    /** Handles what the inbox hands over; set right after the inbox, before any connection. */
    private final MessageRouter router;
    /** Keeps trying to reach a Redis that was not up at start; null when Redis was reached at once. */
    private volatile @Nullable ConnectRetries retries;

    private RedisBroker(Builder b) {
        description = RedisUris.masked(b.uri);
        commandTimeout = b.commandTimeout;
        maxReconnectDelay = b.maxReconnectDelay;
        connections = Connections.create(b.uri, b.commandTimeout, b.maxReconnectDelay);
        history = new RedisHistory(b.history);
        channels = new ChannelSubscriptions(history::channels);
        dispatcher = LocalDispatcher.create(b.deliveryOptions, channels);
        probe = new HealthProbe("Redis at " + description, Channels.HEALTH_PREFIX + UUID.randomUUID(),
                b.commandTimeout);
        int instance = INSTANCES.incrementAndGet();
        inbox = new Inbox("sender-redis-dispatch-" + instance, b.maxPendingBytes, this::route, this::subscribed);
        link = new NodeLink(connections, channels, inbox, commandTimeout, description);
        RawPublications raw = !history.enabled() ? null : new RawPublications(b.history, dispatcher, link::publisher,
                inbox::execute, channels::listens, b.commandTimeout);
        router = new MessageRouter(dispatcher, probe.channel(), probe::received, raw);
        channels.listen(probe.channel());
        try {
            link.connectOnce();
        } catch (BrokerException e) {
            if (!b.startWithoutRedis) {
                release();
                throw e;
            }
            retries = new ConnectRetries(this::connectUnlessClosed, description, maxReconnectDelay,
                    "sender-redis-connect-" + instance, e);
            return;
        }
        if (!b.startWithoutRedis) {
            try {
                channels.allConfirmed(commandTimeout, description).join();
            } catch (CompletionException e) {
                release();
                throw new BrokerException("cannot subscribe: " + e.getCause().getMessage(), e.getCause());
            }
        }
        LOG.info("Redis broker connected to {}", description);
    }

    private void route(String channel, byte[] payload) {
        router.route(channel, payload);
    }

    private void subscribed(String channel) {
        router.subscribed(channel);
    }

    private void connectUnlessClosed() {
        if (!closed.get()) {
            link.connectOnce();
        }
    }

    /** Stops what the constructor started. */
    private void release() {
        inbox.close(0);
        dispatcher.close();
        connections.close();
    }

    /**
     * A broker on the Redis server at {@code uri} ({@code redis://[user:password@]host:port[/db]}), with
     * default settings.
     *
     * @param uri where Redis listens
     * @return a connected broker
     * @throws BrokerException when Redis cannot be reached now; see {@link Builder#startWithoutRedis(boolean)}
     *         for a broker that waits for Redis instead
     */
    public static RedisBroker connect(URI uri) {
        return builder(uri).connect();
    }

    /**
     * A builder of a broker on the Redis server at {@code uri}.
     *
     * @param uri where Redis listens: {@code redis://} or {@code rediss://}
     * @return a builder with the default settings
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    @Override
    public CompletionStage<Void> publish(Publication publication) {
        Objects.requireNonNull(publication, "publication");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new BrokerException("the broker is closed"));
        }
        DeadlinePublisher deadline = link.publisher();
        if (deadline == null || !deadline.calibrated()) {
            return CompletableFuture.failedFuture(new BrokerException("Redis at " + description
                    + " has not been reached yet; the publication was not sent"));
        }
        return history.publish(deadline, publication);
    }

    /**
     * Subscribes; when this node did not listen to the topic's channel yet, waits (briefly, and only while
     * Redis is reachable) until Redis confirms, so that every event published after this returns arrives.
     */
    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        if (closed.get()) {
            throw new BrokerException("the broker is closed");
        }
        Subscription subscription = dispatcher.subscribe(topic, filter, sink, delivery);
        channels.awaitConfirmation(topic, commandTimeout);
        return subscription;
    }

    /**
     * Subscribes from {@code start} (SPEC §9): joins the topic, holding live messages back, waits until Redis confirms
     * its channels as the subscription above does, reads the topic's stream, and starts with the replay; live
     * messages the read saw are dropped. When Redis cannot be read, the subscription starts live, and a resume is
     * not {@linkplain dev.sender.core.SubscriptionStart#recovered() recovered}.
     *
     * @throws BrokerException when the broker is closed, or keeps no history and {@code start} is not live
     */
    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery, StartAt start) {
        if (!history.enabled()) {
            return Broker.super.subscribe(topic, filter, sink, delivery, start);
        }
        if (closed.get()) {
            throw new BrokerException("the broker is closed");
        }
        ReplayingSubscription subscription = dispatcher.subscribeReplaying(topic, filter, sink, delivery,
                StreamPosition.ORDER);
        history.start(subscription, start, link.publisher(), channels.awaitConfirmation(topic, commandTimeout));
        return subscription;
    }

    /**
     * Fails unless both directions work: Redis confirms (within the command timeout) every channel this node
     * needs on the current connection, and a probe published by this node comes back through its subscription
     * and its dispatching thread.
     */
    @Override
    public CompletionStage<Void> checkHealth() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new BrokerException("the broker is closed"));
        }
        DeadlinePublisher deadline = link.publisher();
        if (!link.subscriberAttached() || deadline == null) {
            return CompletableFuture.failedFuture(new BrokerException("Redis at " + description
                    + " is unreachable: not reached since the broker started (" + lastFailure() + ")"));
        }
        if (!connections.subscriberOpen()) {
            return CompletableFuture.failedFuture(new BrokerException("Redis at " + description
                    + " is unreachable: the subscribing connection is down"));
        }
        return channels.allConfirmed(commandTimeout, description)
                .thenCompose(confirmed -> probe.checkAndRecalibrate(deadline));
    }

    @Override
    public DeliveryStats stats() {
        return dispatcher.stats();
    }

    @Override
    public HistoryOptions history() {
        return history.options();
    }

    /** The replays of this node's subscriptions; what Redis retains is not counted (reported as 0). */
    @Override
    public HistoryStats historyStats() {
        return dispatcher.historyStats();
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
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ConnectRetries connecting = retries;
        if (connecting != null) {
            connecting.stop();
        }
        DeadlinePublisher deadline = link.publisher();
        if (deadline != null && link.subscriberAttached() && connections.subscriberOpen()) {
            // Redis keeps order, and so does the inbox: the probe comes back after every earlier publication has
            // been dispatched.
            probe.awaitRoundTrip(deadline.connection());
        }
        inbox.close(commandTimeout.toMillis());
        dispatcher.close();
        connections.close();
    }

    /** The Redis URI, password masked. */
    @Override
    public String toString() {
        return "RedisBroker[" + description + "]";
    }

    private String lastFailure() {
        ConnectRetries connecting = retries;
        return connecting == null ? "" : connecting.lastFailure();
    }

    /** Builds a {@link RedisBroker}; every setter names the setting it rejects. */
    public static final class Builder {

        /** Default of {@link #commandTimeout(Duration)}. */
        public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
        /** Default of {@link #maxReconnectDelay(Duration)}. */
        public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
        /** Default of {@link #maxPendingBytes(long)}: 64 MiB, twice Redis' default hard limit for a pub/sub client. */
        public static final long DEFAULT_MAX_PENDING_BYTES = 64L << 20;

        /** Default of {@link #startWithoutRedis(boolean)}: {@link #connect()} fails when Redis cannot be reached. */
        public static final boolean DEFAULT_START_WITHOUT_REDIS = false;

        private final URI uri;
        private DeliveryOptions deliveryOptions = DeliveryOptions.ofDefaults();
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
        private long maxPendingBytes = DEFAULT_MAX_PENDING_BYTES;
        private boolean startWithoutRedis = DEFAULT_START_WITHOUT_REDIS;
        private HistoryOptions history = HistoryOptions.ofDefaults();

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new IllegalArgumentException("the Redis URI must start with redis:// or rediss://: " + uri);
            }
        }

        /**
         * The queue limits of {@link Delivery#QUEUED} subscriptions.
         *
         * @param options the limits
         * @return this builder
         */
        public Builder deliveryOptions(DeliveryOptions options) {
            this.deliveryOptions = Objects.requireNonNull(options, "deliveryOptions");
            return this;
        }

        /**
         * How long a Redis command (a publication, a health probe) may take before it fails.
         *
         * @param timeout positive; default {@link #DEFAULT_COMMAND_TIMEOUT}
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive(timeout, "commandTimeout");
            return this;
        }

        /**
         * The longest pause between reconnection attempts; keep it short so delivery resumes quickly.
         *
         * @param delay positive; default {@link #DEFAULT_MAX_RECONNECT_DELAY}
         * @return this builder
         */
        public Builder maxReconnectDelay(Duration delay) {
            this.maxReconnectDelay = positive(delay, "maxReconnectDelay");
            return this;
        }

        /**
         * How many bytes of messages read from Redis may wait for this node's dispatching thread. The thread that
         * reads Redis only hands messages over, so Redis never holds a backlog for this node; should dispatching
         * fall this far behind, further messages are dropped and logged rather than grow the heap.
         *
         * @param bytes positive; default {@link #DEFAULT_MAX_PENDING_BYTES}
         * @return this builder
         */
        public Builder maxPendingBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxPendingBytes must be positive: " + bytes);
            }
            this.maxPendingBytes = bytes;
            return this;
        }

        /**
         * Whether {@link #connect()} returns a broker even when Redis cannot be reached yet, as a server started
         * next to its Redis (by Compose or Kubernetes) needs; by default it fails instead. Such a broker logs once
         * that Redis is not reachable yet and keeps trying in the background, with pauses growing from 100 ms to
         * {@link #maxReconnectDelay(Duration)}. Until it reaches Redis, publications fail with
         * {@link BrokerException} and so does {@link RedisBroker#checkHealth()}, while subscriptions are accepted;
         * once it does, their channels are subscribed and the broker works as if Redis had been there from the
         * start.
         *
         * <pre>{@code
         * Broker broker = RedisBroker.builder(URI.create("redis://redis:6379")).startWithoutRedis(true).connect();
         * }</pre>
         *
         * @param startWithoutRedis true to start without Redis; default {@link #DEFAULT_START_WITHOUT_REDIS}
         * @return this builder
         */
        public Builder startWithoutRedis(boolean startWithoutRedis) {
            this.startWithoutRedis = startWithoutRedis;
            return this;
        }

        /**
         * How much history to keep in Redis for subscribers that resume (SPEC §9): per topic, a stream of the latest
         * {@code size} events no older than {@code ttl} ({@code maxBytes} applies to in-memory brokers only). Every
         * node sharing a Redis must keep the same; see docs/scale-out.md for the Redis commands it needs.
         *
         * @param history the history; {@link HistoryOptions#OFF} for none; default {@link HistoryOptions#ofDefaults()}
         * @return this builder
         */
        public Builder history(HistoryOptions history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        /**
         * Connects; with {@link #startWithoutRedis(boolean)}, keeps connecting in the background when Redis cannot
         * be reached now.
         *
         * @return the broker
         * @throws BrokerException when Redis cannot be reached now or refuses the credentials, unless the broker
         *         may {@linkplain #startWithoutRedis(boolean) start without Redis}
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
