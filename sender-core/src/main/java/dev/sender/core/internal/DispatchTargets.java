package dev.sender.core.internal;

import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.MessageSink;
import dev.sender.core.Topic;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.filter.CompiledFilter;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.core.internal.filter.FilterIndex;
import dev.sender.core.internal.filter.Matcher;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The subscriptions of one topic, grouped by filter: subscriptions with equal filters (filters are data, and
 * equal structurally) share one compiled matcher, evaluated once per event for all of them. A group whose filter
 * selects by a list of strings or UUIDs ({@link FilterIndex#keyOf}) is filed in the {@link FilterIndex} and
 * checked only against the events holding one of those values; the other groups form the scan list, checked
 * against every event. Dispatching reads copy-on-write arrays without locking; changes are serialised by the
 * dispatcher.
 */
public final class DispatchTargets {

    private static final FilterGroup[] NONE = new FilterGroup[0];

    private final FieldRegistry fields;
    private final boolean indexed;
    private final Map<Filter, FilterGroup> byFilter = new HashMap<>();
    private final FilterIndex<FilterGroup> index;
    /** The groups not in the index. */
    private volatile FilterGroup[] scanned = NONE;
    private volatile int size;

    /**
     * The subscriptions of a topic whose filters read {@code fields}; with {@code indexed} false every group is
     * scanned, as before the index existed (kept to measure the difference).
     */
    public DispatchTargets(FieldRegistry fields, boolean indexed) {
        this.fields = fields;
        this.indexed = indexed;
        this.index = new FilterIndex<>(fields);
    }

    /** A subscription of {@code topic} that starts live, not yet added. */
    public static DispatchTarget create(Topic topic, Filter filter, MessageSink sink, Delivery delivery,
            DeliveryOptions options, Executor executor, Consumer<DispatchTarget> onRemove) {
        return create(topic, filter, sink, delivery, options, executor, onRemove, null);
    }

    /**
     * A subscription of {@code topic}, not yet added; with {@code replay}, one that holds live messages until its
     * broker starts it.
     */
    static DispatchTarget create(Topic topic, Filter filter, MessageSink sink, Delivery delivery,
            DeliveryOptions options, Executor executor, Consumer<DispatchTarget> onRemove,
            ReplayGate.@Nullable Rules replay) {
        return delivery == Delivery.DIRECT
                ? new DirectTarget(topic, filter, sink, onRemove, replay)
                : new QueuedTarget(topic, filter, sink, onRemove, options, executor, replay);
    }

    /** The groups checked against every event; never modified. */
    public FilterGroup[] scanned() {
        return scanned;
    }

    /** The groups found by the values of an event. */
    public FilterIndex<FilterGroup> index() {
        return index;
    }

    /** Adds {@code target} to the group of its filter, compiling the filter for a new group; returns the count. */
    public int add(DispatchTarget target) {
        FilterGroup group = byFilter.get(target.filter());
        if (group == null) {
            CompiledFilter compiled = CompiledFilter.compile(target.filter(), fields);
            FilterIndex.Key key = indexed ? FilterIndex.keyOf(target.filter()) : null;
            group = new FilterGroup(compiled, key);
            byFilter.put(target.filter(), group);
            group.add(target); // before the group is visible
            if (key != null) {
                index.add(group, key);
            } else {
                FilterGroup[] next = Arrays.copyOf(scanned, scanned.length + 1);
                next[next.length - 1] = group;
                scanned = next;
            }
        } else {
            group.add(target);
        }
        return ++size;
    }

    /** Removes {@code target}, releasing its group's filter when it was the last; returns the count. */
    public int remove(DispatchTarget target) {
        FilterGroup group = byFilter.get(target.filter());
        if (group == null || !group.remove(target)) {
            return size;
        }
        if (group.targets.length == 0) {
            byFilter.remove(target.filter());
            if (group.key != null) {
                index.remove(group, group.key);
            } else {
                FilterGroup[] current = scanned;
                int at = Arrays.asList(current).indexOf(group);
                FilterGroup[] next = new FilterGroup[current.length - 1];
                System.arraycopy(current, 0, next, 0, at);
                System.arraycopy(current, at + 1, next, at, next.length - at);
                scanned = next;
            }
            group.compiled.release();
        }
        return --size;
    }

    /** The number of subscriptions. */
    public int size() {
        return size;
    }

    /** Every subscription, for closing them all; called under the dispatcher's lock. */
    public DispatchTarget[] targets() {
        return byFilter.values().stream().flatMap(g -> Arrays.stream(g.targets)).toArray(DispatchTarget[]::new);
    }

    /** Subscriptions sharing one filter, and its matcher. */
    public static final class FilterGroup {
        private static final DispatchTarget[] EMPTY = new DispatchTarget[0];

        final CompiledFilter compiled;
        /** Where the group is filed in the index, or null when it is scanned. */
        final FilterIndex.@Nullable Key key;
        volatile DispatchTarget[] targets = EMPTY;

        FilterGroup(CompiledFilter compiled, FilterIndex.@Nullable Key key) {
            this.compiled = compiled;
            this.key = key;
        }

        /** The matcher every subscription of the group shares. */
        public Matcher matcher() {
            return compiled.matcher();
        }

        /** The subscriptions; never modified. */
        public DispatchTarget[] targets() {
            return targets;
        }

        void add(DispatchTarget target) {
            DispatchTarget[] next = Arrays.copyOf(targets, targets.length + 1);
            next[next.length - 1] = target;
            targets = next;
        }

        boolean remove(DispatchTarget target) {
            DispatchTarget[] current = targets;
            int at = Arrays.asList(current).indexOf(target);
            if (at < 0) {
                return false;
            }
            DispatchTarget[] next = new DispatchTarget[current.length - 1];
            System.arraycopy(current, 0, next, 0, at);
            System.arraycopy(current, at + 1, next, at, next.length - at);
            targets = next;
            return true;
        }
    }
}
