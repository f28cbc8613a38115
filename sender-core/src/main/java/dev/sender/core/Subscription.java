package dev.sender.core;

import dev.sender.core.filter.Filter;

/**
 * A live subscription: messages of its {@link #topic()} that pass its {@link #filter()} go to its sink until
 * it is closed. Closing is idempotent and frees everything the subscription held.
 */
public interface Subscription extends AutoCloseable {

    /** {@return what the subscription listens to} */
    Topic topic();

    /** {@return the filter messages must pass} */
    Filter filter();

    /** {@return whether messages may still be delivered} */
    boolean isOpen();

    /** {@return bytes of messages accepted for this subscription but not yet handed to its sink} */
    long queuedBytes();

    /**
     * What the topic's history held when the subscription started (SPEC §9).
     *
     * @return the start; {@link SubscriptionStart#NO_HISTORY} for a broker that keeps no history
     */
    default SubscriptionStart historyStart() {
        return SubscriptionStart.NO_HISTORY;
    }

    /** Stops delivery: queued messages are discarded and the sink's {@code onClose} is called. */
    @Override
    void close();
}
