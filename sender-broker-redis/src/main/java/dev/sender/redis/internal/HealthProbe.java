package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that both directions work: a probe published on this node's own channel must come back through its
 * pub/sub connection within the timeout.
 */
public final class HealthProbe {

    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);

    /** How failures name Redis, such as {@code Redis at redis://host:6379}. */
    private final String redis;
    private final String channel;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** A probe publishing on {@code channel}; failures name {@code redis}. */
    public HealthProbe(String redis, String channel, Duration timeout) {
        this.redis = redis;
        this.channel = channel;
        this.timeout = timeout;
    }

    /** The node's probe channel. */
    public String channel() {
        return channel;
    }

    /**
     * Completes when a probe published through {@code publisher} went through Redis and back; fails with a
     * {@link BrokerException} saying what broke.
     */
    public CompletionStage<Void> check(StatefulRedisConnection<String, byte[]> publisher) {
        String nonce = UUID.randomUUID().toString();
        CompletableFuture<Void> back = new CompletableFuture<>();
        pending.put(nonce, back);
        CompletableFuture<Void> result = publisher.async().publish(channel, nonce.getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture()
                .handle((receivers, error) -> {
                    if (error != null) {
                        throw new BrokerException(redis + " does not take publications: " + error.getMessage(), error);
                    }
                    return null;
                })
                .thenCompose(published -> back.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(error -> {
                            throw new BrokerException(redis + " does not deliver: no probe came back within "
                                    + timeout.toMillis() + " ms");
                        }))
                .thenApply(ok -> (Void) null);
        result.whenComplete((ok, error) -> pending.remove(nonce));
        return result;
    }

    /**
     * {@link #check(StatefulRedisConnection) Checks} through {@code deadline}'s connection; once the probe made the
     * round trip, measures the offset of Redis' clock again (best effort once it has been measured: publishing
     * needs it).
     */
    public CompletionStage<Void> checkAndRecalibrate(DeadlinePublisher deadline) {
        return check(deadline.connection()).thenCompose(ok -> deadline.recalibrate().handle((done, error) -> {
            if (!deadline.calibrated()) {
                throw new BrokerException(redis + " did not tell its time (TIME): "
                        + (error == null ? "no answer" : error.getMessage()), error);
            }
            return null;
        }));
    }

    /**
     * Waits until a probe published through {@code publisher} came back, or failed; logs a failure. Redis keeps
     * order, so everything published before it has come back too.
     */
    public void awaitRoundTrip(StatefulRedisConnection<String, byte[]> publisher) {
        try {
            check(publisher).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Closing without the last publications from Redis: {}", e.getCause().getMessage());
        }
    }

    /** A probe came back. */
    public void received(String nonce) {
        CompletableFuture<Void> back = pending.remove(nonce);
        if (back != null) {
            back.complete(null);
        }
    }
}
