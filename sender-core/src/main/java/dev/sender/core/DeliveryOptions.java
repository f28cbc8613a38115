package dev.sender.core;

/**
 * Limits of a {@link Delivery#QUEUED} subscription's queue. A subscription whose queue would pass either limit
 * is closed with {@link CloseReason#OVERFLOW}: a subscriber that cannot keep up loses its connection rather
 * than, silently, part of its stream.
 *
 * @param maxQueuedMessages most messages waiting for the sink, at least 1
 * @param maxQueuedBytes most bytes of message JSON waiting for the sink, at least 1
 */
public record DeliveryOptions(int maxQueuedMessages, long maxQueuedBytes) {

    /** Default of {@link #maxQueuedMessages()}. */
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 10_000;

    /** Default of {@link #maxQueuedBytes()}: 16 MiB. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;

    /**
     * Checks the limits.
     *
     * @param maxQueuedMessages the most messages queued for one subscription; positive
     * @param maxQueuedBytes the most bytes of messages queued for one subscription; positive
     */
    public DeliveryOptions {
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be at least 1: " + maxQueuedMessages);
        }
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be at least 1: " + maxQueuedBytes);
        }
    }

    /** {@return the default limits} */
    public static DeliveryOptions ofDefaults() {
        return new DeliveryOptions(DEFAULT_MAX_QUEUED_MESSAGES, DEFAULT_MAX_QUEUED_BYTES);
    }
}
