package dev.sender.core.internal.filter;

import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.internal.json.EventBytes;
import dev.sender.core.internal.json.JsonBytes;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fills an {@link EventView} with the values of one message at the paths of a {@link PathTrie}, in one pass
 * over the event's validated JSON bytes that skips every subtree no path enters without tokenizing it.
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

    /** Walks the event's object, which ends before its slice does: nothing after it is read. */
    private static void walkEvent(EventBytes.Slice json, PathTrie.Node node, EventView view) {
        walkValue(json.array(), JsonBytes.skipWhitespace(json.array(), json.offset()), node, view);
    }

    /** Records the value at {@code i} where {@code node} reads it; returns the index just after the value. */
    private static int walkValue(byte[] json, int i, PathTrie.Node node, EventView view) {
        int slot = node.slot;
        byte first = json[i];
        switch (first) {
            case '{' -> {
                if (slot >= 0) {
                    view.add(slot, EventView.OBJECT, 0, null);
                }
                if (!node.hasKeys()) {
                    return JsonBytes.skipValue(json, i);
                }
                i = JsonBytes.skipWhitespace(json, i + 1);
                while (json[i] != '}') {
                    int keyEnd = JsonBytes.skipString(json, i);
                    PathTrie.Node child = node.key(json, i, keyEnd);
                    i = JsonBytes.skipWhitespace(json, JsonBytes.skipWhitespace(json, keyEnd) + 1);
                    i = child == null ? JsonBytes.skipValue(json, i) : walkValue(json, i, child, view);
                    i = JsonBytes.skipWhitespace(json, i);
                    if (json[i] == ',') {
                        i = JsonBytes.skipWhitespace(json, i + 1);
                    }
                }
                return i + 1;
            }
            case '[' -> {
                if (slot >= 0) {
                    view.add(slot, EventView.ARRAY, 0, null);
                }
                PathTrie.Node each = node.each;
                if (each == null) {
                    return JsonBytes.skipValue(json, i);
                }
                i = JsonBytes.skipWhitespace(json, i + 1);
                while (json[i] != ']') {
                    i = JsonBytes.skipWhitespace(json, walkValue(json, i, each, view));
                    if (json[i] == ',') {
                        i = JsonBytes.skipWhitespace(json, i + 1);
                    }
                }
                return i + 1;
            }
            case '"' -> {
                int end = JsonBytes.skipString(json, i);
                if (slot >= 0) {
                    view.add(slot, EventView.STRING, 0, JsonBytes.decodeString(json, i, end));
                }
                return end;
            }
            case 't' -> {
                if (slot >= 0) {
                    view.add(slot, EventView.TRUE, 0, null);
                }
                return i + 4;
            }
            case 'f' -> {
                if (slot >= 0) {
                    view.add(slot, EventView.FALSE, 0, null);
                }
                return i + 5;
            }
            case 'n' -> {
                if (slot >= 0) {
                    view.add(slot, EventView.NULL, 0, null);
                }
                return i + 4;
            }
            default -> {
                int end = JsonBytes.skipScalar(json, i);
                if (slot >= 0) {
                    addNumber(json, i, end, slot, view);
                }
                return end;
            }
        }
    }

    private static void addNumber(byte[] json, int start, int end, int slot, EventView view) {
        if (!JsonBytes.isInteger(json, start, end)) {
            view.add(slot, EventView.FLOAT, Double.parseDouble(JsonBytes.text(json, start, end)), null);
            return;
        }
        long value = 0;
        boolean negative = json[start] == '-';
        int digits = end - start - (negative ? 1 : 0);
        if (digits > 18) {
            String text = JsonBytes.text(json, start, end);
            try {
                long exact = Long.parseLong(text);
                view.add(slot, EventView.INT, exact, exact, null);
            } catch (NumberFormatException tooLarge) {
                view.add(slot, EventView.BIG_INT, Double.parseDouble(text), null);
            }
            return;
        }
        for (int i = negative ? start + 1 : start; i < end; i++) {
            value = value * 10 + (json[i] - '0');
        }
        value = negative ? -value : value;
        view.add(slot, EventView.INT, value, value, null);
    }
}
