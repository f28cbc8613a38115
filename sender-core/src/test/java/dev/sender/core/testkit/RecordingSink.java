package dev.sender.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.CloseReason;
import dev.sender.core.MessageSink;
import dev.sender.core.event.EventMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A sink that records what it receives, for tests to await. */
public class RecordingSink implements MessageSink {

    /** How long awaiting methods wait before failing. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<EventMessage> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    @Override
    public void onMessage(EventMessage message) {
        messages.add(message);
    }

    @Override
    public void onClose(CloseReason reason) {
        closed.complete(reason);
    }

    /** The next message, waiting up to {@link #TIMEOUT}. */
    public EventMessage awaitMessage() {
        try {
            EventMessage message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within %s", TIMEOUT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next {@code count} messages, in order. */
    public List<EventMessage> awaitMessages(int count) {
        List<EventMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(awaitMessage());
        }
        return out;
    }

    /** Messages received and not yet awaited, without waiting. */
    public List<EventMessage> drain() {
        List<EventMessage> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    /** Why the broker closed the subscription, waiting up to {@link #TIMEOUT}. */
    public CloseReason awaitClose() {
        try {
            return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the subscription was not closed within " + TIMEOUT, e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the broker closed the subscription. */
    public boolean isClosed() {
        return closed.isDone();
    }
}
