package dev.sender.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.Broker;
import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.MessageSink;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.filter.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The filter index only narrows which filters are evaluated: for random filters (indexable {@code In}s alone or
 * in {@code And}s with other conditions, and every kind that is scanned) and random events (strings, UUIDs in any
 * letter case, numbers, booleans, nulls, arrays, missing fields), the broker delivers each event exactly once to
 * exactly the subscriptions whose filter matches it when evaluated alone, after subscriptions come and go.
 */
class FilterIndexPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final UUID ACCOUNT = UUID.fromString("4ac3b1e4-7a1a-4cb4-9b36-7e2f0c8f6d11");
    private static final UUID U1 = UUID.fromString("557d54ec-29ad-4f3c-93b4-c9092ef12515");
    private static final UUID U2 = UUID.fromString("0b5b3c9e-aaaa-4bbb-8ccc-ddddeeeeffff");
    private static final String[] STRINGS = {"cam1", "cam2", "cam3", "", "Cam1", "10", "true"};
    private static final Field SOURCE = Field.of("event.source");
    private static final Field TAGS = Field.of("event.tags[]");
    private static final Field STREAM = Field.of("event.stream_id");
    private static final Field NUMBER = Field.of("event.n");
    private static final Field NESTED = Field.of("event.a.b");
    private static final Field WITH_FALLBACK = Field.of("event.a.b").orElse(Field.of("event.d[].b"));
    private static final Field TOP = Field.of("event.d[].s").max();
    private static final List<Field> FIELDS = List.of(SOURCE, TAGS, STREAM, NUMBER, NESTED, WITH_FALLBACK, TOP,
            Field.of("handler_id"), Field.of("event_type"), Field.of("event.d[].b"));

    @Property(tries = 200)
    void indexedDispatch_deliversExactlyWhatEachFilterMatches(@ForAll long seed, @ForAll boolean general) {
        Random random = new Random(seed);
        Topic topic = general ? Topic.generalEvents() : Topic.handlerEvents(ACCOUNT);
        List<Filter> filters = new ArrayList<>();
        for (int i = random.nextInt(40) + 1; i > 0; i--) {
            filters.add(random.nextInt(5) == 0 && !filters.isEmpty()
                    ? filters.get(random.nextInt(filters.size())) // equal filters share a group
                    : filter(random, 0));
        }
        try (Broker broker = Broker.inMemory()) {
            List<Counting> sinks = new ArrayList<>();
            List<Subscription> subscriptions = new ArrayList<>();
            for (Filter filter : filters) {
                Counting sink = new Counting();
                sinks.add(sink);
                subscriptions.add(broker.subscribe(topic, filter, sink, Delivery.DIRECT));
            }
            for (int i = 0; i < filters.size(); i++) {
                if (random.nextInt(4) == 0) {
                    subscriptions.get(i).close();
                    sinks.get(i).closed = true;
                }
            }
            for (int round = 0; round < 5; round++) {
                Publication publication = publication(random, general);
                List<EventMessage> messages = messages(publication);
                sinks.forEach(s -> s.count.set(0));

                broker.publish(publication).toCompletableFuture().join();

                for (int i = 0; i < filters.size(); i++) {
                    Filter filter = filters.get(i);
                    long expected = sinks.get(i).closed ? 0
                            : messages.stream().filter(filter::matches).count();
                    assertThat(sinks.get(i).count.get())
                            .as("deliveries to %s of %s", filter, messages)
                            .isEqualTo((int) expected);
                }
            }
        }
    }

    private static Filter filter(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 6 : 11);
        switch (kind) {
            case 0, 1, 2: return in(random, indexableField(random), true);
            case 3: return in(random, FIELDS.get(random.nextInt(FIELDS.size())), false);
            case 4: return random.nextBoolean()
                    ? Filter.gte(FIELDS.get(random.nextInt(FIELDS.size())), Value.integer(random.nextInt(20) - 5))
                    : Filter.lt(NUMBER, Value.number(random.nextDouble() * 20));
            case 5: return switch (random.nextInt(4)) {
                case 0 -> Filter.any();
                case 1 -> Filter.like(SOURCE, "cam");
                case 2 -> Filter.present(FIELDS.get(random.nextInt(FIELDS.size())), ValueType.values()[
                        random.nextInt(ValueType.values().length)]);
                default -> Filter.containsAll(TAGS, List.of(Value.string(STRINGS[random.nextInt(3)])));
            };
            case 6, 7, 8: {
                List<Filter> operands = new ArrayList<>();
                operands.add(in(random, indexableField(random), true));
                for (int i = random.nextInt(3) + 1; i > 0; i--) {
                    operands.add(filter(random, depth + 1));
                }
                java.util.Collections.shuffle(operands, random);
                return Filter.and(operands);
            }
            case 9: return Filter.or(filter(random, depth + 1), filter(random, depth + 1));
            default: return Filter.not(filter(random, depth + 1));
        }
    }

    private static Field indexableField(Random random) {
        // Including fields the index must refuse: one with a fallback, one reduced to its maximum.
        List<Field> plain = List.of(SOURCE, TAGS, STREAM, NESTED, Field.of("handler_id"), Field.of("event_type"),
                WITH_FALLBACK, TOP);
        return plain.get(random.nextInt(plain.size()));
    }

    /** An {@code In} of strings and UUIDs, or when not {@code stringsOnly} of any kind of value. */
    private static Filter in(Random random, Field field, boolean stringsOnly) {
        List<Value> values = new ArrayList<>();
        for (int i = random.nextInt(3) + 1; i > 0; i--) {
            values.add(value(random, stringsOnly));
        }
        return Filter.in(field, values.stream().distinct().toList());
    }

    private static Value value(Random random, boolean stringsOnly) {
        return switch (random.nextInt(stringsOnly ? 3 : 7)) {
            case 0 -> Value.string(STRINGS[random.nextInt(STRINGS.length)]);
            case 1 -> Value.uuid(random.nextBoolean() ? U1 : U2);
            case 2 -> Value.string(uuidText(random)); // a UUID as a plain, case-sensitive string
            case 3 -> Value.integer(random.nextInt(12));
            case 4 -> Value.number(random.nextInt(12) / 2.0);
            case 5 -> Value.bool(random.nextBoolean());
            default -> Value.string("cam" + random.nextInt(4));
        };
    }

    private static String uuidText(Random random) {
        String text = (random.nextBoolean() ? U1 : U2).toString();
        return switch (random.nextInt(3)) {
            case 0 -> text;
            case 1 -> text.toUpperCase(Locale.ROOT);
            default -> text.substring(0, 10).toUpperCase(Locale.ROOT) + text.substring(10);
        };
    }

    private static Publication publication(Random random, boolean general) {
        if (general) {
            String type = random.nextBoolean() ? STRINGS[random.nextInt(STRINGS.length)] : uuidText(random);
            return new GeneralPublication(event(random), type, null, null, null, "req");
        }
        List<Event> events = new ArrayList<>();
        for (int i = random.nextInt(3) + 1; i > 0; i--) {
            events.add(event(random));
        }
        String handler = random.nextInt(4) == 0 ? "not-a-uuid" : uuidText(random);
        return new HandlerPublication(ACCOUNT, handler, "t0", "t1", "req", events);
    }

    private static List<EventMessage> messages(Publication publication) {
        if (publication instanceof GeneralPublication general) {
            return List.of(general.message());
        }
        HandlerPublication handler = (HandlerPublication) publication;
        List<EventMessage> messages = new ArrayList<>();
        for (int i = 0; i < handler.size(); i++) {
            messages.add(handler.message(i));
        }
        return messages;
    }

    private static Event event(Random random) {
        ObjectNode event = NODES.objectNode();
        maybe(random, event, "source", scalar(random));
        maybe(random, event, "stream_id", random.nextBoolean() ? NODES.textNode(uuidText(random)) : scalar(random));
        maybe(random, event, "n", scalar(random));
        maybe(random, event, "tags", array(random, 4));
        if (random.nextBoolean()) {
            ObjectNode a = NODES.objectNode();
            maybe(random, a, "b", random.nextInt(5) == 0 ? array(random, 2) : scalar(random));
            event.set("a", a);
        }
        if (random.nextBoolean()) {
            ArrayNode d = NODES.arrayNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                ObjectNode element = NODES.objectNode();
                maybe(random, element, "b", scalar(random));
                maybe(random, element, "s", scalar(random));
                d.add(element);
            }
            event.set("d", d);
        }
        return Event.of(event);
    }

    private static void maybe(Random random, ObjectNode object, String key, JsonNode value) {
        if (random.nextInt(5) != 0) {
            object.set(key, value);
        }
    }

    private static ArrayNode array(Random random, int max) {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            array.add(scalar(random));
        }
        return array;
    }

    private static JsonNode scalar(Random random) {
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
            case 3 -> NODES.textNode(uuidText(random));
            case 4 -> NODES.numberNode(random.nextInt(12));
            case 5 -> NODES.numberNode(random.nextInt(12) / 2.0);
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.nullNode();
            default -> NODES.objectNode().put("x", 1);
        };
    }

    /** Counts the messages it receives. */
    private static final class Counting implements MessageSink {
        final AtomicInteger count = new AtomicInteger();
        boolean closed;

        @Override
        public void onMessage(EventMessage message) {
            count.incrementAndGet();
        }

        @Override
        public void onClose(CloseReason reason) {
        }
    }
}
