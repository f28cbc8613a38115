package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes with a deadline that Redis itself enforces, so that a publication Sender answered as failed never
 * reaches a subscriber later. A plain {@code PUBLISH} that times out (Redis frozen, say) still sits in Redis'
 * socket and runs when Redis wakes up: a publisher that retries then delivers its events twice. Here a small
 * script publishes only while Redis' own clock is before the deadline, which falls a quarter of the command
 * timeout before Sender gives up: a publication answered with a timeout was abandoned, one answered 201 was
 * delivered. The deadline is written in Redis' clock, from an offset measured with {@code TIME} at connection
 * and at every health check; until the first measurement succeeds, every publication fails.
 */
public final class DeadlinePublisher {

    /** Publishes ARGV[2] on channel ARGV[1] unless Redis' clock (ms) is past ARGV[3]; -1 when it was too late. */
    static final String SCRIPT = "local t = redis.call('TIME') "
            + "if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[3]) then return -1 end "
            + "return redis.call('PUBLISH', ARGV[1], ARGV[2])";

    private final StatefulRedisConnection<String, byte[]> connection;
    private final long budgetMillis;
    private final long timeoutMillis;
    private final String sha;
    /** Redis' clock minus this machine's, in milliseconds; meaningful once {@link #calibrated}. */
    private volatile long clockOffsetMillis;
    /** Whether the offset was measured at least once; no publication goes out before. */
    private volatile boolean calibrated;

    /**
     * A publisher on {@code connection}, whose commands time out after {@code commandTimeout}; it publishes once
     * {@link #recalibrate()} has measured Redis' clock.
     */
    public DeadlinePublisher(StatefulRedisConnection<String, byte[]> connection, Duration commandTimeout) {
        this.connection = connection;
        this.timeoutMillis = commandTimeout.toMillis();
        this.budgetMillis = timeoutMillis - timeoutMillis / 4;
        this.sha = connection.sync().digest(SCRIPT);
    }

    /** The connection it publishes on. */
    public StatefulRedisConnection<String, byte[]> connection() {
        return connection;
    }

    /** Whether Redis' clock was measured, so that publications can go out. */
    public boolean calibrated() {
        return calibrated;
    }

    /**
     * Publishes {@code payload} on {@code channel}; completes when Redis has published it, and fails with
     * {@link BrokerException} when Redis refused it, took too long, or ran it after its deadline (it was then
     * not published).
     */
    public CompletableFuture<Void> publish(String channel, byte[] payload) {
        if (!calibrated) {
            return CompletableFuture.failedFuture(new BrokerException("Redis' clock was not measured yet; the "
                    + "publication was not sent"));
        }
        long deadline = System.currentTimeMillis() + clockOffsetMillis + budgetMillis;
        byte[][] args = {channel.getBytes(StandardCharsets.UTF_8), payload,
                Long.toString(deadline).getBytes(StandardCharsets.US_ASCII)};
        CompletableFuture<Long> run = connection.async().<Long>evalsha(sha, ScriptOutputType.INTEGER,
                new String[0], args).toCompletableFuture()
                .exceptionallyCompose(error -> unwrap(error) instanceof RedisNoScriptException
                        ? connection.async().<Long>eval(SCRIPT, ScriptOutputType.INTEGER, new String[0], args)
                                .toCompletableFuture()
                        : CompletableFuture.failedFuture(error));
        return run.handle((receivers, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof RedisCommandTimeoutException) {
                    throw new BrokerException("Redis did not answer within " + timeoutMillis + " ms; the "
                            + "publication was abandoned and will not be delivered", cause);
                }
                throw new BrokerException("Redis did not take the publication: " + cause.getMessage(), cause);
            }
            if (receivers != null && receivers < 0) {
                throw new BrokerException("Redis ran the publication after its deadline; it was abandoned and not "
                        + "delivered");
            }
            return null;
        });
    }

    /**
     * Measures the offset of Redis' clock unless it was measured already, waiting up to the command timeout.
     *
     * @throws BrokerException naming {@code redis} when Redis does not tell its time
     */
    public void calibrate(String redis) {
        if (calibrated) {
            return;
        }
        try {
            recalibrate().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while preparing publishing on Redis at " + redis, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new BrokerException("cannot prepare publishing on Redis at " + redis + ": " + cause.getMessage(),
                    cause);
        }
    }

    /** Measures the offset of Redis' clock again, as a health check does; completes when measured. */
    public CompletableFuture<Void> recalibrate() {
        return measureOffset().thenAccept(offset -> {
            clockOffsetMillis = offset;
            calibrated = true;
        });
    }

    private CompletableFuture<Long> measureOffset() {
        long before = System.currentTimeMillis();
        return connection.async().time().toCompletableFuture().thenApply(time -> {
            long after = System.currentTimeMillis();
            return redisMillis(time) - (before + after) / 2;
        });
    }

    private static long redisMillis(List<byte[]> time) {
        long seconds = Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII));
        long micros = Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII));
        return seconds * 1000 + micros / 1000;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
