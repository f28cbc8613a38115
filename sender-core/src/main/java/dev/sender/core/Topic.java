package dev.sender.core;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a subscription listens to: the handler events of one account, or general events. Account isolation
 * is part of the topic, not of a filter: a subscription to one account never sees another's events.
 *
 * @param kind handler or general events
 * @param accountId the account, for handler events; {@code null} for general events
 */
public record Topic(Kind kind, @Nullable UUID accountId) {

    private static final Topic GENERAL = new Topic(Kind.GENERAL_EVENTS, null);

    /** The two kinds of events a broker carries. */
    public enum Kind {
        /** Events of camera handlers, per account (SPEC §2.1). */
        HANDLER_EVENTS,
        /** General events, across accounts (SPEC §2.2). */
        GENERAL_EVENTS
    }

    /**
     * Checks that handler topics, and only they, name an account.
     *
     * @param kind handler events or general events
     * @param accountId the account of handler events; {@code null} for general events
     */
    public Topic {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.HANDLER_EVENTS) != (accountId != null)) {
            throw new IllegalArgumentException("handler events need an account, general events have none");
        }
    }

    /**
     * The handler events of {@code accountId}.
     *
     * @param accountId the account whose handler events the topic holds
     * @return the topic
     */
    public static Topic handlerEvents(UUID accountId) {
        return new Topic(Kind.HANDLER_EVENTS, Objects.requireNonNull(accountId, "accountId"));
    }

    /** {@return the topic of general events} */
    public static Topic generalEvents() {
        return GENERAL;
    }

    @Override
    public String toString() {
        return kind == Kind.GENERAL_EVENTS ? "general-events" : "handler-events:" + accountId;
    }
}
