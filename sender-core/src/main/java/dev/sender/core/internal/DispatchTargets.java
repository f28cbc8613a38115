package dev.sender.core.internal;

import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.MessageSink;
import dev.sender.core.Topic;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.filter.CompiledFilter;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.core.internal.filter.Matcher;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The subscriptions of one topic, grouped by filter: subscriptions with equal filters (filters are data, and
 * equal structurally) share one compiled matcher, evaluated once per event for all of them. Dispatching reads
 * copy-on-write arrays without locking; changes are serialised by the dispatcher.
 */
public final class DispatchTargets {

    private static final FilterGroup[] NONE = new FilterGroup[0];

    private final FieldRegistry fields;
    private final Map<Filter, FilterGroup> byFilter = new HashMap<>();
    private volatile FilterGroup[] groups = NONE;
    private volatile int size;

    /** The subscriptions of a topic whose filters read {@code fields}. */
    public DispatchTargets(FieldRegistry fields) {
        this.fields = fields;
    }

    /** A subscription of {@code topic}, not yet added. */
    public static DispatchTarget create(Topic topic, Filter filter, MessageSink sink, Delivery delivery,
            DeliveryOptions options, Executor executor, Consumer<DispatchTarget> onRemove) {
        return delivery == Delivery.DIRECT
                ? new DirectTarget(topic, filter, sink, onRemove)
                : new QueuedTarget(topic, filter, sink, onRemove, options, executor);
    }

    /** The groups of subscriptions; never modified. */
    public FilterGroup[] snapshot() {
        return groups;
    }

    /** Adds {@code target} to the group of its filter, compiling the filter for a new group; returns the count. */
    public int add(DispatchTarget target) {
        FilterGroup group = byFilter.get(target.filter());
        if (group == null) {
            group = new FilterGroup(CompiledFilter.compile(target.filter(), fields));
            byFilter.put(target.filter(), group);
            FilterGroup[] next = Arrays.copyOf(groups, groups.length + 1);
            next[next.length - 1] = group;
            groups = next;
        }
        group.add(target);
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
            FilterGroup[] current = groups;
            int at = Arrays.asList(current).indexOf(group);
            FilterGroup[] next = new FilterGroup[current.length - 1];
            System.arraycopy(current, 0, next, 0, at);
            System.arraycopy(current, at + 1, next, at, next.length - at);
            groups = next;
            group.compiled.release();
        }
        return --size;
    }

    /** The number of subscriptions. */
    public int size() {
        return size;
    }

    /** Every subscription, for closing them all. */
    public DispatchTarget[] targets() {
        return Arrays.stream(groups).flatMap(g -> Arrays.stream(g.targets)).toArray(DispatchTarget[]::new);
    }

    /** Subscriptions sharing one filter, and its matcher. */
    public static final class FilterGroup {
        private static final DispatchTarget[] EMPTY = new DispatchTarget[0];

        final CompiledFilter compiled;
        volatile DispatchTarget[] targets = EMPTY;

        FilterGroup(CompiledFilter compiled) {
            this.compiled = compiled;
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
