package dev.sender.core.internal;

import dev.sender.core.CloseReason;
import dev.sender.core.MessageSink;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A subscription as a dispatcher sees it: a way to hand over the messages its filter lets through. */
public abstract class DispatchTarget implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchTarget.class);

    private final Topic topic;
    private final Filter filter;
    private final MessageSink sink;
    private final Consumer<DispatchTarget> onRemove;
    private final AtomicBoolean removed = new AtomicBoolean();
    /** Null for a subscription that starts live; else what holds live messages until its replay is done. */
    private final @Nullable ReplayGate gate;
    /** The group of equal filters this target is in while its dispatcher holds it; guarded by the dispatcher. */
    DispatchTargets.@Nullable FilterGroup group;

    DispatchTarget(Topic topic, Filter filter, MessageSink sink, Consumer<DispatchTarget> onRemove,
            ReplayGate.@Nullable Rules replay) {
        this.topic = topic;
        this.filter = filter;
        this.sink = sink;
        this.onRemove = onRemove;
        this.gate = replay == null ? null : new ReplayGate(this, replay);
    }

    /** Hands over one matching live message; never blocks, never throws. */
    public final void deliver(EventMessage message) {
        ReplayGate replay = gate;
        if (replay == null) {
            accept(message);
        } else {
            replay.offer(message);
        }
    }

    /** The subscription as its broker starts it; null for a subscription that starts live. */
    @Nullable ReplayGate gate() {
        return gate;
    }

    /** Hands over one message, live or replayed; never blocks, never throws. */
    abstract void accept(EventMessage message);

    /** Closes after what was accepted is delivered, with {@code reason}. */
    public abstract void closeAfterDelivery(CloseReason reason);

    @Override
    public final Topic topic() {
        return topic;
    }

    @Override
    public final Filter filter() {
        return filter;
    }

    @Override
    public final void close() {
        closeNow(CloseReason.CLOSED);
    }

    /** Closes at once with {@code reason}, discarding what waits. */
    abstract void closeNow(CloseReason reason);

    /** Leaves the dispatcher, once; no message reaches this target afterwards. */
    final void remove() {
        if (removed.compareAndSet(false, true)) {
            onRemove.accept(this);
        }
    }

    final void sendToSink(EventMessage message) {
        try {
            sink.onMessage(message);
        } catch (RuntimeException | Error e) {
            LOG.warn("Subscriber to {} failed on a message of request {}; it stays subscribed", topic,
                    message.requestId(), e);
        }
    }

    final void closeSink(CloseReason reason) {
        try {
            sink.onClose(reason);
        } catch (RuntimeException | Error e) {
            LOG.warn("Subscriber to {} failed while closing ({})", topic, reason, e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + topic + ", " + filter + "]";
    }
}
