package dev.sender.bench.load;

import java.io.IOException;

/** Sends one event at a time to whatever is measured; one instance per publishing thread. */
interface Publisher extends AutoCloseable {

    /**
     * Sends an event of group {@code group} stamped with {@code sentNanos} and its {@code sequence} number in the
     * run; returns once the receiving side accepted it (for HTTP, once the response arrived).
     *
     * @return whether it was accepted
     */
    boolean send(int group, long sequence, long sentNanos) throws IOException;

    @Override
    void close() throws IOException;
}
