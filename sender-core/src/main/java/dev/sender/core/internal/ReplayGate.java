package dev.sender.core.internal;

import dev.sender.core.CloseReason;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.Position;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import dev.sender.core.spi.ReplayingSubscription;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ReplayingSubscription} of a {@link DispatchTarget}: holds the target's live messages until it is
 * started, then hands the target the replay, the held messages and the live ones, dropping live messages the
 * replay accounted for.
 */
final class ReplayGate implements ReplayingSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayGate.class);

    /** What the gates of one dispatcher share: the order of positions, the limits, the counters. */
    record Rules(Comparator<Position> order, DeliveryOptions limits, Counters counters) {
    }

    /** The replays of one dispatcher. */
    static final class Counters {
        private final LongAdder replays = new LongAdder();
        private final LongAdder eventsReplayed = new LongAdder();
        private final LongAdder notRecovered = new LongAdder();

        HistoryStats snapshot() {
            return new HistoryStats(0, 0, replays.sum(), eventsReplayed.sum(), notRecovered.sum());
        }
    }

    private final DispatchTarget target;
    private final Rules rules;
    /** Live messages that came before the start, in order; null once live. Guarded by this. */
    private @Nullable ArrayDeque<EventMessage> held = new ArrayDeque<>();
    /** Bytes of {@link #held}; guarded by this. */
    private long heldBytes;
    /** Guarded by this. */
    private boolean started;
    /** Whether messages go to the target as they come; set once {@link #held} is delivered. */
    private volatile boolean live;
    /**
     * Live messages at or before it are dropped; null once a later one passed. Read and written by the starting
     * thread, then (after {@link #live}) by the dispatching thread of the topic.
     */
    private volatile @Nullable Position dropUpTo;
    private volatile SubscriptionStart start = SubscriptionStart.NO_HISTORY;

    ReplayGate(DispatchTarget target, Rules rules) {
        this.target = target;
        this.rules = rules;
    }

    /** Takes one live message for the target. */
    void offer(EventMessage message) {
        if (!live) {
            boolean overflow;
            synchronized (this) {
                if (!live) {
                    overflow = hold(message);
                    if (!overflow) {
                        return;
                    }
                } else {
                    overflow = false;
                }
            }
            if (overflow) {
                LOG.warn("Subscriber to {} received more live messages than its queue holds before its replay started;"
                        + " closing it", target.topic());
                target.closeNow(CloseReason.OVERFLOW);
                return;
            }
        }
        pass(message);
    }

    /** Holds {@code message} unless the target is closed; returns true when that passes the target's limits. */
    private boolean hold(EventMessage message) {
        ArrayDeque<EventMessage> waiting = Objects.requireNonNull(held);
        if (!target.isOpen()) {
            waiting.clear();
            heldBytes = 0;
            return false;
        }
        int size = message.jsonLength();
        DeliveryOptions limits = rules.limits();
        if (waiting.size() >= limits.maxQueuedMessages() || heldBytes + size > limits.maxQueuedBytes()) {
            waiting.clear();
            heldBytes = 0;
            return true;
        }
        waiting.add(message);
        heldBytes += size;
        return false;
    }

    private void pass(EventMessage message) {
        Position bound = dropUpTo;
        if (bound != null) {
            Position at = message.position();
            if (at != null) {
                if (rules.order().compare(at, bound) <= 0) {
                    return;
                }
                dropUpTo = null;
            }
        }
        target.accept(message);
    }

    @Override
    public void startLive(@Nullable Position latest) {
        begin(new SubscriptionStart(latest, true), null);
        deliverHeld();
    }

    @Override
    public void startAfterReplay(SubscriptionStart start, List<? extends EventMessage> replay) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(replay, "replay");
        begin(start, start.latest());
        Counters counters = rules.counters();
        counters.replays.increment();
        counters.eventsReplayed.add(replay.size());
        if (!start.recovered()) {
            counters.notRecovered.increment();
        }
        for (EventMessage message : replay) {
            target.accept(message);
        }
        deliverHeld();
    }

    private synchronized void begin(SubscriptionStart at, @Nullable Position bound) {
        if (started) {
            throw new IllegalStateException("the subscription to " + target.topic() + " was started already");
        }
        started = true;
        start = at;
        dropUpTo = bound;
    }

    /** Hands the held messages over, batch by batch, until none is left; then lets live messages through. */
    private void deliverHeld() {
        while (true) {
            ArrayDeque<EventMessage> batch;
            synchronized (this) {
                batch = Objects.requireNonNull(held);
                if (batch.isEmpty()) {
                    held = null;
                    live = true;
                    return;
                }
                held = new ArrayDeque<>();
                heldBytes = 0;
            }
            for (EventMessage message : batch) {
                pass(message);
            }
        }
    }

    @Override
    public SubscriptionStart historyStart() {
        return start;
    }

    @Override
    public Topic topic() {
        return target.topic();
    }

    @Override
    public Filter filter() {
        return target.filter();
    }

    @Override
    public boolean isOpen() {
        return target.isOpen();
    }

    @Override
    public long queuedBytes() {
        return target.queuedBytes();
    }

    @Override
    public void close() {
        target.close();
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
