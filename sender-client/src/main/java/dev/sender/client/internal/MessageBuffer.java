package dev.sender.client.internal;

import dev.sender.client.EventsLostException;
import dev.sender.client.SenderException;
import dev.sender.client.SubscriptionClosedException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The messages a subscription received and its application has not taken yet, as raw frames parsed only when taken,
 * with the gaps between them ({@link EventsLostException}, each thrown once in its place), followed by the reason
 * the subscription closed. Its application takes them with {@link #next(long)} and
 * {@link #stream()}, or its {@link FlowPublisher} with {@link #poll()}.
 *
 * <p>Its lock is innermost: nothing else is called while it is held.
 */
final class MessageBuffer<M> {

    private final URI uri;
    private final int capacity;
    /** Parses a frame; null when it does not read (and was reported). */
    private final Function<String, @Nullable M> reader;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a frame arrives or the buffer closes. */
    private final Condition changed = lock.newCondition();
    /** Received frames ({@code String}, at most {@link #capacity}) and gaps ({@link EventsLostException}), in order. */
    private final ArrayDeque<Object> entries = new ArrayDeque<>();
    /** Frames in {@link #entries}. */
    private int frames;
    /** Why the subscription closed; null while it is open. Once set, no frame is added. */
    private @Nullable SubscriptionClosedException terminal;
    /** Told after each arrival and after the close, outside the lock. */
    private volatile Runnable onChange = () -> { };

    MessageBuffer(URI uri, int capacity, Function<String, @Nullable M> reader) {
        this.uri = uri;
        this.capacity = capacity;
        this.reader = reader;
    }

    /** Who to tell when a frame arrives or the buffer closes: the Flow publisher, once it has its subscriber. */
    void onChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Adds a received frame; false when the buffer is full. Once closed, frames are ignored. */
    boolean offer(String frame) {
        lock.lock();
        try {
            if (terminal != null) {
                return true;
            }
            if (frames >= capacity) {
                return false;
            }
            entries.add(frame);
            frames++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onChange.run();
        return true;
    }

    /** Adds a gap after the frames received so far. Once closed, gaps are ignored. */
    void offerGap(EventsLostException gap) {
        lock.lock();
        try {
            if (terminal != null) {
                return;
            }
            entries.add(gap);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onChange.run();
    }

    /** Closes the buffer for good, for reason {@code why}; the frames in it can still be taken. Idempotent. */
    void close(SubscriptionClosedException why) {
        lock.lock();
        try {
            if (terminal != null) {
                return;
            }
            terminal = why;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onChange.run();
    }

    /** The oldest entry, a frame ({@code String}) or a gap ({@link EventsLostException}); null when there is none. */
    @Nullable Object poll() {
        lock.lock();
        try {
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: the oldest entry, or null. */
    private @Nullable Object take() {
        Object entry = entries.poll();
        if (entry instanceof String) {
            frames--;
        }
        return entry;
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return entries.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Why the buffer closed, as a new exception thrown with the caller's stack; null while it is open. */
    @Nullable SubscriptionClosedException closedBecause() {
        lock.lock();
        try {
            return terminal == null ? null : copy(terminal);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next message, waiting at most {@code nanos} (forever when negative); empty on timeout. Frames that do not
     * read are skipped.
     *
     * @throws EventsLostException when the next entry is a gap, which is then taken
     * @throws SubscriptionClosedException when the buffer is closed and empty
     * @throws SenderException when the waiting thread is interrupted
     */
    Optional<M> next(long nanos) {
        long deadline = nanos < 0 ? 0 : System.nanoTime() + nanos;
        while (true) {
            Object entry;
            lock.lock();
            try {
                while (entries.isEmpty()) {
                    if (terminal != null) {
                        throw copy(terminal);
                    }
                    if (nanos < 0) {
                        changed.await();
                    } else {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            return Optional.empty();
                        }
                        changed.awaitNanos(remaining);
                    }
                }
                entry = take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SenderException("interrupted while waiting for a message of " + uri, null, e);
            } finally {
                lock.unlock();
            }
            if (entry instanceof EventsLostException gap) {
                throw new EventsLostException(gap.getMessage(), gap.after());
            }
            M message = reader.apply((String) entry);
            if (message != null) {
                return Optional.of(message);
            }
        }
    }

    /** {@code timeout} in nanoseconds, saturated rather than overflowing; at least 0. */
    static long nanos(Duration timeout) {
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }

    /**
     * The messages as a sequential stream that blocks for each; it ends when the application closed the
     * subscription and throws when it failed.
     */
    Stream<M> stream() {
        Spliterator<M> messages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super M> action) {
                M message;
                try {
                    message = next(-1).orElseThrow();
                } catch (SubscriptionClosedException e) {
                    if (e.closedByApplication()) {
                        return false;
                    }
                    throw e;
                }
                action.accept(message);
                return true;
            }
        };
        return StreamSupport.stream(messages, false);
    }

    private static SubscriptionClosedException copy(SubscriptionClosedException terminal) {
        return new SubscriptionClosedException(terminal.getMessage(), terminal.closeCode(),
                terminal.closedByApplication(), terminal.getCause());
    }
}
