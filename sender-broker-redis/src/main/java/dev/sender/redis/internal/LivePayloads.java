package dev.sender.redis.internal;

import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.event.Publication;
import dev.sender.core.event.PublicationJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads the payloads of SPEC §6 as they travel on channels and sit in history streams, and gives their events
 * positions. A publication retained by Sender travels with one more top-level key after LUNA's,
 * {@code "sender_history_id": "<entry ID>"}, which LUNA's Sender ignores; its events are at
 * {@code <entry ID>.<index>}. A payload without a request id (LUNA's handlers may leave it out) gets one derived
 * from its entry ID, so that every node, and every replay, gives its events the same one.
 */
public final class LivePayloads {

    /** The key that carries the stream entry ID of a retained publication on its channel. */
    public static final String HISTORY_ID = "sender_history_id";

    private static final byte[] HISTORY_ID_PREFIX = (",\"" + HISTORY_ID + "\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final String MISSING_REQUEST_ID = "";

    private LivePayloads() {
    }

    /**
     * The entry ID carried by a payload that Sender published with history, or null for any other payload (one that
     * a LUNA handler published, or Sender without history).
     */
    public static @Nullable String historyId(byte[] payload) {
        int end = payload.length - 1;
        if (end < 2 || payload[end] != '}' || payload[end - 1] != '"') {
            return null;
        }
        int close = end - 1;
        int open = close - 1;
        while (open >= 0 && (payload[open] >= '0' && payload[open] <= '9' || payload[open] == '-')) {
            open--;
        }
        int prefixStart = open - HISTORY_ID_PREFIX.length + 1;
        if (open < 0 || payload[open] != '"' || prefixStart < 0) {
            return null;
        }
        for (int i = 0; i < HISTORY_ID_PREFIX.length; i++) {
            if (payload[prefixStart + i] != HISTORY_ID_PREFIX[i]) {
                return null;
            }
        }
        String id = new String(payload, open + 1, close - open - 1, StandardCharsets.US_ASCII);
        return StreamPosition.parseEntryId(id) == null ? null : id;
    }

    /**
     * Reads a payload of {@code topic}'s channel; without a request id, the publication's request id is
     * {@link #withoutRequestId(Publication) empty}.
     *
     * @throws InvalidJsonException when the payload is not a publication
     */
    public static Publication read(Topic topic, byte[] payload) {
        if (topic.kind() == Topic.Kind.GENERAL_EVENTS) {
            return PublicationJson.readGeneralChannelMessage(payload, MISSING_REQUEST_ID);
        }
        UUID account = Objects.requireNonNull(topic.accountId(), "accountId");
        return PublicationJson.readHandlerChannelMessage(payload, account, MISSING_REQUEST_ID);
    }

    /** Whether the payload {@code publication} was {@linkplain #read read} from carried no request id. */
    public static boolean withoutRequestId(Publication publication) {
        return publication.requestId().equals(MISSING_REQUEST_ID);
    }

    /** {@code publication} with request id {@code requestId} when it was read without one. */
    public static Publication withRequestId(Publication publication, String requestId) {
        if (!withoutRequestId(publication)) {
            return publication;
        }
        if (publication instanceof HandlerPublication h) {
            return new HandlerPublication(h.accountId(), h.handlerId(), h.eventCreateTime(), h.eventEndTime(),
                    requestId, h.events());
        }
        GeneralPublication g = (GeneralPublication) publication;
        return new GeneralPublication(g.event(), g.eventType(), g.accountId(), g.eventCreateTime(), g.eventEndTime(),
                requestId);
    }

    /**
     * The messages of the publication stored at {@code entryId}, each at its position; a request id missing from
     * the payload is derived from the entry ID.
     */
    public static List<EventMessage> messages(Publication publication, String entryId) {
        Publication complete = withRequestId(publication, derivedRequestId(entryId));
        List<EventMessage> messages = new ArrayList<>(complete.size());
        if (complete instanceof HandlerPublication handler) {
            for (int i = 0; i < handler.size(); i++) {
                messages.add(handler.message(i).withPosition(StreamPosition.of(entryId, i).position()));
            }
        } else {
            messages.add(((GeneralPublication) complete).message()
                    .withPosition(StreamPosition.of(entryId, 0).position()));
        }
        return messages;
    }

    /** A LUNA request id for a payload stored at {@code entryId} without one: the entry's second, a name UUID. */
    static String derivedRequestId(String entryId) {
        StreamPosition entry = Objects.requireNonNull(StreamPosition.parseEntryId(entryId), entryId);
        String seconds = Long.toString(entry.millis() / 1000);
        return "0".repeat(Math.max(0, 10 - seconds.length())) + seconds + ","
                + UUID.nameUUIDFromBytes(entryId.getBytes(StandardCharsets.US_ASCII));
    }
}
