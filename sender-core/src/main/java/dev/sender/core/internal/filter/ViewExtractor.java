package dev.sender.core.internal.filter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.internal.json.EventBytes;
import dev.sender.core.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fills an {@link EventView} with the values of one message at the paths of a {@link PathTrie}, in one
 * streaming pass over the event's JSON that skips every subtree no path enters.
 */
public final class ViewExtractor {

    private static final String EVENT = "event";

    private ViewExtractor() {
    }

    /** Extracts the values of {@code message} at the paths of {@code trie} into {@code view}. */
    public static void extract(PathTrie trie, EventMessage message, EventView view) {
        view.reset(trie.slotCount);
        for (Map.Entry<String, PathTrie.Node> entry : trie.root.keys.entrySet()) {
            String name = entry.getKey();
            PathTrie.Node node = entry.getValue();
            if (name.equals(EVENT)) {
                walkEvent(EventBytes.of(message.event()), node, view);
            } else if (node.slot >= 0 && hasMember(message, name)) {
                String value = member(message, name);
                if (value == null) {
                    view.add(node.slot, EventView.NULL, 0, null);
                } else {
                    view.add(node.slot, EventView.STRING, 0, value);
                }
            }
        }
    }

    private static boolean hasMember(EventMessage message, String name) {
        return switch (name) {
            case "event-create-time", "event-end-time" -> true;
            case "handler_id", "Luna-Request-id" -> message instanceof HandlerEventMessage;
            case "event_type", "account_id" -> message instanceof GeneralEventMessage;
            default -> false;
        };
    }

    private static @Nullable String member(EventMessage message, String name) {
        if (message instanceof HandlerEventMessage m) {
            return switch (name) {
                case "handler_id" -> m.handlerId();
                case "event-create-time" -> m.eventCreateTime();
                case "event-end-time" -> m.eventEndTime();
                default -> m.requestId();
            };
        }
        GeneralEventMessage m = (GeneralEventMessage) message;
        return switch (name) {
            case "event_type" -> m.eventType();
            case "account_id" -> m.accountId();
            case "event-create-time" -> m.eventCreateTime();
            default -> m.eventEndTime();
        };
    }

    private static void walkEvent(byte[] json, PathTrie.Node node, EventView view) {
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            walkValue(parser, parser.nextToken(), node, view);
        } catch (IOException e) {
            // The event was validated when it was accepted; failing here means a bug, not bad input.
            throw new UncheckedIOException(e);
        }
    }

    private static void walkValue(JsonParser parser, JsonToken token, PathTrie.Node node, EventView view)
            throws IOException {
        int slot = node.slot;
        switch (token) {
            case START_OBJECT -> {
                if (slot >= 0) {
                    view.add(slot, EventView.OBJECT, 0, null);
                }
                if (!node.hasKeys()) {
                    parser.skipChildren();
                    return;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    PathTrie.Node child = node.key(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (child == null) {
                        parser.skipChildren();
                    } else {
                        walkValue(parser, value, child, view);
                    }
                }
            }
            case START_ARRAY -> {
                if (slot >= 0) {
                    view.add(slot, EventView.ARRAY, 0, null);
                }
                PathTrie.Node each = node.each;
                if (each == null) {
                    parser.skipChildren();
                    return;
                }
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    walkValue(parser, element, each, view);
                }
            }
            case VALUE_STRING -> {
                if (slot >= 0) {
                    view.add(slot, EventView.STRING, 0, parser.getText());
                }
            }
            case VALUE_NUMBER_INT -> {
                if (slot >= 0) {
                    JsonParser.NumberType type = parser.getNumberType();
                    if (type == JsonParser.NumberType.BIG_INTEGER) {
                        view.add(slot, EventView.BIG_INT, parser.getDoubleValue(), null);
                    } else {
                        long value = parser.getLongValue();
                        view.add(slot, EventView.INT, value, value, null);
                    }
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                if (slot >= 0) {
                    view.add(slot, EventView.FLOAT, parser.getDoubleValue(), null);
                }
            }
            case VALUE_TRUE -> {
                if (slot >= 0) {
                    view.add(slot, EventView.TRUE, 0, null);
                }
            }
            case VALUE_FALSE -> {
                if (slot >= 0) {
                    view.add(slot, EventView.FALSE, 0, null);
                }
            }
            default -> {
                if (slot >= 0) {
                    view.add(slot, EventView.NULL, 0, null);
                }
            }
        }
    }
}
