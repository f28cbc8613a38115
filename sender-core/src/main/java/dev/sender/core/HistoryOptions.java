package dev.sender.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How much history a broker keeps per topic so that subscribers can resume (SPEC §9): the latest
 * {@code size} events of each topic, none older than {@code ttl}, and (in memory) at most {@code maxBytes} of
 * message JSON across all topics, oldest first. A size of 0 turns history off.
 *
 * @param size most events kept per topic; 0 keeps none
 * @param ttl how long an event is kept at most; positive
 * @param maxBytes most bytes of message JSON kept across topics by an in-memory broker; positive
 */
public record HistoryOptions(int size, Duration ttl, long maxBytes) {

    /** Default of {@link #size()}. */
    public static final int DEFAULT_SIZE = 1000;

    /** Default of {@link #ttl()}: 5 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    /** Default of {@link #maxBytes()}: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    /** No history: subscriptions start live, messages carry no position. */
    public static final HistoryOptions OFF = new HistoryOptions(0, DEFAULT_TTL, DEFAULT_MAX_BYTES);

    /**
     * Checks the bounds.
     *
     * @param size most events kept per topic; 0 keeps none
     * @param ttl how long an event is kept at most; positive
     * @param maxBytes most bytes of message JSON kept across topics by an in-memory broker; positive
     */
    public HistoryOptions {
        Objects.requireNonNull(ttl, "ttl");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }

    /**
     * The defaults of SPEC §9.
     *
     * @return {@value #DEFAULT_SIZE} events per topic for 5 minutes, 256 MiB in all
     */
    public static HistoryOptions ofDefaults() {
        return new HistoryOptions(DEFAULT_SIZE, DEFAULT_TTL, DEFAULT_MAX_BYTES);
    }

    /**
     * Whether history is kept at all.
     *
     * @return true when {@link #size()} is positive
     */
    public boolean enabled() {
        return size > 0;
    }
}
