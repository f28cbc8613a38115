package dev.sender.core.event;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One general event (SPEC §2.4), delivered to every matching general-event subscriber.
 *
 * @param event the raw event
 * @param eventType {@code event_type}
 * @param accountId {@code account_id} as published (a UUID), or {@code null}
 * @param eventCreateTime {@code event_create_time}, or {@code null}
 * @param eventEndTime {@code event_end_time}, or {@code null}
 * @param requestId the request id of the publication
 */
public record GeneralPublication(Event event, String eventType, @Nullable String accountId,
        @Nullable String eventCreateTime, @Nullable String eventEndTime, String requestId) implements Publication {

    /**
     * Checks the required members.
     *
     * @param event the raw event
     * @param eventType {@code event_type}
     * @param accountId {@code account_id} as published (a UUID), or {@code null}
     * @param eventCreateTime {@code event_create_time}, or {@code null}
     * @param eventEndTime {@code event_end_time}, or {@code null}
     * @param requestId the request id of the publication
     */
    public GeneralPublication {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** {@return the message subscribers receive} */
    public GeneralEventMessage message() {
        return new GeneralEventMessage(event, eventType, accountId, eventCreateTime, eventEndTime, requestId);
    }

    @Override
    public int size() {
        return 1;
    }
}
