package dev.sender.core.testkit;

import dev.sender.core.CloseReason;
import dev.sender.core.MessageSink;
import dev.sender.core.event.EventMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A sink that keeps every message it receives in order, for tests that look at a long stream as a whole while
 * it is still growing.
 */
public class CollectingSink implements MessageSink {

    private final List<EventMessage> messages = new ArrayList<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    @Override
    public synchronized void onMessage(EventMessage message) {
        messages.add(message);
    }

    @Override
    public void onClose(CloseReason reason) {
        closed.complete(reason);
    }

    /** A copy of the messages received so far, in order. */
    public synchronized List<EventMessage> messages() {
        return new ArrayList<>(messages);
    }

    /** The number of messages received so far. */
    public synchronized int size() {
        return messages.size();
    }

    /** Why the subscription closed, once it has. */
    public CompletableFuture<CloseReason> closed() {
        return closed;
    }
}
