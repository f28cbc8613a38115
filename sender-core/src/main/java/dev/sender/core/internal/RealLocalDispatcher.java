package dev.sender.core.internal;

import dev.sender.core.BrokerException;
import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryStats;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.Position;
import dev.sender.core.MessageSink;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.filter.EventView;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.core.internal.filter.FilterIndex;
import dev.sender.core.internal.filter.Matcher;
import dev.sender.core.internal.filter.PathTrie;
import dev.sender.core.internal.filter.ViewExtractor;
import dev.sender.core.spi.LocalDispatcher;
import dev.sender.core.spi.ReplayingSubscription;
import dev.sender.core.spi.TopicListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The {@link LocalDispatcher} of {@link LocalDispatcher#create}. */
public final class RealLocalDispatcher implements LocalDispatcher {

    /**
     * The system property that turns the filter index off (every filter is then checked against every event),
     * read when a dispatcher is created; for benchmarks comparing both.
     */
    public static final String NO_FILTER_INDEX = "sender.dispatch.noFilterIndex";

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final DeliveryOptions options;
    private final TopicListener listener;
    private final ExecutorService deliveryThreads = DeliveryThreads.create();
    private final Map<UUID, DispatchTargets> accounts = new ConcurrentHashMap<>();
    private final FieldRegistry handlerFields = new FieldRegistry();
    private final FieldRegistry generalFields = new FieldRegistry();
    private final boolean indexed = !Boolean.getBoolean(NO_FILTER_INDEX);
    private final DispatchTargets general = new DispatchTargets(generalFields, indexed);
    private final LongAdder eventsDispatched = new LongAdder();
    private final LongAdder messagesDelivered = new LongAdder();
    private final LongAdder messagesFilteredOut = new LongAdder();
    private final ReplayGate.Counters replays = new ReplayGate.Counters();
    private final Consumer<DispatchTarget> onRemove = this::remove;
    private volatile boolean closed;

    /** See {@link LocalDispatcher#create}. */
    public RealLocalDispatcher(DeliveryOptions options, TopicListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        return register(topic, filter, sink, delivery, null);
    }

    @Override
    public ReplayingSubscription subscribeReplaying(Topic topic, Filter filter, MessageSink sink, Delivery delivery,
            Comparator<Position> order) {
        ReplayGate.Rules rules = new ReplayGate.Rules(Objects.requireNonNull(order, "order"), options, replays);
        return Objects.requireNonNull(register(topic, filter, sink, delivery, rules).gate());
    }

    private DispatchTarget register(Topic topic, Filter filter, MessageSink sink, Delivery delivery,
            ReplayGate.@Nullable Rules replay) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(delivery, "delivery");
        synchronized (this) {
            if (closed) {
                throw new BrokerException("the broker is closed");
            }
            DispatchTarget target = DispatchTargets.create(topic, filter, sink, delivery, options, deliveryThreads,
                    onRemove, replay);
            DispatchTargets targets = topic.kind() == Topic.Kind.HANDLER_EVENTS ? account(topic.accountId()) : general;
            if (targets.add(target) == 1) {
                listener.onFirstSubscription(topic);
            }
            return target;
        }
    }

    /** The subscriptions of the account's handler events, created empty; called under the lock. */
    private DispatchTargets account(UUID accountId) {
        DispatchTargets targets = accounts.get(accountId);
        if (targets == null) {
            targets = new DispatchTargets(handlerFields, indexed);
            accounts.put(accountId, targets);
        }
        return targets;
    }

    private synchronized void remove(DispatchTarget target) {
        Topic topic = target.topic();
        DispatchTargets targets = topic.kind() == Topic.Kind.HANDLER_EVENTS ? accounts.get(topic.accountId()) : general;
        if (targets != null && targets.remove(target) == 0) {
            if (targets != general) {
                accounts.remove(topic.accountId());
            }
            listener.onLastSubscriptionClosed(topic);
        }
    }

    @Override
    public void dispatch(Publication publication) {
        Objects.requireNonNull(publication, "publication");
        if (publication instanceof HandlerPublication handler) {
            DispatchTargets targets = accounts.get(handler.accountId());
            eventsDispatched.add(handler.size());
            if (targets != null) {
                DispatchTargets.FilterGroup[] scanned = targets.scanned();
                FilterIndex<DispatchTargets.FilterGroup> index = targets.index();
                PathTrie trie = handlerFields.snapshot(); // read after the targets: see FieldRegistry
                for (int i = 0; i < handler.size(); i++) {
                    dispatch(handler.message(i), scanned, index, targets.size(), trie);
                }
            }
        } else {
            eventsDispatched.increment();
            DispatchTargets.FilterGroup[] scanned = general.scanned();
            FilterIndex<DispatchTargets.FilterGroup> index = general.index();
            PathTrie trie = generalFields.snapshot();
            dispatch(((GeneralPublication) publication).message(), scanned, index, general.size(), trie);
        }
    }

    @Override
    public void dispatch(Topic topic, EventMessage message) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        eventsDispatched.increment();
        if (topic.kind() == Topic.Kind.HANDLER_EVENTS) {
            if (!(message instanceof HandlerEventMessage)) {
                throw new IllegalArgumentException("a message of " + topic + " is a handler event message");
            }
            DispatchTargets targets = accounts.get(topic.accountId());
            if (targets != null) {
                DispatchTargets.FilterGroup[] scanned = targets.scanned();
                FilterIndex<DispatchTargets.FilterGroup> index = targets.index();
                dispatch(message, scanned, index, targets.size(), handlerFields.snapshot());
            }
        } else {
            if (!(message instanceof GeneralEventMessage)) {
                throw new IllegalArgumentException("a message of " + topic + " is a general event message");
            }
            DispatchTargets.FilterGroup[] scanned = general.scanned();
            FilterIndex<DispatchTargets.FilterGroup> index = general.index();
            dispatch(message, scanned, index, general.size(), generalFields.snapshot());
        }
    }

    /**
     * Evaluates each distinct filter the message may pass once, and hands the message to every subscription
     * whose filter passed: the scanned filters, and the indexed ones filed under the message's values.
     */
    private void dispatch(EventMessage message, DispatchTargets.FilterGroup[] scanned,
            FilterIndex<DispatchTargets.FilterGroup> index, int subscriptions, PathTrie trie) {
        Scratch scratch = SCRATCH.get();
        if (scratch.busy) {
            scratch = new Scratch(); // a sink dispatching from within dispatch
        }
        scratch.busy = true;
        try {
            EventView view = null;
            int delivered = 0;
            for (DispatchTargets.FilterGroup group : scanned) {
                Matcher matcher = group.matcher();
                if (matcher != Matcher.ALWAYS) {
                    if (view == null) {
                        view = scratch.view;
                        ViewExtractor.extract(trie, message, view);
                    }
                    if (!matcher.matches(view)) {
                        continue;
                    }
                }
                delivered += deliver(group, message);
            }
            if (!index.isEmpty()) {
                if (view == null) {
                    view = scratch.view;
                    ViewExtractor.extract(trie, message, view);
                }
                FilterIndex.Candidates<DispatchTargets.FilterGroup> candidates = scratch.candidates;
                index.collect(view, trie, candidates);
                for (int i = 0; i < candidates.size(); i++) {
                    DispatchTargets.FilterGroup group = candidates.get(i);
                    if (group.matcher().matches(view)) {
                        delivered += deliver(group, message);
                    }
                }
                candidates.clear();
            }
            messagesDelivered.add(delivered);
            messagesFilteredOut.add(Math.max(0, subscriptions - delivered));
        } finally {
            scratch.busy = false;
        }
    }

    private static int deliver(DispatchTargets.FilterGroup group, EventMessage message) {
        DispatchTarget[] receivers = group.targets();
        for (DispatchTarget receiver : receivers) {
            receiver.deliver(message);
        }
        return receivers.length;
    }

    @Override
    public Map<Topic.Kind, Integer> subscriptionCounts() {
        int handler = accounts.values().stream().mapToInt(DispatchTargets::size).sum();
        return Map.of(Topic.Kind.HANDLER_EVENTS, handler, Topic.Kind.GENERAL_EVENTS, general.size());
    }

    @Override
    public DeliveryStats stats() {
        return new DeliveryStats(eventsDispatched.sum(), messagesDelivered.sum(), messagesFilteredOut.sum());
    }

    @Override
    public HistoryStats historyStats() {
        return replays.snapshot();
    }

    @Override
    public void close() {
        List<DispatchTarget> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(List.of(general.targets()));
            accounts.values().forEach(t -> all.addAll(List.of(t.targets())));
        }
        all.forEach(t -> t.closeAfterDelivery(CloseReason.BROKER_CLOSED));
        deliveryThreads.shutdown();
    }

    /** What one thread reuses from event to event: the view, and the list of candidate groups. */
    private static final class Scratch {
        final EventView view = new EventView();
        final FilterIndex.Candidates<DispatchTargets.FilterGroup> candidates = new FilterIndex.Candidates<>();
        boolean busy;
    }
}
