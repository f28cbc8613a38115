package dev.sender.core.event;

import dev.sender.core.Position;
import dev.sender.core.internal.json.Envelope;
import dev.sender.core.internal.json.EventBytes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A handler event as a subscriber receives it (SPEC §2.1):
 *
 * <pre>{@code
 * {"event": {...}, "handler_id": "...", "event-create-time": "...", "event-end-time": "...",
 *  "Luna-Request-id": "..."}
 * }</pre>
 */
public final class HandlerEventMessage extends EncodedMessage {

    static final String EVENT = "event";
    static final String HANDLER_ID = "handler_id";
    static final String CREATE_TIME = "event-create-time";
    static final String END_TIME = "event-end-time";
    static final String REQUEST_ID = "Luna-Request-id";

    private final String handlerId;
    private final String eventCreateTime;
    private final String eventEndTime;
    private final String requestId;

    /**
     * A message for {@code event} published with the given context.
     *
     * @param event the event
     * @param handlerId {@code handler_id}
     * @param eventCreateTime {@code event_create_time}
     * @param eventEndTime {@code event_end_time}
     * @param requestId the request id of the publication
     */
    public HandlerEventMessage(Event event, String handlerId, String eventCreateTime, String eventEndTime,
            String requestId) {
        super(event);
        this.handlerId = Objects.requireNonNull(handlerId, "handlerId");
        this.eventCreateTime = Objects.requireNonNull(eventCreateTime, "eventCreateTime");
        this.eventEndTime = Objects.requireNonNull(eventEndTime, "eventEndTime");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * Reads a message from its JSON text, as a client receives it; {@link #json()} and {@link #toJson()} then
     * return that text unchanged.
     *
     * @param json the text of one WebSocket frame of a handler-event subscription
     * @return the message
     * @throws InvalidJsonException when the text is not such a message
     */
    public static HandlerEventMessage parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> fields = MessageReader.read(bytes);
        HandlerEventMessage message = new HandlerEventMessage(MessageReader.event(fields),
                MessageReader.requiredText(fields, HANDLER_ID), MessageReader.requiredText(fields, CREATE_TIME),
                MessageReader.requiredText(fields, END_TIME), MessageReader.requiredText(fields, REQUEST_ID));
        message.readFrom(bytes, fields);
        return message;
    }

    /** {@return {@code handler_id}: the handler that produced the event} */
    public String handlerId() {
        return handlerId;
    }

    /** {@return {@code event-create-time}, as the publisher wrote it} */
    public String eventCreateTime() {
        return eventCreateTime;
    }

    /** {@return {@code event-end-time}, as the publisher wrote it} */
    public String eventEndTime() {
        return eventEndTime;
    }

    /** {@code Luna-Request-id}: the request id of the publication. */
    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public HandlerEventMessage withPosition(Position position) {
        return (HandlerEventMessage) super.withPosition(position);
    }

    @Override
    HandlerEventMessage copy() {
        return new HandlerEventMessage(event(), handlerId, eventCreateTime, eventEndTime, requestId);
    }

    @Override
    byte[] encode() {
        return Envelope.encode(EventBytes.of(event()), HANDLER_ID, handlerId, CREATE_TIME, eventCreateTime,
                END_TIME, eventEndTime, REQUEST_ID, requestId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandlerEventMessage m && event().equals(m.event()) && handlerId.equals(m.handlerId)
                && eventCreateTime.equals(m.eventCreateTime) && eventEndTime.equals(m.eventEndTime)
                && requestId.equals(m.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event(), handlerId, eventCreateTime, eventEndTime, requestId);
    }
}
