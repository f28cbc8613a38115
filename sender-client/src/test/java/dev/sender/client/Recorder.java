package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.EventMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscription listener and connection listener that records what it is told, in order, as short lines
 * ({@code state CONNECTING->OPEN}, {@code open}, {@code message e1}, {@code close 1001}, {@code error ...}), with the
 * messages themselves and the threads that delivered them.
 */
class Recorder<M extends EventMessage> implements SubscriptionListener<M>, ConnectionListener {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> connectionLines = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    private final BlockingQueue<M> messages = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(Subscription<? extends M> subscription) {
        record("open");
    }

    @Override
    public void onMessage(M message) {
        messages.add(message);
        record("message " + message.event().eventId().orElse("?"));
    }

    @Override
    public void onClose(int code, String reason) {
        record("close " + code);
    }

    @Override
    public void onError(Throwable error) {
        errors.add(error);
        record("error " + error.getClass().getSimpleName());
    }

    @Override
    public void onEventsLost(EventsLostException gap) {
        errors.add(gap);
        record("events lost");
    }

    @Override
    public void onStateChange(Subscription.State previous, Subscription.State current) {
        record("state " + previous + "->" + current);
    }

    @Override
    public void onStateChange(Subscription<?> subscription, Subscription.State previous, Subscription.State current) {
        connection("state " + previous + "->" + current);
    }

    @Override
    public void onClose(Subscription<?> subscription, int code, String reason) {
        connection("close " + code);
    }

    @Override
    public void onReconnecting(Subscription<?> subscription, int attempt, Duration delay) {
        connection("reconnecting " + attempt);
    }

    @Override
    public void onEventsLost(Subscription<?> subscription, EventsLostException gap) {
        connection("events lost");
    }

    @Override
    public void onError(Subscription<?> subscription, Throwable error) {
        connection("error " + error.getClass().getSimpleName());
    }

    private void record(String line) {
        threads.add(Thread.currentThread().getName());
        lines.add(line);
    }

    private void connection(String line) {
        threads.add(Thread.currentThread().getName());
        connectionLines.add(line);
    }

    /** The next message, within {@link #TIMEOUT}. */
    M awaitMessage() {
        try {
            M message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within %s", TIMEOUT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The ids of the messages received and not yet awaited. */
    List<String> drainIds() {
        List<M> out = new ArrayList<>();
        messages.drainTo(out);
        return out.stream().map(m -> m.event().eventId().orElse("?")).toList();
    }

    /** The recorded lines that start with {@code prefix}. */
    List<String> linesStartingWith(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }
}
