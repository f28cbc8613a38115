package dev.sender.core.event;

import dev.sender.core.Position;
import dev.sender.core.internal.json.Envelope;
import dev.sender.core.internal.json.EventBytes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A general event as a subscriber receives it (SPEC §2.2):
 *
 * <pre>{@code
 * {"event": {...}, "event_type": "...", "account_id": "<uuid or null>",
 *  "event-create-time": "<or null>", "event-end-time": "<or null>"}
 * }</pre>
 */
public final class GeneralEventMessage extends EncodedMessage {

    static final String EVENT_TYPE = "event_type";
    static final String ACCOUNT_ID = "account_id";

    private final String eventType;
    private final @Nullable String accountId;
    private final @Nullable String eventCreateTime;
    private final @Nullable String eventEndTime;
    private final @Nullable String requestId;

    /**
     * A message for {@code event} published with the given context; {@code requestId} is not part of the
     * message's JSON.
     *
     * @param event the event
     * @param eventType {@code event_type}
     * @param accountId {@code account_id} as published, or {@code null}
     * @param eventCreateTime {@code event_create_time}, or {@code null}
     * @param eventEndTime {@code event_end_time}, or {@code null}
     * @param requestId the request id of the publication, or {@code null} when unknown
     */
    public GeneralEventMessage(Event event, String eventType, @Nullable String accountId,
            @Nullable String eventCreateTime, @Nullable String eventEndTime, @Nullable String requestId) {
        super(event);
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.accountId = accountId;
        this.eventCreateTime = eventCreateTime;
        this.eventEndTime = eventEndTime;
        this.requestId = requestId;
    }

    /**
     * Reads a message from its JSON text, as a client receives it; {@link #json()} and {@link #toJson()} then
     * return that text unchanged.
     *
     * @param json the text of one WebSocket frame of a general-event subscription
     * @return the message, whose {@link #requestId()} is {@code null}
     * @throws InvalidJsonException when the text is not such a message
     */
    public static GeneralEventMessage parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> fields = MessageReader.read(bytes);
        GeneralEventMessage message = new GeneralEventMessage(MessageReader.event(fields),
                MessageReader.requiredText(fields, EVENT_TYPE), MessageReader.optionalText(fields, ACCOUNT_ID),
                MessageReader.optionalText(fields, HandlerEventMessage.CREATE_TIME),
                MessageReader.optionalText(fields, HandlerEventMessage.END_TIME), null);
        message.readFrom(bytes, fields);
        return message;
    }

    /** {@return the {@code event_type} the event was published with} */
    public String eventType() {
        return eventType;
    }

    /** {@return {@code account_id} as published, or {@code null} when the publisher gave none} */
    public @Nullable String accountId() {
        return accountId;
    }

    /** {@return {@code event-create-time}, or {@code null} when the publisher gave none} */
    public @Nullable String eventCreateTime() {
        return eventCreateTime;
    }

    /** {@return {@code event-end-time}, or {@code null} when the publisher gave none} */
    public @Nullable String eventEndTime() {
        return eventEndTime;
    }

    @Override
    public @Nullable String requestId() {
        return requestId;
    }

    @Override
    public GeneralEventMessage withPosition(Position position) {
        return (GeneralEventMessage) super.withPosition(position);
    }

    @Override
    GeneralEventMessage copy() {
        return new GeneralEventMessage(event(), eventType, accountId, eventCreateTime, eventEndTime, requestId);
    }

    @Override
    byte[] encode() {
        return Envelope.encode(EventBytes.of(event()), EVENT_TYPE, eventType, ACCOUNT_ID, accountId,
                HandlerEventMessage.CREATE_TIME, eventCreateTime, HandlerEventMessage.END_TIME, eventEndTime);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneralEventMessage m && event().equals(m.event()) && eventType.equals(m.eventType)
                && Objects.equals(accountId, m.accountId) && Objects.equals(eventCreateTime, m.eventCreateTime)
                && Objects.equals(eventEndTime, m.eventEndTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event(), eventType, accountId, eventCreateTime, eventEndTime);
    }
}
