package dev.sender.cli.internal;

import dev.sender.core.event.EventMessage;

/**
 * Prints each message {@code subscribe} receives, in one {@link OutputFormat}.
 *
 * @param <M> the messages printed
 */
interface MessagePrinter<M extends EventMessage> {

    /**
     * Prints {@code message} and flushes, so that a pipe gets every event as it arrives.
     *
     * @return false when the output is gone (the reader of a pipe has closed it), so printing more is pointless
     */
    boolean print(M message);
}
