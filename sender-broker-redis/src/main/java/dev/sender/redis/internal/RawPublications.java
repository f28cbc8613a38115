package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import dev.sender.core.HistoryOptions;
import dev.sender.core.RequestId;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.event.Publication;
import dev.sender.core.spi.LocalDispatcher;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives positions to the publications that arrive on a channel without one: those LUNA's handlers (or any Redis
 * client) {@code PUBLISH} themselves. Every node that hears such a payload asks Redis to store it; a script keyed
 * by the payload's SHA-256 stores it once, however many nodes ask, and announces {@code <entry ID> <sha-256>} on
 * the topic's positions channel. Each node holds the payload back until that announcement and delivers it then,
 * at its position: announcements travel on the same connection as Sender's own publications, which Redis stores
 * and publishes in one step, so every node delivers in stream order whichever source an event came from.
 *
 * <p>Stored payloads take their order from the first node to store each, and a node stores the payloads it hears
 * in the order it hears them, so the stream keeps the channel's order, provided that a node that starts listening
 * to a topic does not store a payload before the nodes already listening have stored the earlier ones, which it
 * did not hear. So a node that joins a topic follows: it stores nothing until another node announces a payload
 * it heard (the others have then stored everything before it), unless it is alone on the topic (by
 * {@code PUBSUB NUMSUB} of the positions channel) or another node has announced nothing within the grace period.
 *
 * <p>A payload byte for byte equal to one stored in the last {@link #REMEMBERED} counts as the same publication;
 * LUNA's payloads carry a request id, so only a repeated publication is. When Redis does not store the payload
 * (it refuses the script, or does not answer in time), the node delivers it at once, without a position. A node
 * that starts listening between a payload and its announcement reads the payload from the stream.
 *
 * <p>Everything but the script's completion runs on the node's dispatching thread.
 */
public final class RawPublications {

    /** How long Redis remembers where a payload was stored, so that nodes that hear it late store it once. */
    public static final Duration REMEMBERED = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(RawPublications.class);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final HistoryOptions history;
    private final LocalDispatcher dispatcher;
    private final Supplier<@Nullable DeadlinePublisher> publisher;
    private final Executor dispatchingThread;
    private final Predicate<Topic> listened;
    private final long holdNanos;
    private final long graceMillis;
    /** Payloads waiting for their announcement, oldest first, by the key that remembers them in Redis. */
    private final Map<String, Held> held = new LinkedHashMap<>();
    /** The topics this node joined and does not store payloads of yet, each with the number of its join. */
    private final Map<Topic, Long> following = new HashMap<>();
    private long joins;
    private long lastWarningNanos = System.nanoTime() - WARNING_INTERVAL_NANOS;

    /**
     * Positions for the publications of {@code dispatcher}'s topics ({@code listened} tells whether it has
     * subscribers of a topic), stored through {@code publisher} (null while not connected); continuations run on
     * {@code dispatchingThread}; a node that joined a topic follows for {@code grace} at most, and a payload whose
     * announcement has not come within twice that is given up.
     */
    public RawPublications(HistoryOptions history, LocalDispatcher dispatcher,
            Supplier<@Nullable DeadlinePublisher> publisher, Executor dispatchingThread, Predicate<Topic> listened,
            Duration grace) {
        this.history = history;
        this.dispatcher = dispatcher;
        this.publisher = publisher;
        this.dispatchingThread = dispatchingThread;
        this.listened = listened;
        this.graceMillis = grace.toMillis();
        this.holdNanos = grace.multipliedBy(2).toNanos();
    }

    /**
     * Redis confirmed this node's subscription to {@code topic}'s channel: the payloads that come next were
     * published after it, earlier ones it did not hear. Follows the topic until it may store payloads itself.
     */
    public void joined(Topic topic) {
        long join = ++joins;
        following.put(topic, join);
        DeadlinePublisher deadline = publisher.get();
        if (deadline != null) {
            String channel = HistoryKeys.positionsChannel(topic);
            deadline.connection().async().pubsubNumsub(channel).whenComplete((listeners, error) -> {
                if (error == null && listeners.getOrDefault(channel, 0L) <= 1) {
                    dispatchingThread.execute(() -> lead(topic, join));
                }
            });
        }
        CompletableFuture.delayedExecutor(graceMillis, TimeUnit.MILLISECONDS, dispatchingThread)
                .execute(() -> lead(topic, join));
    }

    /** Ends the join {@code join} of {@code topic}, unless over already: stores the payloads held, in order. */
    private void lead(Topic topic, long join) {
        if (!following.remove(topic, join)) {
            return;
        }
        held.forEach((key, payload) -> {
            if (payload.topic.equals(topic) && !payload.storing) {
                store(key, payload);
            }
        });
    }

    /** {@code publication}, read from {@code payload} on {@code topic}'s channel, came without a position. */
    public void received(Topic topic, byte[] payload, Publication publication) {
        giveUpOldest();
        String digest = sha256(payload);
        String key = HistoryKeys.ingested(topic, digest);
        if (held.containsKey(key)) {
            LOG.debug("A publication on {} repeats one that waits for its position; it counts as that one", topic);
            return;
        }
        Held waiting = new Held(topic, publication, payload, digest, System.nanoTime());
        held.put(key, waiting);
        if (!following.containsKey(topic)) {
            store(key, waiting);
        }
    }

    private void store(String key, Held payload) {
        payload.storing = true;
        DeadlinePublisher deadline = publisher.get();
        CompletableFuture<String> stored = deadline == null
                ? CompletableFuture.failedFuture(new BrokerException("Redis was not reached yet"))
                : deadline.ingest(HistoryKeys.stream(payload.topic), key, HistoryKeys.positionsChannel(payload.topic),
                        payload.digest, payload.payload, history, REMEMBERED);
        stored.whenComplete((id, error) -> {
            if (error != null) {
                dispatchingThread.execute(() -> notStored(key, error));
            }
        });
    }

    /** {@code announcement}, {@code <entry ID> <sha-256>}, came on {@code topic}'s positions channel. */
    public void announced(Topic topic, byte[] announcement) {
        giveUpOldest();
        String text = new String(announcement, StandardCharsets.US_ASCII);
        int space = text.indexOf(' ');
        String entryId = space < 0 ? "" : text.substring(0, space);
        if (StreamPosition.parseEntryId(entryId) == null) {
            LOG.warn("Ignoring an announcement on {} that is not '<entry ID> <sha-256>': {}", topic, text);
            return;
        }
        Held payload = held.remove(HistoryKeys.ingested(topic, text.substring(space + 1)));
        if (payload != null) {
            if (!payload.delivered) {
                deliver(topic, payload.publication, entryId);
            }
            // Another node stored a payload this node heard, so everything before it too: this node may store.
            Long join = following.get(topic);
            if (join != null) {
                lead(topic, join);
            }
        } else if (listened.test(topic)) {
            fetch(topic, entryId);
        }
    }

    private void notStored(String key, Throwable error) {
        Held payload = held.get(key);
        if (payload == null || payload.delivered) {
            return;
        }
        // Kept, marked, so that an announcement by another node that did store it is not delivered again.
        payload.delivered = true;
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        long now = System.nanoTime();
        if (now - lastWarningNanos >= WARNING_INTERVAL_NANOS) {
            lastWarningNanos = now;
            LOG.warn("A publication on {} that came without a position was not stored in history ({}); delivered "
                    + "without one", payload.topic, cause.getMessage());
        }
        dispatcher.dispatch(LivePayloads.withRequestId(payload.publication, RequestId.generate()));
    }

    /** Reads the publication stored at {@code entryId}, whose payload reached Redis before this node listened. */
    private void fetch(Topic topic, String entryId) {
        DeadlinePublisher deadline = publisher.get();
        try {
            List<StreamMessage<String, byte[]>> entries = deadline == null ? List.of()
                    : deadline.connection().sync().xrange(HistoryKeys.stream(topic), Range.create(entryId, entryId));
            for (StreamMessage<String, byte[]> entry : entries) {
                byte[] payload = entry.getBody().get(DeadlinePublisher.PAYLOAD_FIELD);
                if (payload != null) {
                    deliver(topic, LivePayloads.read(topic, payload), entryId);
                }
            }
        } catch (RedisException | InvalidJsonException e) {
            LOG.warn("Could not read the publication stored at {} on {}: {}", entryId, topic, e.getMessage());
        }
    }

    private void deliver(Topic topic, Publication publication, String entryId) {
        for (EventMessage message : LivePayloads.messages(publication, entryId)) {
            dispatcher.dispatch(topic, message);
        }
    }

    /**
     * Forgets payloads held longer than the limit: a payload repeated within a minute (its twin took the
     * announcement), or one whose announcement was lost with a connection.
     */
    private void giveUpOldest() {
        long now = System.nanoTime();
        for (Iterator<Held> oldest = held.values().iterator(); oldest.hasNext(); ) {
            Held payload = oldest.next();
            if (now - payload.receivedNanos < holdNanos) {
                return;
            }
            oldest.remove();
            if (!payload.delivered) {
                LOG.debug("Gave up a publication on {} whose position was not announced within {} ms", payload.topic,
                        TimeUnit.NANOSECONDS.toMillis(holdNanos));
            }
        }
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A payload waiting for its announcement. */
    private static final class Held {
        final Topic topic;
        final Publication publication;
        final byte[] payload;
        final String digest;
        final long receivedNanos;
        /** Whether this node asked Redis to store it. */
        boolean storing;
        /** Whether it was delivered without a position because Redis did not store it. */
        boolean delivered;

        Held(Topic topic, Publication publication, byte[] payload, String digest, long receivedNanos) {
            this.topic = topic;
            this.publication = publication;
            this.payload = payload;
            this.digest = digest;
            this.receivedNanos = receivedNanos;
        }
    }
}
