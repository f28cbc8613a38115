package dev.sender.client.internal;

import dev.sender.client.Subscription;

/**
 * Where the connections of a subscription are, as {@link ConnectionStateMachine} moves them; each phase shows to
 * the application as a {@link Subscription.State}.
 *
 * <pre>
 * CONNECTING --opened--> OPEN --lost, reconnectable--> WAITING --timer--> RECONNECTING --opened--> OPEN
 *                                                         ^                    |
 *                                                         +---attempt failed---+
 * any phase but CLOSED --closed by the application, refused, given up, failed--> CLOSED
 * </pre>
 */
enum ConnectionPhase {
    /** Opening the first connection. */
    CONNECTING(Subscription.State.CONNECTING),
    /** A connection is open and current. */
    OPEN(Subscription.State.OPEN),
    /** The connection was lost; the next attempt is scheduled. */
    WAITING(Subscription.State.RECONNECTING),
    /** An attempt to reopen is under way. */
    RECONNECTING(Subscription.State.RECONNECTING),
    /** Closed for good. */
    CLOSED(Subscription.State.CLOSED);

    /** What {@link dev.sender.client.Subscription#state()} answers in this phase. */
    final Subscription.State visible;

    ConnectionPhase(Subscription.State visible) {
        this.visible = visible;
    }

    /** Whether the machine may move from this phase to {@code next}. */
    boolean canMoveTo(ConnectionPhase next) {
        return switch (this) {
            case CONNECTING -> next == OPEN || next == CLOSED;
            case OPEN -> next == WAITING || next == CLOSED;
            case WAITING -> next == RECONNECTING || next == CLOSED;
            case RECONNECTING -> next == OPEN || next == WAITING || next == CLOSED;
            case CLOSED -> false;
        };
    }
}
