package dev.sender.core.internal;

import dev.sender.core.CloseReason;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.MessageSink;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.sender.core.Delivery#QUEUED}: messages wait in a bounded queue that one task at a time drains
 * into the sink, so a slow sink holds back only itself. Passing a limit closes the subscription with
 * {@link CloseReason#OVERFLOW}.
 */
final class QueuedTarget extends DispatchTarget {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedTarget.class);

    private final DeliveryOptions limits;
    private final Executor executor;
    private final Queue<EventMessage> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedMessages = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    /** Whether a drain task is scheduled or running; only that task touches the sink. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean sinkClosed = new AtomicBoolean();
    /** Null while open; once set, no message is accepted. */
    private volatile @Nullable CloseReason closeReason;
    /** Whether queued messages are dropped on close rather than delivered first. */
    private volatile boolean discardQueued;

    QueuedTarget(Topic topic, Filter filter, MessageSink sink,
            Consumer<DispatchTarget> onRemove, DeliveryOptions limits, Executor executor,
            ReplayGate.@Nullable Rules replay) {
        super(topic, filter, sink, onRemove, replay);
        this.limits = limits;
        this.executor = executor;
    }

    @Override
    void accept(EventMessage message) {
        if (closeReason != null) {
            return;
        }
        int size = message.jsonLength();
        int messages = queuedMessages.incrementAndGet();
        long bytes = queuedBytes.addAndGet(size);
        if (messages > limits.maxQueuedMessages() || bytes > limits.maxQueuedBytes()) {
            queuedMessages.decrementAndGet();
            queuedBytes.addAndGet(-size);
            LOG.warn("Subscriber to {} fell behind ({} messages, {} bytes queued); closing it", topic(),
                    messages - 1, bytes - size);
            closeNow(CloseReason.OVERFLOW);
            return;
        }
        queue.offer(message);
        schedule();
    }

    @Override
    public boolean isOpen() {
        return closeReason == null;
    }

    @Override
    public long queuedBytes() {
        return queuedBytes.get();
    }

    @Override
    public void closeAfterDelivery(CloseReason reason) {
        requestClose(reason, false);
    }

    @Override
    void closeNow(CloseReason reason) {
        requestClose(reason, true);
    }

    private void requestClose(CloseReason reason, boolean discard) {
        synchronized (this) {
            if (closeReason != null) {
                return;
            }
            discardQueued = discard;
            closeReason = reason;
        }
        remove();
        if (discard) {
            // Here rather than in the drain task, which may be stuck in a stalled sink for a long time.
            dropQueued();
        }
        schedule();
    }

    /** Empties the queue, keeping the counters exact; safe to run beside the drain task. */
    private void dropQueued() {
        EventMessage message;
        while ((message = queue.poll()) != null) {
            queuedMessages.decrementAndGet();
            queuedBytes.addAndGet(-message.jsonLength());
        }
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
                LOG.error("Cannot schedule delivery to subscriber of {}", topic(), e);
            }
        }
    }

    private void drain() {
        while (true) {
            EventMessage message;
            while (!discardQueued && (message = queue.poll()) != null) {
                queuedMessages.decrementAndGet();
                queuedBytes.addAndGet(-message.jsonLength());
                sendToSink(message);
            }
            CloseReason reason = closeReason;
            if (reason != null && (discardQueued || queue.isEmpty())) {
                dropQueued();
                if (sinkClosed.compareAndSet(false, true)) {
                    closeSink(reason);
                }
                return;
            }
            draining.set(false);
            if ((queue.isEmpty() && closeReason == null) || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
