package dev.sender.client.internal;

import dev.sender.client.EventsLostException;
import dev.sender.client.SubscriptionClosedException;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of a {@link MessageBuffer} as a {@link Flow.Publisher} for one subscriber, which receives no more than
 * it requested; then {@code onComplete} once the buffer is closed by the application and empty, or {@code onError}
 * as soon as it is closed by a failure, or with the first gap ({@link EventsLostException}) it reaches. Cancelling,
 * an invalid request, or a gap closes the subscription.
 *
 * <p>Every signal runs on the subscription's serial executor, from a drain that at most one of is queued at a time.
 * Its lock guards the subscriber's demand and is taken before the buffer's; nothing else is called while it is held.
 *
 * @param <T> the message type
 */
final class FlowPublisher<T> implements Flow.Publisher<T> {

    private static final Logger LOG = LoggerFactory.getLogger(FlowPublisher.class);

    private final URI uri;
    private final MessageBuffer<T> buffer;
    /** Parses a frame; null when it does not read (and was reported). */
    private final Function<String, @Nullable T> reader;
    /** Runs every signal, in order. */
    private final Executor signals;
    /** Closes the subscription on behalf of the Flow subscriber: why, and the WebSocket close reason. */
    private final BiConsumer<String, String> close;
    /** Whether a drain is queued on {@link #signals}. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    private final ReentrantLock lock = new ReentrantLock();
    /** Whether a subscriber was accepted; a second one is refused. */
    private boolean subscribed;
    /** The subscriber's subscription until it is done, then null, so that the subscriber can be collected. */
    private @Nullable Demand current;

    FlowPublisher(URI uri, MessageBuffer<T> buffer, Function<String, @Nullable T> reader, Executor signals,
            BiConsumer<String, String> close) {
        this.uri = uri;
        this.buffer = buffer;
        this.reader = reader;
        this.signals = signals;
        this.close = close;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Demand accepted;
        lock.lock();
        try {
            if (subscribed) {
                accepted = null;
            } else {
                subscribed = true;
                accepted = new Demand(subscriber);
                current = accepted;
            }
        } finally {
            lock.unlock();
        }
        if (accepted == null) {
            reject(subscriber, "this subscription's publisher already has a subscriber");
            return;
        }
        buffer.onChange(this::queueDrain);
        signals.execute(() -> {
            try {
                subscriber.onSubscribe(accepted);
            } catch (RuntimeException e) {
                LOG.warn("a Flow subscriber of {} failed in onSubscribe; cancelling", uri, e);
                accepted.cancel();
            }
        });
        queueDrain();
    }

    /** Refuses {@code subscriber}, on the caller's thread: a subscription that does nothing, then the refusal. */
    static void reject(Flow.Subscriber<?> subscriber, String refusal) {
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onError(new IllegalStateException(refusal));
    }

    private void queueDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            signals.execute(() -> {
                drainQueued.set(false);
                drain();
            });
        }
    }

    /** On {@link #signals}: hands the subscriber what it asked for, and the end when it comes. */
    private void drain() {
        Demand d;
        lock.lock();
        try {
            d = current;
        } finally {
            lock.unlock();
        }
        if (d == null) {
            return;
        }
        while (true) {
            String frame = null;
            Throwable error = null;
            Object entry;
            lock.lock();
            try {
                if (d.done) {
                    return;
                }
                if (d.invalidRequest != null) {
                    error = new IllegalArgumentException("request(" + d.invalidRequest
                            + "): demand must be positive (Reactive Streams rule 3.9)");
                    finish(d);
                } else if (d.cancelled) {
                    finish(d);
                    return;
                } else if (d.demand > 0 && (entry = buffer.poll()) != null) {
                    if (entry instanceof EventsLostException gap) {
                        error = gap;
                        finish(d);
                    } else {
                        frame = (String) entry;
                        d.demand--;
                    }
                } else {
                    SubscriptionClosedException closed = buffer.closedBecause();
                    if (closed == null || (closed.closedByApplication() && !buffer.isEmpty())) {
                        return;
                    }
                    // A failure does not wait for demand: what arrived and was not requested is dropped with it.
                    error = closed.closedByApplication() ? null : closed;
                    finish(d);
                }
            } finally {
                lock.unlock();
            }
            if (frame != null) {
                T message = reader.apply(frame);
                if (message == null) {
                    lock.lock();
                    try {
                        d.demand++;
                    } finally {
                        lock.unlock();
                    }
                    continue;
                }
                try {
                    d.subscriber.onNext(message);
                } catch (RuntimeException e) {
                    LOG.warn("a Flow subscriber of {} failed in onNext; cancelling", uri, e);
                    d.cancel();
                    return;
                }
            } else if (error != null) {
                Throwable signal = error;
                safely(() -> d.subscriber.onError(signal));
                if (error instanceof IllegalArgumentException) {
                    close.accept("the Flow subscriber made an invalid request", "invalid request");
                } else if (error instanceof EventsLostException) {
                    close.accept("events were lost, which ended the Flow subscriber with onError", "events lost");
                }
                return;
            } else {
                safely(d.subscriber::onComplete);
                return;
            }
        }
    }

    /** Under the lock: nothing more goes to the subscriber of {@code d}, and the publisher forgets it. */
    private void finish(Demand d) {
        d.done = true;
        if (current == d) {
            current = null;
        }
    }

    private void safely(Runnable signal) {
        try {
            signal.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("the Flow subscriber of {} failed", uri, e);
        }
    }

    /** The demand of the one subscriber; fields guarded by the publisher's lock. */
    private final class Demand implements Flow.Subscription {

        final Flow.Subscriber<? super T> subscriber;
        /** Messages requested and not yet delivered; saturates at {@code Long.MAX_VALUE} (rule 3.17). */
        long demand;
        /** The first non-positive request, to be answered with onError (rule 3.9). */
        @Nullable Long invalidRequest;
        boolean cancelled;
        /** Whether a terminal signal was sent or the subscriber cancelled; nothing follows it. */
        boolean done;

        Demand(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            lock.lock();
            try {
                if (done || cancelled) {
                    return;
                }
                if (n <= 0) {
                    if (invalidRequest == null) {
                        invalidRequest = n;
                    }
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
            } finally {
                lock.unlock();
            }
            queueDrain();
        }

        @Override
        public void cancel() {
            lock.lock();
            try {
                if (cancelled) {
                    return;
                }
                cancelled = true;
            } finally {
                lock.unlock();
            }
            close.accept("the Flow subscriber cancelled", "cancelled");
            queueDrain();
        }
    }
}
