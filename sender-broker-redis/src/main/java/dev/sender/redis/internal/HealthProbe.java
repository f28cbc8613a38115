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
import java.util.concurrent.TimeUnit;

/**
 * Proves that both directions work: a probe published on this node's own channel must come back through its
 * pub/sub connection within the timeout.
 */
public final class HealthProbe {

    private final StatefulRedisConnection<String, byte[]> publisher;
    private final String channel;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** A probe publishing on {@code channel} through {@code publisher}. */
    public HealthProbe(StatefulRedisConnection<String, byte[]> publisher, String channel, Duration timeout) {
        this.publisher = publisher;
        this.channel = channel;
        this.timeout = timeout;
    }

    /** The node's probe channel. */
    public String channel() {
        return channel;
    }

    /** Completes when a probe went through Redis and back; fails with a {@link BrokerException} saying what broke. */
    public CompletionStage<Void> check() {
        String nonce = UUID.randomUUID().toString();
        CompletableFuture<Void> back = new CompletableFuture<>();
        pending.put(nonce, back);
        CompletableFuture<Void> result = publisher.async().publish(channel, nonce.getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture()
                .handle((receivers, error) -> {
                    if (error != null) {
                        throw new BrokerException("publishing to Redis fails: " + error.getMessage(), error);
                    }
                    return null;
                })
                .thenCompose(published -> back.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(error -> {
                            throw new BrokerException("receiving from Redis fails: no probe came back within "
                                    + timeout.toMillis() + " ms");
                        }))
                .thenApply(ok -> (Void) null);
        result.whenComplete((ok, error) -> pending.remove(nonce));
        return result;
    }

    /** A probe came back. */
    public void received(String nonce) {
        CompletableFuture<Void> back = pending.remove(nonce);
        if (back != null) {
            back.complete(null);
        }
    }
}
