package dev.sender.core.spi;

import dev.sender.core.Topic;

/**
 * Learns when a topic gains its first subscription and loses its last, so that a broker listens to a remote
 * channel only while someone here needs it. Calls for one dispatcher are serialised; they should return
 * quickly.
 */
public interface TopicListener {

    /** A listener that does nothing. */
    TopicListener NONE = new TopicListener() {
    };

    /**
     * {@code topic} has its first open subscription.
     *
     * @param topic the topic that now has a subscriber in this process
     */
    default void onFirstSubscription(Topic topic) {
    }

    /**
     * {@code topic}'s last open subscription closed.
     *
     * @param topic the topic that no longer has a subscriber in this process
     */
    default void onLastSubscriptionClosed(Topic topic) {
    }
}
