package dev.sender.core.event;

import dev.sender.core.LunaHeaders;
import dev.sender.core.Uuids;
import dev.sender.core.internal.json.EventBytes;
import dev.sender.core.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes publications as JSON: the publish request bodies of SPEC §2.3 and §2.4, and the payloads
 * that travel on Redis channels (SPEC §6). Event objects are kept as written, never re-serialised.
 *
 * <p>Request bodies are validated strictly: a body that is not JSON, or JSON that breaks the schema (a missing
 * or mistyped member, an empty {@code events} array, a member the schema does not know), raises
 * {@link InvalidJsonException} naming the offending path.
 */
public final class PublicationJson {

    private static final String EVENTS = "events";
    private static final String EVENT = "event";
    private static final String HANDLER_ID = "handler_id";
    private static final String CREATE_TIME = "event_create_time";
    private static final String END_TIME = "event_end_time";
    private static final String EVENT_TYPE = "event_type";
    private static final String ACCOUNT_ID = "account_id";

    private static final Set<String> HANDLER_REQUEST = Set.of(EVENTS, HANDLER_ID, CREATE_TIME, END_TIME);
    private static final Set<String> GENERAL_REQUEST = Set.of(EVENT, EVENT_TYPE, ACCOUNT_ID, CREATE_TIME, END_TIME);

    private PublicationJson() {
    }

    /**
     * Reads the body of a handler-event publish request (SPEC §2.3).
     *
     * @param body the request body, UTF-8
     * @param accountId the account named by the request's {@code Luna-Account-Id}
     * @param requestId the request id of the request
     * @return the publication the body describes
     * @throws InvalidJsonException when the body is not JSON or breaks the schema
     */
    public static HandlerPublication readHandlerRequest(byte[] body, UUID accountId, String requestId) {
        Map<String, Object> fields = MessageReader.read(body);
        rejectUnknown(fields, HANDLER_REQUEST);
        return handlerPublication(fields, accountId, requestId);
    }

    /**
     * Reads the body of a general-event publish request (SPEC §2.4).
     *
     * @param body the request body, UTF-8
     * @param requestId the request id of the request
     * @return the publication the body describes
     * @throws InvalidJsonException when the body is not JSON or breaks the schema
     */
    public static GeneralPublication readGeneralRequest(byte[] body, String requestId) {
        Map<String, Object> fields = MessageReader.read(body);
        rejectUnknown(fields, GENERAL_REQUEST);
        return generalPublication(fields, requestId);
    }

    /**
     * The body of a handler-event publish request for {@code publication} (account and request id excluded).
     *
     * @param publication what to publish
     * @return the JSON body, UTF-8
     */
    public static byte[] writeHandlerRequest(HandlerPublication publication) {
        JsonWriter out = new JsonWriter(estimate(publication)).beginObject();
        writeHandlerMembers(out, publication);
        return out.endObject().toByteArray();
    }

    /**
     * The body of a general-event publish request for {@code publication} (request id excluded).
     *
     * @param publication what to publish
     * @return the JSON body, UTF-8
     */
    public static byte[] writeGeneralRequest(GeneralPublication publication) {
        JsonWriter out = new JsonWriter(publication.event().jsonLength() + 256).beginObject();
        writeGeneralMembers(out, publication);
        return out.endObject().toByteArray();
    }

    /**
     * Reads a message of the Redis channel {@code luna-sender:{account_id}} as LUNA handlers publish it:
     * {@code {"handler_id", "Luna-Request-Id", "events", "event_create_time", "event_end_time"}}. Members this
     * project does not know are ignored; a missing request id is replaced by {@code fallbackRequestId}.
     *
     * @param payload the channel message, UTF-8
     * @param accountId the account named by the channel
     * @param fallbackRequestId the request id to use when the message carries none
     * @return the publication the message describes
     * @throws InvalidJsonException when the payload is not such a message
     */
    public static HandlerPublication readHandlerChannelMessage(byte[] payload, UUID accountId,
            String fallbackRequestId) {
        Map<String, Object> fields = MessageReader.read(payload);
        String requestId = MessageReader.optionalText(fields, LunaHeaders.REQUEST_ID);
        return handlerPublication(fields, accountId, requestId == null ? fallbackRequestId : requestId);
    }

