package dev.sender.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.event.Event;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.testkit.SampleEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Variations of the LUNA sample message for filter tests: an {@link Edit} changes a draft (the event tree and
 * the message fields around it), with a description that reads well in a test name.
 */
final class Drafts {

    static final String SAMPLE_HANDLER_ID = "557d54ec-29ad-4f3c-93b4-c9092ef12515";
    static final String FACE_AGGREGATE = "aggregate_estimations.face.attributes.";
    static final String BODY_AGGREGATE = "aggregate_estimations.body.attributes.";
    static final String FACE_DETECTION = "detections.0.samples.face.detection.attributes.";
    static final String BODY_DETECTION = "detections.0.samples.body.detection.attributes.";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Drafts() {
    }

    /** What a message is built from. */
    static final class Draft {
        final ObjectNode event = SampleEvents.eventTree();
        String handlerId = SAMPLE_HANDLER_ID;
        String eventType = "sample_type";
        @Nullable String accountId;
    }

    /** A described change of a draft. */
    record Edit(String description, Consumer<Draft> change) {
        @Override
        public String toString() {
            return description;
        }
    }

    static HandlerEventMessage handlerMessage(Edit... edits) {
        Draft draft = draft(edits);
        return SampleEvents.handlerMessage(Event.of(draft.event), draft.handlerId);
    }

    static GeneralEventMessage generalMessage(Edit... edits) {
        Draft draft = draft(edits);
        return new GeneralEventMessage(Event.of(draft.event), draft.eventType, draft.accountId, null, null, null);
    }

    static String describe(Edit... edits) {
        return edits.length == 0 ? "the sample event"
                : String.join(", ", Arrays.stream(edits).map(Edit::description).toList());
    }

    private static Draft draft(Edit... edits) {
        Draft draft = new Draft();
        for (Edit edit : edits) {
            edit.change().accept(draft);
        }
        return draft;
    }

    /** Sets the event's value at {@code path} (dotted, numbers index arrays) to the JSON {@code json}. */
    static Edit set(String path, String json) {
        return new Edit(path + "=" + json, d -> put(d.event, path, json(json)));
    }

    /** Removes the event's value at {@code path}. */
    static Edit remove(String path) {
        return new Edit("no " + path, d -> delete(d.event, path));
    }

    /** Appends a copy of the first detection, changed at {@code relativePath} to {@code json}. */
    static Edit secondDetection(String relativePath, @Nullable String json) {
        return new Edit("a second detection with " + relativePath + "=" + json, d -> {
            ArrayNode detections = (ArrayNode) d.event.get("detections");
            ObjectNode copy = detections.get(0).deepCopy();
            if (json == null) {
                delete(copy, relativePath);
            } else {
                put(copy, relativePath, json(json));
            }
            detections.add(copy);
        });
    }

    static Edit handlerId(String handlerId) {
        return new Edit("handler_id=" + handlerId, d -> d.handlerId = handlerId);
    }

    static Edit eventType(String eventType) {
        return new Edit("event_type=" + eventType, d -> d.eventType = eventType);
    }

    static Edit accountId(@Nullable String accountId) {
        return new Edit("account_id=" + accountId, d -> d.accountId = accountId);
    }

    /** Replaces the whole event object with {@code json}. */
    static Edit eventIs(String json) {
        return new Edit("event " + json, d -> {
            d.event.removeAll();
            d.event.setAll((ObjectNode) json(json));
        });
    }

    static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode root, String path, JsonNode value) {
        List<String> keys = List.of(path.split("\\."));
        ContainerNode<?> node = root;
        for (int i = 0; i < keys.size() - 1; i++) {
            node = child(node, keys.get(i), keys.get(i + 1));
        }
        String last = keys.get(keys.size() - 1);
        if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else {
            ((ObjectNode) node).set(last, value);
        }
    }

    private static ContainerNode<?> child(ContainerNode<?> node, String key, String nextKey) {
        boolean nextIsIndex = nextKey.chars().allMatch(Character::isDigit);
        if (node instanceof ArrayNode array) {
            JsonNode existing = array.get(Integer.parseInt(key));
            return (ContainerNode<?>) existing;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode existing = object.get(key);
        if (existing instanceof ContainerNode<?> container) {
            return container;
        }
        return nextIsIndex ? object.putArray(key) : object.putObject(key);
    }

    private static void delete(ObjectNode root, String path) {
        List<String> keys = List.of(path.split("\\."));
        JsonNode node = root;
        for (int i = 0; i < keys.size() - 1 && node != null; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(keys.get(i))) : node.get(keys.get(i));
        }
        if (node instanceof ObjectNode object) {
            object.remove(keys.get(keys.size() - 1));
        }
    }
}
