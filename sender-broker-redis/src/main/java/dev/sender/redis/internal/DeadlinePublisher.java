package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import dev.sender.core.HistoryOptions;
import io.lettuce.core.RedisCommandTimeoutException;
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
import org.jspecify.annotations.Nullable;

/**
 * Publishes with a deadline that Redis itself enforces, so that a publication Sender answered as failed never
 * reaches a subscriber later. A plain {@code PUBLISH} that times out (Redis frozen, say) still sits in Redis'
 * socket and runs when Redis wakes up: a publisher that retries then delivers its events twice. Here a small
 * script publishes only while Redis' own clock is before the deadline, which falls a quarter of the command
 * timeout before Sender gives up: a publication answered with a timeout was abandoned, one answered 201 was
 * delivered. The deadline is written in Redis' clock, from an offset measured with {@code TIME} at connection
 * and at every health check; until the first measurement succeeds, every publication fails.
 *
 * <p>With history (SPEC §9) the script also stores the publication in its topic's stream before publishing it,
 * in the same atomic step, so that a publication is stored exactly when it goes out and the stream's order is
 * the order in which every node receives publications; another script stores the publications LUNA's handlers
 * put on the channels themselves ({@link RawPublications}). Streams are trimmed loosely ({@code MAXLEN ~},
 * {@code MINID ~}) to a little more than the history, which {@link HistoryReader} keeps to exactly.
 */
public final class DeadlinePublisher {

    /** The field of a stream entry that holds the publication's payload. */
    public static final String PAYLOAD_FIELD = "p";

    /** Publishes ARGV[2] on channel ARGV[1] unless Redis' clock (ms) is past ARGV[3]; -1 when it was too late. */
    static final String SCRIPT = "local t = redis.call('TIME') "
            + "if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[3]) then return -1 end "
            + "return redis.call('PUBLISH', ARGV[1], ARGV[2])";

