package dev.sender.client;

import dev.sender.client.internal.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a subscription whose connection was lost tries again. Attempts are counted from 1 after each loss and
 * start again from 1 once a connection opens; the policy answers the delay before each attempt, or nothing to
 * give up, which closes the subscription.
 *
 * <pre>{@code
 * ReconnectPolicy.ofDefaults();   // 0.5 s doubling up to 30 s, with jitter, without end
 * ReconnectPolicy.disabled();     // a lost connection closes the subscription
 * ReconnectPolicy.exponentialBackoff()
 *         .initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofSeconds(5)).maxAttempts(10).build();
 * ReconnectPolicy fixed = attempt -> Optional.of(Duration.ofSeconds(1));   // any function will do
 * }</pre>
 *
 * <p>Which losses are retried does not depend on the policy: a refused handshake with a 4xx status and a close
 * the application asked for never are; see {@link SenderClient}.
 */
@FunctionalInterface
public interface ReconnectPolicy {

    /** Default {@link Builder#initialDelay(Duration)}: 0.5 s. */
    Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);
    /** Default {@link Builder#maxDelay(Duration)}: 30 s. */
    Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
    /** Default {@link Builder#multiplier(double)}: each delay doubles. */
    double DEFAULT_MULTIPLIER = 2.0;
    /** Default {@link Builder#jitter(double)}: each delay is shortened by up to half, at random. */
    double DEFAULT_JITTER = 0.5;
    /** Default {@link Builder#maxAttempts(int)}: no limit. */
    int DEFAULT_MAX_ATTEMPTS = Integer.MAX_VALUE;

    /**
     * The delay before reconnect attempt {@code attempt}, or empty to give up.
     *
     * @param attempt 1 for the first attempt after a connection was lost, then 2, 3...
     * @return how long to wait before the attempt, or empty to give up and close the subscription
     */
    Optional<Duration> delayBeforeAttempt(int attempt);

    /** {@return exponential backoff with every default: 0.5 s doubling up to 30 s, jitter 0.5, unlimited attempts} */
    static ReconnectPolicy ofDefaults() {
        return exponentialBackoff().build();
    }

    /** {@return never reconnect: a lost connection closes the subscription} */
    static ReconnectPolicy disabled() {
        return Backoff.DISABLED;
    }

    /** {@return a builder of exponential backoff with jitter, starting from the defaults} */
    static Builder exponentialBackoff() {
        return new Builder();
    }

    /**
     * Builds exponential backoff: attempt {@code n} waits {@code min(maxDelay, initialDelay * multiplier^(n-1))},
     * shortened at random by up to {@code jitter} of itself so that clients that lost the same server do not all
     * come back at once. Setters fail at once, naming the setting, on a value that makes no sense.
     */
    final class Builder {

        private Duration initialDelay = DEFAULT_INITIAL_DELAY;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private double multiplier = DEFAULT_MULTIPLIER;
        private double jitter = DEFAULT_JITTER;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

        private Builder() {
        }

        /**
         * The delay before the first attempt; positive.
         *
         * @param delay the first delay
         * @return this builder
         */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = positive(delay, "initialDelay");
            return this;
        }

        /**
         * The longest delay; positive.
         *
         * @param delay the cap on every delay
         * @return this builder
         */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = positive(delay, "maxDelay");
            return this;
        }

        /**
         * How much each delay grows over the previous one; at least 1.
         *
         * @param multiplier the factor between consecutive delays
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1: " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * The largest share of a delay taken off at random, in [0, 1]; 0 makes delays exact.
         *
         * @param jitter the share of each delay that may be taken off
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * The most attempts after one loss before giving up; at least 1.
         *
         * @param attempts the most attempts
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * The policy.
         *
         * @return the policy, immutable
         * @throws IllegalStateException when the initial delay is longer than the maximum delay
         */
        public ReconnectPolicy build() {
            if (initialDelay.compareTo(maxDelay) > 0) {
                throw new IllegalStateException("initialDelay (" + initialDelay + ") must not exceed maxDelay ("
                        + maxDelay + ")");
            }
            return new Backoff(initialDelay, maxDelay, multiplier, jitter, maxAttempts);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
