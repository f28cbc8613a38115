package dev.sender.core;

/** How a broker hands messages to a subscription's {@link MessageSink}. */
public enum Delivery {
    /**
     * Through a bounded queue drained by a broker thread, one message at a time and in order. A sink that is
     * slow or blocks holds back only its own subscription; past the queue's limits the subscription is closed
     * with {@link CloseReason#OVERFLOW}. The safe default.
     */
    QUEUED,
    /**
     * Directly on the publishing thread, without a queue or a thread hop. The sink must never block (it may
     * enqueue on a non-blocking socket, for instance) and may be called by several publishing threads at once;
     * each publisher's messages still arrive in its publish order. A sink that throws is logged and kept.
     */
    DIRECT
}