    /**
     * Unless Redis' clock (ms) is past ARGV[1] (then nil): appends payload ARGV[3] to stream KEYS[1] (trimmed to at
     * least ARGV[4] entries and at least the last ARGV[5] ms, expiring after ARGV[5] ms without additions), then
     * publishes it on channel ARGV[2] with the entry's ID as one more top-level key; returns the ID.
     */
    static final String RETAINING_SCRIPT = "local t = redis.call('TIME') "
            + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) "
            + "if now > tonumber(ARGV[1]) then return false end "
            + "local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*', '" + PAYLOAD_FIELD + "', ARGV[3]) "
            + "redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', now - tonumber(ARGV[5]))) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[5]) "
            + "redis.call('PUBLISH', ARGV[2], string.sub(ARGV[3], 1, -2) .. ',\"" + LivePayloads.HISTORY_ID
            + "\":\"' .. id .. '\"}') "
            + "return id";

    /**
     * Returns the entry ID remembered at KEYS[2] when there is one; else, unless Redis' clock (ms) is past ARGV[1]
     * (then nil), appends payload ARGV[3] to stream KEYS[1] as {@link #RETAINING_SCRIPT} does, remembers the entry
     * ID at KEYS[2] for ARGV[7] ms, announces {@code <ID> <ARGV[6]>} on channel ARGV[2], and returns the ID.
     */
    static final String INGESTING_SCRIPT = "local known = redis.call('GET', KEYS[2]) "
            + "if known then return known end "
            + "local t = redis.call('TIME') "
            + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) "
            + "if now > tonumber(ARGV[1]) then return false end "
            + "local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*', '" + PAYLOAD_FIELD + "', ARGV[3]) "
            + "redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', now - tonumber(ARGV[5]))) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[5]) "
            + "redis.call('SET', KEYS[2], id, 'PX', ARGV[7]) "
            + "redis.call('PUBLISH', ARGV[2], id .. ' ' .. ARGV[6]) "
            + "return id";

    private final StatefulRedisConnection<String, byte[]> connection;
    private final long budgetMillis;
    private final long timeoutMillis;
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
    }

    /** The connection it publishes on. */
    public StatefulRedisConnection<String, byte[]> connection() {
        return connection;
    }

    /** Whether Redis' clock was measured, so that publications can go out. */
    public boolean calibrated() {
        return calibrated;
    }

    /** Redis' clock now, in milliseconds since the epoch, as measured at the last calibration. */
    public long redisNowMillis() {
        return System.currentTimeMillis() + clockOffsetMillis;
    }

    /**
     * Publishes {@code payload} on {@code channel}; completes when Redis has published it, and fails with
     * {@link BrokerException} when Redis refused it, took too long, or ran it after its deadline (it was then
     * not published).
     */
    public CompletableFuture<Void> publish(String channel, byte[] payload) {
        return this.<Long>run(SCRIPT, ScriptOutputType.INTEGER, new String[0],
                bytes(channel), payload, null).thenApply(receivers -> {
                    if (receivers != null && receivers < 0) {
                        throw tooLate();
                    }
                    return null;
                });
    }

    /**
     * Stores {@code payload} in {@code stream} (trimmed to {@code history}) and publishes it on {@code channel} with
     * the entry's ID added as {@link LivePayloads#HISTORY_ID}, in one step; completes with the entry's ID, and fails
     * as {@link #publish} does, in which case neither happened.
     */
    public CompletableFuture<String> publishRetained(String stream, String channel, byte[] payload,
            HistoryOptions history) {
        return this.<byte[]>run(RETAINING_SCRIPT, ScriptOutputType.VALUE, new String[] {stream}, null,
                bytes(channel), payload, keptEntries(history), keptMillis(history))
                .thenApply(DeadlinePublisher::entryId);
    }

    /**
     * Stores a LUNA handler's {@code payload} in {@code stream} unless {@code ingestedKey} tells where it was stored
     * already (in the last {@code remembered}), announcing {@code <entry ID> <digest>} on {@code positionsChannel}
     * when it stores it; completes with the entry's ID, and fails as {@link #publish} does.
     */
    public CompletableFuture<String> ingest(String stream, String ingestedKey, String positionsChannel, String digest,
            byte[] payload, HistoryOptions history, Duration remembered) {
        return this.<byte[]>run(INGESTING_SCRIPT, ScriptOutputType.VALUE,
                new String[] {stream, ingestedKey}, null, bytes(positionsChannel), payload,
                keptEntries(history), keptMillis(history), bytes(digest), millis(remembered))
                .thenApply(DeadlinePublisher::entryId);
    }

    private static String entryId(byte @Nullable [] id) {
        if (id == null) {
            throw tooLate();
        }
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static BrokerException tooLate() {
        return new BrokerException("Redis ran the publication after its deadline; it was abandoned and not "
                + "delivered");
    }

    /**
     * Runs {@code script} with {@code args}, in which the one null stands for the deadline: a quarter of the command
     * timeout before this node gives up, in Redis' clock.
     *
     * <p>Always by {@code EVAL}, never {@code EVALSHA}: a fresh or restarted Redis has no script cached, and the
     * {@code NOSCRIPT} answers to publications already on the wire, retried with {@code EVAL}, would run after
     * later publications and change their order in the stream and on the channel.
     */
    private <T> CompletableFuture<T> run(String script, ScriptOutputType output, String[] keys,
            byte @Nullable []... args) {
        if (!calibrated) {
            return CompletableFuture.failedFuture(new BrokerException("Redis' clock was not measured yet; the "
                    + "publication was not sent"));
        }
        byte[] deadline = bytes(Long.toString(redisNowMillis() + budgetMillis));
        byte[][] arguments = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            arguments[i] = args[i] == null ? deadline : args[i];
        }
        CompletableFuture<T> run = connection.async().<T>eval(script, output, keys, arguments).toCompletableFuture();
        return run.handle((result, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof RedisCommandTimeoutException) {
                    throw new BrokerException("Redis did not answer within " + timeoutMillis + " ms; the "
                            + "publication was abandoned and will not be delivered", cause);
                }
                throw new BrokerException("Redis did not take the publication: " + cause.getMessage(), cause);
            }
            return result;
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * How many entries a stream keeps at least: one more than the history, so that the event just before the
     * oldest retained one is still there to prove that a resume from it misses nothing ({@link HistoryReader}).
     */
    private static byte[] keptEntries(HistoryOptions history) {
        return bytes(Integer.toString(history.size() + 1));
    }

    /** How long a stream keeps entries at least: twice the history's TTL, for the same reason. */
    private static byte[] keptMillis(HistoryOptions history) {
        return millis(history.ttl().multipliedBy(2));
    }

    private static byte[] millis(Duration duration) {
        return bytes(Long.toString(Math.max(1, duration.toMillis())));
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
