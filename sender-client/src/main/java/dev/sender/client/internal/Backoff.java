package dev.sender.client.internal;

import dev.sender.client.ReconnectPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter; {@link #DISABLED} never reconnects.
 *
 * @param initialDelay delay before attempt 1
 * @param maxDelay longest delay
 * @param multiplier growth from one attempt to the next, at least 1
 * @param jitter largest share of a delay taken off at random, in [0, 1]
 * @param maxAttempts attempts before giving up; 0 gives up at once
 */
public record Backoff(Duration initialDelay, Duration maxDelay, double multiplier, double jitter, int maxAttempts)
        implements ReconnectPolicy {

    /** A policy that never reconnects. */
    public static final Backoff DISABLED = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1, 0, 0);

    @Override
    public Optional<Duration> delayBeforeAttempt(int attempt) {
        if (attempt < 1 || attempt > maxAttempts) {
            return Optional.empty();
        }
        double base = initialDelay.toNanos() * Math.pow(multiplier, attempt - 1.0);
        double capped = Math.min(base, maxDelay.toNanos());
        double jittered = capped * (1.0 - jitter * ThreadLocalRandom.current().nextDouble());
        return Optional.of(Duration.ofNanos(Math.max(1L, (long) jittered)));
    }

    @Override
    public String toString() {
        return maxAttempts == 0 ? "ReconnectPolicy.disabled()" : "ReconnectPolicy[initialDelay=" + initialDelay
                + ", maxDelay=" + maxDelay + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxAttempts="
                + (maxAttempts == Integer.MAX_VALUE ? "unlimited" : maxAttempts) + "]";
    }
}
