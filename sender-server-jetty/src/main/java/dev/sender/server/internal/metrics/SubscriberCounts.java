package dev.sender.server.internal.metrics;

import dev.sender.core.Topic;

/** What the meters read of the subscribers: how many there are, and what waits for them. */
public interface SubscriberCounts {

    /** Open subscriptions of {@code kind}. */
    int count(Topic.Kind kind);

    /** Bytes accepted for subscribers and not yet written because they do not read. */
    long outboundBytes();
}
