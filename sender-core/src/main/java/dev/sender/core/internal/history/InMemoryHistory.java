package dev.sender.core.internal.history;

import dev.sender.core.Delivery;
import dev.sender.core.HistoryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.MessageSink;
import dev.sender.core.Position;
import dev.sender.core.StartAt;
import dev.sender.core.Subscription;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.core.spi.LocalDispatcher;
import dev.sender.core.spi.MessageFilter;
import dev.sender.core.spi.ReplayingSubscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The history of an in-memory broker (SPEC §9): gives each published event its position, keeps it in its topic's
 * ring, and starts subscriptions from there.
 *
 * <p>A topic's ring is locked while its events get their positions, are stored and are dispatched, and while a
 * subscription joins the topic and reads the ring: a subscription either finds an event in the ring or receives
 * it live, never both and never neither, and every subscriber receives a topic's events in position order. The
 * replay is filtered and handed over after the lock is released; live events meanwhile wait in the subscription.
 *
 * <p>Bounds: a ring keeps {@link HistoryOptions#size()} events; events older than the TTL go when their topic is
 * published to or read, and in a sweep of every topic at most every quarter of the TTL (a minute at most),
 * driven by publications and by {@link #stats()}; past {@link HistoryOptions#maxBytes()} of message JSON in all,
 * the oldest events across topics go until 15/16 of the bound is used, so that the cost of finding them is paid
 * once per many publications. A topic keeps a few numbers for the broker's life once it has been used.
 */
public final class InMemoryHistory {

    private static final long MAX_SWEEP_INTERVAL = Duration.ofMinutes(1).toNanos();

    private final HistoryOptions options;
    private final LocalDispatcher dispatcher;
    private final long ttl;
    private final long sweepInterval;
    private final MemoryPositions positions = new MemoryPositions();
    private final Map<Topic, HistoryRing> rings = new ConcurrentHashMap<>();
    private final AtomicLong totalEvents = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    /** Held by the one thread that evicts over the byte bound. */
    private final ReentrantLock eviction = new ReentrantLock();
    /** The {@link System#nanoTime()} after which the next sweep is due. */
    private final AtomicLong nextSweep;

    /** The history of a broker dispatching through {@code dispatcher}, bounded by {@code options}. */
    public InMemoryHistory(HistoryOptions options, LocalDispatcher dispatcher) {
        if (!options.enabled()) {
            throw new IllegalArgumentException("history is off");
        }
        this.options = options;
        this.dispatcher = dispatcher;
        this.ttl = options.ttl().toNanos();
        this.sweepInterval = Math.min(ttl / 4, MAX_SWEEP_INTERVAL);
        this.nextSweep = new AtomicLong(System.nanoTime() + sweepInterval);
    }

    /** Gives each event of {@code publication} its position, stores it, and dispatches it. */
    public void publish(Publication publication) {
        Topic topic = publication instanceof HandlerPublication handler
                ? Topic.handlerEvents(handler.accountId()) : Topic.generalEvents();
        HistoryRing ring = ring(topic);
        long now = System.nanoTime();
        synchronized (ring) {
            ring.expire(now - ttl);
            if (publication instanceof HandlerPublication handler) {
                for (int i = 0; i < handler.size(); i++) {
                    store(ring, topic, handler.message(i), now);
                }
            } else {
                store(ring, topic, ((GeneralPublication) publication).message(), now);
            }
        }
        if (totalBytes.get() > options.maxBytes()) {
            evictOldest();
        }
        sweepIfDue(now);
    }

    private void store(HistoryRing ring, Topic topic, EventMessage message, long now) {
        long seq = positions.next();
        EventMessage positioned = message.withPosition(positions.of(seq));
        ring.append(positioned, seq, now);
        dispatcher.dispatch(topic, positioned);
    }

    /** Subscribes {@code sink} at {@code start}; see {@link dev.sender.core.Broker#subscribe}. */
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery, StartAt start) {
        HistoryRing ring = ring(topic);
        ReplayingSubscription subscription;
        @Nullable Position latest;
        List<EventMessage> retained;
        boolean recovered = true;
        synchronized (ring) {
            ring.expire(System.nanoTime() - ttl);
            subscription = dispatcher.subscribeReplaying(topic, filter, sink, delivery, positions);
            latest = ring.latest();
            if (start instanceof StartAt.After after && after.position() != null) {
                long seq = positions.issuedSeq(after.position());
                recovered = seq >= 0 && ring.holdsAllAfter(seq);
                retained = recovered ? ring.after(seq) : ring.all();
            } else {
                retained = start == StartAt.live() ? List.of() : ring.all();
            }
        }
        if (start == StartAt.live()) {
            subscription.startLive(latest);
        } else {
            int limit = start instanceof StartAt.Last last ? last.count() : Integer.MAX_VALUE;
            subscription.startAfterReplay(new SubscriptionStart(latest, recovered),
                    lastMatching(retained, MessageFilter.compile(filter), limit));
        }
        return subscription;
    }

    /** The last {@code limit} of {@code retained} that pass {@code filter}, oldest first. */
    private static List<EventMessage> lastMatching(List<EventMessage> retained, MessageFilter filter, int limit) {
        ArrayDeque<EventMessage> selected = new ArrayDeque<>();
        for (int i = retained.size() - 1; i >= 0 && selected.size() < limit; i--) {
            EventMessage message = retained.get(i);
            if (filter.matches(message)) {
                selected.addFirst(message);
            }
        }
        return new ArrayList<>(selected);
    }

    /** What the rings hold now, once events past their TTL have gone, with the dispatcher's replays. */
    public HistoryStats stats() {
        sweepIfDue(System.nanoTime());
        return dispatcher.historyStats().withRetained(totalEvents.get(), totalBytes.get());
    }

    private HistoryRing ring(Topic topic) {
        HistoryRing ring = rings.get(topic);
        return ring != null ? ring : rings.computeIfAbsent(topic,
                t -> new HistoryRing(options.size(), positions.issuedSoFar(), totalEvents, totalBytes));
    }

    /**
     * Drops the oldest events across topics until 15/16 of the byte bound is used; one thread at a time, and a
     * thread that finds another at it goes on.
     */
    private void evictOldest() {
        if (!eviction.tryLock()) {
            return;
        }
        try {
            long target = options.maxBytes() - options.maxBytes() / 16;
            PriorityQueue<Head> oldestFirst = new PriorityQueue<>(Comparator.comparingLong(Head::seq));
            for (HistoryRing ring : rings.values()) {
                long seq = ring.oldestSeq();
                if (seq != Long.MAX_VALUE) {
                    oldestFirst.add(new Head(seq, ring));
                }
            }
            while (totalBytes.get() > target && !oldestFirst.isEmpty()) {
                HistoryRing ring = oldestFirst.poll().ring();
                long next;
                synchronized (ring) {
                    ring.dropOldest();
                    next = ring.oldestSeq();
                }
                if (next != Long.MAX_VALUE) {
                    oldestFirst.add(new Head(next, ring));
                }
            }
        } finally {
            eviction.unlock();
        }
    }

    /** The oldest event of a ring when eviction looked. */
    private record Head(long seq, HistoryRing ring) {
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + sweepInterval)) {
            return;
        }
        for (HistoryRing ring : rings.values()) {
            if (ring.oldestSeq() != Long.MAX_VALUE) {
                synchronized (ring) {
                    ring.expire(now - ttl);
                }
            }
        }
    }
}