    /**
     * The message for the Redis channel {@code luna-sender:{account_id}}, in LUNA's format.
     *
     * @param publication what to publish
     * @return the channel message, UTF-8
     */
    public static byte[] writeHandlerChannelMessage(HandlerPublication publication) {
        JsonWriter out = new JsonWriter(estimate(publication)).beginObject();
        out.key(LunaHeaders.REQUEST_ID).string(publication.requestId());
        writeHandlerMembers(out, publication);
        return out.endObject().toByteArray();
    }

    /**
     * Reads a message of the Redis channel {@code luna-sender-general}: the §2.4 body plus
     * {@code Luna-Request-Id}. Members this project does not know are ignored.
     *
     * @param payload the channel message, UTF-8
     * @param fallbackRequestId the request id to use when the message carries none
     * @return the publication the message describes
     * @throws InvalidJsonException when the payload is not such a message
     */
    public static GeneralPublication readGeneralChannelMessage(byte[] payload, String fallbackRequestId) {
        Map<String, Object> fields = MessageReader.read(payload);
        String requestId = MessageReader.optionalText(fields, LunaHeaders.REQUEST_ID);
        return generalPublication(fields, requestId == null ? fallbackRequestId : requestId);
    }

    /**
     * The message for the Redis channel {@code luna-sender-general}.
     *
     * @param publication what to publish
     * @return the channel message, UTF-8
     */
    public static byte[] writeGeneralChannelMessage(GeneralPublication publication) {
        JsonWriter out = new JsonWriter(publication.event().jsonLength() + 256).beginObject();
        out.key(LunaHeaders.REQUEST_ID).string(publication.requestId());
        writeGeneralMembers(out, publication);
        return out.endObject().toByteArray();
    }

    private static HandlerPublication handlerPublication(Map<String, Object> fields, UUID accountId,
            String requestId) {
        Object events = fields.get(EVENTS);
        if (events == null) {
            throw InvalidJsonException.schema(EVENTS, "field required");
        }
        if (!(events instanceof List<?> elements)) {
            throw InvalidJsonException.schema(EVENTS, "must be an array");
        }
        if (elements.isEmpty()) {
            throw InvalidJsonException.schema(EVENTS, "must not be empty");
        }
        List<Event> parsed = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof MessageReader.RawObject object)) {
                throw InvalidJsonException.schema(EVENTS + "." + i, "must be an object");
            }
            parsed.add(object.toEvent());
        }
        return new HandlerPublication(accountId, MessageReader.requiredText(fields, HANDLER_ID),
                MessageReader.requiredText(fields, CREATE_TIME), MessageReader.requiredText(fields, END_TIME),
                requestId, parsed);
    }

    private static GeneralPublication generalPublication(Map<String, Object> fields, String requestId) {
        Event event = MessageReader.event(fields);
        String eventType = MessageReader.requiredText(fields, EVENT_TYPE);
        String accountId = MessageReader.optionalText(fields, ACCOUNT_ID);
        if (accountId != null && !Uuids.isValid(accountId)) {
            throw InvalidJsonException.schema(ACCOUNT_ID, "must be a UUID");
        }
        return new GeneralPublication(event, eventType, accountId, MessageReader.optionalText(fields, CREATE_TIME),
                MessageReader.optionalText(fields, END_TIME), requestId);
    }

    private static void writeHandlerMembers(JsonWriter out, HandlerPublication publication) {
        out.key(EVENTS).beginArray();
        for (Event event : publication.events()) {
            out.raw(EventBytes.of(event));
        }
        out.endArray();
        out.key(HANDLER_ID).string(publication.handlerId());
        out.key(CREATE_TIME).string(publication.eventCreateTime());
        out.key(END_TIME).string(publication.eventEndTime());
    }

    private static void writeGeneralMembers(JsonWriter out, GeneralPublication publication) {
        out.key(EVENT).raw(EventBytes.of(publication.event()));
        out.key(EVENT_TYPE).string(publication.eventType());
        optional(out, ACCOUNT_ID, publication.accountId());
        optional(out, CREATE_TIME, publication.eventCreateTime());
        optional(out, END_TIME, publication.eventEndTime());
    }

    private static void optional(JsonWriter out, String key, @Nullable String value) {
        if (value != null) {
            out.key(key).string(value);
        }
    }

    private static void rejectUnknown(Map<String, Object> fields, Set<String> known) {
        for (String key : fields.keySet()) {
            if (!known.contains(key)) {
                throw InvalidJsonException.schema(key, "additional property not allowed");
            }
        }
    }

    private static int estimate(HandlerPublication publication) {
        int size = 256;
        for (Event event : publication.events()) {
            size += event.jsonLength() + 1;
        }
        return size;
    }
}
