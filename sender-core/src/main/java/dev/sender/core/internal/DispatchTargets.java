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
    private final Map<FilterKey, FilterGroup> byFilter = new HashMap<>();
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
        FilterKey filterKey = new FilterKey(target.filter());
        FilterGroup group = byFilter.get(filterKey);
        if (group == null) {
            CompiledFilter compiled = CompiledFilter.compile(target.filter(), fields);
            FilterIndex.Key key = indexed ? FilterIndex.keyOf(target.filter()) : null;
            group = new FilterGroup(filterKey, compiled, key);
            byFilter.put(filterKey, group);
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
        target.group = group;
        return ++size;
    }

    /** Removes {@code target}, releasing its group's filter when it was the last; returns the count. */
    public int remove(DispatchTarget target) {
        FilterGroup group = target.group;
        if (group == null || !group.remove(target)) {
            return size;
        }
        target.group = null;
        if (group.targets.length == 0) {
            byFilter.remove(group.filterKey);
            if (group.key != null) {
                index.remove(group, group.key);
            } else {
                scanned = without(scanned, group, NONE);
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

    /** {@code array} less its element {@code e} (compared by identity), or {@code empty} when that was the last. */
    private static <T> T[] without(T[] array, T e, T[] empty) {
        int at = 0;
        while (array[at] != e) {
            at++;
        }
        if (array.length == 1) {
            return empty;
        }
        T[] next = Arrays.copyOf(array, array.length - 1);
        System.arraycopy(array, at + 1, next, at, next.length - at);
        return next;
    }

    /**
     * A filter with its hash code, computed once: filter records hash deeply (field paths, value sets) and do
     * not cache it, and the map of a topic's filters is looked up on every subscribe and unsubscribe.
     */
    private static final class FilterKey {
        final Filter filter;
        final int hash;

        FilterKey(Filter filter) {
            this.filter = filter;
            this.hash = filter.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof FilterKey other && other.hash == hash && other.filter.equals(filter);
        }
    }

    /** Subscriptions sharing one filter, and its matcher. */
    public static final class FilterGroup {
        private static final DispatchTarget[] EMPTY = new DispatchTarget[0];

        final FilterKey filterKey;
        final CompiledFilter compiled;
        /** Where the group is filed in the index, or null when it is scanned. */
        final FilterIndex.@Nullable Key key;
        volatile DispatchTarget[] targets = EMPTY;

        FilterGroup(FilterKey filterKey, CompiledFilter compiled, FilterIndex.@Nullable Key key) {
            this.filterKey = filterKey;
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
            for (DispatchTarget t : current) {
                if (t == target) {
                    targets = without(current, target, EMPTY);
                    return true;
                }
            }
            return false;
        }
    }
}
