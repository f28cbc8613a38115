package dev.sender.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sender.core.internal.json.EventBytes;
import dev.sender.core.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the top level of a message or publication: the event object kept raw, strings decoded. */
final class MessageReader {

    /** Marks a key whose value was JSON {@code null}. */
    static final Object NULL = new Object();

    private MessageReader() {
    }

    /**
     * The top-level members of the object in {@code json}: {@link RawObject} for objects (kept as written),
     * a {@link List} of such values for arrays, {@link String} for strings, {@link #NULL} for nulls, and
     * {@link RawScalar} for numbers and booleans.
     */
    static Map<String, Object> read(byte[] json) {
        try (JsonParser parser = Json.utf8Parser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                // Not being JSON at all takes precedence over being JSON of the wrong shape (SPEC §2.5).
                if (first != null) {
                    Json.consumeValidated(parser);
                    if (parser.nextToken() != null) {
                        throw InvalidJsonException.notJson("content after the JSON value", null);
                    }
                }
                throw InvalidJsonException.schema("", "must be an object");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                fields.put(name, value(parser, token, json));
            }
            if (parser.nextToken() != null) {
                throw InvalidJsonException.notJson("content after the object", null);
            }
            return fields;
        } catch (IOException e) {
            throw InvalidJsonException.notJson(Json.describe(e), e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token, byte[] json) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                int start = Json.tokenOffset(parser);
                Json.consumeValidated(parser);
                return new RawObject(new EventBytes.Slice(json, start, Json.endOffset(parser) - start));
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(value(parser, next, json));
                }
                return elements;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> {
                return new RawScalar(parser.getText());
            }
        }
    }

    /** A JSON object, kept as the bytes it was written with, where it was written. */
    record RawObject(EventBytes.Slice json) {
        Event toEvent() {
            return new Event(json);
        }
    }

    /** A number or boolean, as written. */
    record RawScalar(String text) {
    }

    static Event event(Map<String, Object> fields) {
        Object value = fields.get(HandlerEventMessage.EVENT);
        if (value == null) {
            throw InvalidJsonException.schema(HandlerEventMessage.EVENT, "field required");
        }
        if (!(value instanceof RawObject object)) {
            throw InvalidJsonException.schema(HandlerEventMessage.EVENT, "must be an object");
        }
        return object.toEvent();
    }

    static String requiredText(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value == null) {
            throw InvalidJsonException.schema(key, "field required");
        }
        if (!(value instanceof String text)) {
            throw InvalidJsonException.schema(key, "must be a string");
        }
        return text;
    }

    static @Nullable String optionalText(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value == null || value == NULL) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw InvalidJsonException.schema(key, "must be a string");
        }
        return text;
    }
}
