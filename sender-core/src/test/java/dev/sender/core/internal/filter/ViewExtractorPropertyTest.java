package dev.sender.core.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.event.Event;
import dev.sender.core.filter.Field;
import dev.sender.core.testkit.SampleEvents;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The extractor reads validated bytes without a tokenizer; it must find exactly what a JSON tree finds, at
 * every path, for any JSON however written (whitespace, escapes, non-ASCII, every kind of number).
 */
class ViewExtractorPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KEYS = {"a", "b", "source", "é", "x\"y", "k\\z", "tags", "with space", "日本"};

    @Property(tries = 300)
    void extractedValues_areThoseOfTheJsonTree(@ForAll long seed, @ForAll boolean pretty, @ForAll boolean asciiOnly)
            throws Exception {
        Random random = new Random(seed);
        ObjectNode event = object(random, 0);
        ObjectMapper mapper = JsonMapper.builder().configure(SerializationFeature.INDENT_OUTPUT, pretty)
                .configure(JsonWriteFeature.ESCAPE_NON_ASCII, asciiOnly).build();
        Event parsed = Event.parse(mapper.writeValueAsBytes(event));
        List<List<String>> paths = new ArrayList<>();
        collectPaths(event, new ArrayList<>(List.of("event")), paths);
        paths.add(List.of("event", "missing"));

        FieldRegistry registry = new FieldRegistry();
        List<Integer> slots = new ArrayList<>();
        for (List<String> path : paths) {
            slots.add(registry.acquire(path));
        }
        EventView view = new EventView();
        ViewExtractor.extract(registry.snapshot(), SampleEvents.handlerMessage(parsed), view);

        for (int p = 0; p < paths.size(); p++) {
            List<String> expected = new ArrayList<>();
            collectValues(event, paths.get(p), 1, expected);
            List<String> actual = new ArrayList<>();
            for (int e = view.first(slots.get(p)); e >= 0; e = view.next(e)) {
                actual.add(describe(view, e));
            }
            assertThat(actual).as("values at %s", paths.get(p)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        int size = random.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < size; i++) {
            node.set(KEYS[random.nextInt(KEYS.length)], value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 8 : 10)) {
            case 0: return NODES.textNode(text(random));
            case 1: return NODES.numberNode(random.nextInt(2000) - 1000);
            case 2: return NODES.numberNode(random.nextLong());
            case 3: return NODES.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 4: return NODES.numberNode(new BigInteger(100, random));
            case 5: return NODES.booleanNode(random.nextBoolean());
            case 6: return NODES.nullNode();
            case 7: return NODES.numberNode(random.nextBoolean() ? 1e-7 : -2.5e300);
            case 8: return object(random, depth);
            default:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                return array;
        }
    }

    private static String text(Random random) {
        String[] pieces = {"cam", "\"", "\\", "/", "\n", "\t", "é", "日本", "\u0001", "😀", " ", "x"};
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            out.append(pieces[random.nextInt(pieces.length)]);
        }
        return out.toString();
    }

    /** Every path to every value, through objects and (as {@code []}) arrays. */
    private static void collectPaths(JsonNode node, List<String> path, List<List<String>> out) {
        if (path.size() > 1 && !out.contains(path)) {
            out.add(List.copyOf(path));
        }
        if (node.isObject()) {
            node.properties().forEach(e -> {
                path.add(e.getKey());
                collectPaths(e.getValue(), path, out);
                path.remove(path.size() - 1);
            });
        } else if (node.isArray()) {
            path.add(Field.EACH);
            for (JsonNode element : node) {
                collectPaths(element, path, out);
            }
            path.remove(path.size() - 1);
        }
    }

    private static void collectValues(JsonNode node, List<String> path, int index, List<String> out) {
        if (index == path.size()) {
            out.add(describe(node));
            return;
        }
        String segment = path.get(index);
        if (segment.equals(Field.EACH)) {
            if (node.isArray()) {
                node.forEach(element -> collectValues(element, path, index + 1, out));
            }
        } else if (node.isObject() && node.has(segment)) {
            collectValues(node.get(segment), path, index + 1, out);
        }
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "string:" + node.textValue();
        }
        if (node.isBigInteger() && node.bigIntegerValue().bitLength() >= 64) {
            return "bigint:" + node.doubleValue();
        }
        if (node.isIntegralNumber()) {
            return "int:" + node.longValue();
        }
        if (node.isNumber()) {
            return "float:" + node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isObject() ? "object" : "array";
    }

    private static String describe(EventView view, int e) {
        return switch (view.kind(e)) {
            case EventView.STRING -> "string:" + view.string(e);
            case EventView.BIG_INT -> "bigint:" + view.number(e);
            case EventView.INT -> "int:" + view.integer(e);
            case EventView.FLOAT -> "float:" + view.number(e);
            case EventView.TRUE -> "true";
            case EventView.FALSE -> "false";
            case EventView.NULL -> "null";
            case EventView.OBJECT -> "object";
            default -> "array";
        };
    }
}
