package dev.sender.core.internal;

import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.MessageSink;
import dev.sender.core.Topic;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.filter.CompiledFilter;
import dev.sender.core.internal.filter.FieldRegistry;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The subscriptions of one topic: a copy-on-write array that dispatching reads without locking.
 * Changes are serialised by the dispatcher.
 */
public final class DispatchTargets {

    private static final DispatchTarget[] NONE = new DispatchTarget[0];

    private volatile DispatchTarget[] targets = NONE;

    /** A subscription of {@code topic} whose filter is compiled against {@code fields}. */
    public static DispatchTarget create(Topic topic, Filter filter, FieldRegistry fields, MessageSink sink,
            Delivery delivery, DeliveryOptions options, Executor executor, Consumer<DispatchTarget> onRemove) {
        CompiledFilter compiled = CompiledFilter.compile(filter, fields);
        return delivery == Delivery.DIRECT
                ? new DirectTarget(topic, filter, compiled, sink, onRemove)
                : new QueuedTarget(topic, filter, compiled, sink, onRemove, options, executor);
    }

    /** The current subscriptions; never modified. */
    public DispatchTarget[] snapshot() {
        return targets;
    }

    /** Adds {@code target}, returning the new count. */
    public int add(DispatchTarget target) {
        DispatchTarget[] next = Arrays.copyOf(targets, targets.length + 1);
        next[next.length - 1] = target;
        targets = next;
        return next.length;
    }

    /** Removes {@code target}, returning the new count. */
    public int remove(DispatchTarget target) {
        DispatchTarget[] current = targets;
        int at = Arrays.asList(current).indexOf(target);
        if (at < 0) {
            return current.length;
        }
        DispatchTarget[] next = new DispatchTarget[current.length - 1];
        System.arraycopy(current, 0, next, 0, at);
        System.arraycopy(current, at + 1, next, at, next.length - at);
        targets = next;
        return next.length;
    }

    /** The number of subscriptions. */
    public int size() {
        return targets.length;
    }
}
