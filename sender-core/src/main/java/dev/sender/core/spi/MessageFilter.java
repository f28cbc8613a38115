package dev.sender.core.spi;

import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import dev.sender.core.internal.filter.SingleMessageFilter;

/**
 * A {@link Filter} compiled to check messages one at a time, as a broker selects the retained messages of a
 * replay ({@link ReplayingSubscription}). It decides exactly as the dispatcher does for live messages.
 * Thread-safe.
 *
 * <pre>{@code
 * MessageFilter matching = MessageFilter.compile(filter);
 * List<EventMessage> replay = retained.stream().filter(matching::matches).toList();
 * }</pre>
 */
public interface MessageFilter {

    /**
     * Compiles {@code filter}.
     *
     * @param filter the filter of a subscription
     * @return the compiled filter
     */
    static MessageFilter compile(Filter filter) {
        return new SingleMessageFilter(filter);
    }

    /**
     * Whether {@code message} passes the filter.
     *
     * @param message a handler or general event message
     * @return true when a subscription with this filter receives {@code message}
     */
    boolean matches(EventMessage message);
}
