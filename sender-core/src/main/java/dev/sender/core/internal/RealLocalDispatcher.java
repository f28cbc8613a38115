package dev.sender.core.internal;

import dev.sender.core.BrokerException;
import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryStats;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.MessageSink;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.filter.EventView;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.core.internal.filter.Matcher;
import dev.sender.core.internal.filter.PathTrie;
import dev.sender.core.internal.filter.ViewExtractor;
import dev.sender.core.spi.LocalDispatcher;
import dev.sender.core.spi.TopicListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

/** The {@link LocalDispatcher} of {@link LocalDispatcher#create}. */
public final class RealLocalDispatcher implements LocalDispatcher {

    private static final ThreadLocal<EventView> VIEWS = ThreadLocal.withInitial(EventView::new);

    private final DeliveryOptions options;
    private final TopicListener listener;
    private final ExecutorService deliveryThreads = DeliveryThreads.create();
    private final Map<UUID, DispatchTargets> accounts = new ConcurrentHashMap<>();
    private final FieldRegistry handlerFields = new FieldRegistry();
    private final FieldRegistry generalFields = new FieldRegistry();
    private final DispatchTargets general = new DispatchTargets(generalFields);
    private final LongAdder eventsDispatched = new LongAdder();
    private final LongAdder messagesDelivered = new LongAdder();
    private final LongAdder messagesFilteredOut = new LongAdder();
    private volatile boolean closed;

    /** See {@link LocalDispatcher#create}. */
    public RealLocalDispatcher(DeliveryOptions options, TopicListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(delivery, "delivery");
        synchronized (this) {
            if (closed) {
                throw new BrokerException("the broker is closed");
            }
            DispatchTarget target = DispatchTargets.create(topic, filter, sink, delivery, options, deliveryThreads,
                    this::remove);
            DispatchTargets targets = topic.kind() == Topic.Kind.HANDLER_EVENTS
                    ? accounts.computeIfAbsent(topic.accountId(), a -> new DispatchTargets(handlerFields)) : general;
            if (targets.add(target) == 1) {
                listener.onFirstSubscription(topic);
            }
            return target;
        }
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
                DispatchTargets.FilterGroup[] receivers = targets.snapshot();
                PathTrie trie = handlerFields.snapshot(); // read after the targets: see FieldRegistry
                for (int i = 0; i < handler.size(); i++) {
                    dispatch(handler.message(i), receivers, trie);
                }
            }
        } else {
            eventsDispatched.increment();
            DispatchTargets.FilterGroup[] receivers = general.snapshot();
            PathTrie trie = generalFields.snapshot();
            dispatch(((GeneralPublication) publication).message(), receivers, trie);
        }
    }

    /** Evaluates each distinct filter once, and hands the message to every subscription whose filter passed. */
    private void dispatch(EventMessage message, DispatchTargets.FilterGroup[] groups, PathTrie trie) {
        EventView view = null;
        int delivered = 0;
        int filteredOut = 0;
        for (DispatchTargets.FilterGroup group : groups) {
            DispatchTarget[] receivers = group.targets();
            Matcher matcher = group.matcher();
            if (matcher != Matcher.ALWAYS) {
                if (view == null) {
                    view = VIEWS.get();
                    ViewExtractor.extract(trie, message, view);
                }
                if (!matcher.matches(view)) {
                    filteredOut += receivers.length;
                    continue;
                }
            }
            for (DispatchTarget receiver : receivers) {
                receiver.deliver(message);
            }
            delivered += receivers.length;
        }
        messagesDelivered.add(delivered);
        messagesFilteredOut.add(filteredOut);
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
}
