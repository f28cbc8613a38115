package dev.sender.core.event;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Handler events of one account, published together (SPEC §2.3). Each event becomes one
 * {@link HandlerEventMessage} to every matching subscriber of the account, in list order.
 *
 * @param accountId the account the events belong to; only its subscribers receive them
 * @param handlerId {@code handler_id}
 * @param eventCreateTime {@code event_create_time}
 * @param eventEndTime {@code event_end_time}
 * @param requestId the request id of the publication
 * @param events the events, at least one
 */
public record HandlerPublication(UUID accountId, String handlerId, String eventCreateTime, String eventEndTime,
        String requestId, List<Event> events) implements Publication {

    /**
     * Checks every member and copies the events.
     *
     * @param accountId the account the events belong to; only its subscribers receive them
     * @param handlerId {@code handler_id}
     * @param eventCreateTime {@code event_create_time}
     * @param eventEndTime {@code event_end_time}
     * @param requestId the request id of the publication
     * @param events the events, at least one
     */
    public HandlerPublication {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(handlerId, "handlerId");
        Objects.requireNonNull(eventCreateTime, "eventCreateTime");
        Objects.requireNonNull(eventEndTime, "eventEndTime");
        Objects.requireNonNull(requestId, "requestId");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events must not be empty");
        }
    }

    /**
     * The message subscribers receive for the event at {@code index}.
     *
     * @param index the position of the event in {@link #events()}
     * @return the message for that event, with the publication's context
     */
    public HandlerEventMessage message(int index) {
        return new HandlerEventMessage(events.get(index), handlerId, eventCreateTime, eventEndTime, requestId);
    }

    @Override
    public int size() {
        return events.size();
    }
}
