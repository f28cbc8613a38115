package dev.sender.redis.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps trying to reach a Redis that was not up when the broker started, on a daemon thread of its own: after a
 * pause that starts at {@value #FIRST_DELAY_MILLIS} ms and doubles up to the maximum, until an attempt succeeds or
 * the retries are stopped. Lettuce reconnects by itself only once a first connection was made.
 */
public final class ConnectRetries {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectRetries.class);
    private static final long FIRST_DELAY_MILLIS = 100;

    private final Runnable attempt;
    private final String redis;
    private final long maxDelayMillis;
    private final ScheduledExecutorService thread;
    /** Why the last attempt failed, for health checks. */
    private volatile String lastFailure;

    /**
     * Starts retrying {@code attempt} (which throws when Redis is still not reachable), after a first failure for
     * {@code firstFailure}; {@code redis} names the server in log lines.
     */
    public ConnectRetries(Runnable attempt, String redis, Duration maxDelay, String threadName,
            RuntimeException firstFailure) {
        this.attempt = attempt;
        this.redis = redis;
        this.maxDelayMillis = maxDelay.toMillis();
        this.lastFailure = reason(firstFailure);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
        LOG.warn("Redis at {} is not reachable yet; retrying every {} ms at most, and failing publications and "
                + "health checks until it is ({})", redis, maxDelayMillis, lastFailure);
        schedule(0);
    }

    /** Why the last attempt failed. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Stops retrying. */
    public void stop() {
        thread.shutdownNow();
    }

    private void schedule(int attempts) {
        long delay = Math.min(maxDelayMillis, FIRST_DELAY_MILLIS << Math.min(attempts, 20));
        try {
            thread.schedule(() -> {
                try {
                    attempt.run();
                } catch (RuntimeException e) {
                    lastFailure = reason(e);
                    LOG.debug("Redis at {} is still not reachable: {}", redis, lastFailure);
                    schedule(attempts + 1);
                    return;
                }
                LOG.info("Redis broker connected to {}", redis);
                thread.shutdown();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("retries to reach Redis at {} stopped", redis);
        }
    }

    private static String reason(RuntimeException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : String.valueOf(e.getMessage());
    }
}
