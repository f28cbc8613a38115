package dev.sender.core.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.Event;
import dev.sender.core.event.EventFields;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.filter.ValueType;
import dev.sender.core.testkit.SampleEvents;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The matching rules of the DSL, each with an event that passes and events that do not. */
class MatchingTest {

    private static final Field X = Field.of("event.x");
    private static final Field ITEMS = Field.of("event.items[]");

    static Stream<Arguments> cases() {
        return Stream.of(
                // strings compare exactly, and only with strings
                row("string equal", Filter.eq(X, Value.string("a")), "{\"x\":\"a\"}", true),
                row("string other", Filter.eq(X, Value.string("a")), "{\"x\":\"b\"}", false),
                row("string vs number", Filter.eq(X, Value.string("1")), "{\"x\":1}", false),
                row("missing field", Filter.eq(X, Value.string("a")), "{}", false),
                row("null field", Filter.eq(X, Value.string("a")), "{\"x\":null}", false),
                row("object field", Filter.eq(X, Value.string("a")), "{\"x\":{\"a\":1}}", false),
                // integers need integers; numbers accept both
                row("integer equal", Filter.eq(X, Value.integer(4)), "{\"x\":4}", true),
                row("integer vs float", Filter.eq(X, Value.integer(4)), "{\"x\":4.0}", false),
                row("integer vs string", Filter.eq(X, Value.integer(4)), "{\"x\":\"4\"}", false),
                row("integer beyond 2^53", Filter.eq(X, Value.integer(9007199254740993L)),
                        "{\"x\":9007199254740992}", false),
                row("integer beyond 2^53 equal", Filter.eq(X, Value.integer(9007199254740993L)),
                        "{\"x\":9007199254740993}", true),
                row("range beyond 2^53", Filter.gt(X, Value.integer(9007199254740992L)),
                        "{\"x\":9007199254740993}", true),
                row("big integer is an integer", Filter.present(X, ValueType.INTEGER),
                        "{\"x\":123456789012345678901234567890}", true),
                row("big integer in number range", Filter.gt(X, Value.number(1e20)),
                        "{\"x\":123456789012345678901234567890}", true),
                row("number vs integer", Filter.eq(X, Value.number(4)), "{\"x\":4}", true),
                row("number vs float", Filter.eq(X, Value.number(4)), "{\"x\":4.0}", true),
                row("boolean equal", Filter.eq(X, Value.bool(true)), "{\"x\":true}", true),
                row("boolean vs number", Filter.eq(X, Value.bool(true)), "{\"x\":1}", false),
                row("boolean false", Filter.eq(X, Value.bool(false)), "{\"x\":false}", true),
                // UUIDs ignore case
                row("uuid upper case", Filter.eq(X, Value.uuid(UUID.fromString("8950722f-3fd4-4223-b48f-03f95f0e8dfb"))),
                        "{\"x\":\"8950722F-3FD4-4223-B48F-03F95F0E8DFB\"}", true),
                row("uuid other", Filter.eq(X, Value.uuid(UUID.fromString("8950722f-3fd4-4223-b48f-03f95f0e8dfb"))),
                        "{\"x\":\"8950722f-3fd4-4223-b48f-03f95f0e8dfc\"}", false),
                // sets and arrays: any element
                row("in", Filter.in(X, Value.string("a"), Value.string("b")), "{\"x\":\"b\"}", true),
                row("in array any", Filter.in(ITEMS, Value.string("b")), "{\"items\":[\"a\",\"b\"]}", true),
                row("in array none", Filter.in(ITEMS, Value.string("c")), "{\"items\":[\"a\",\"b\"]}", false),
                row("all present", Filter.containsAll(ITEMS, List.of(Value.string("a"), Value.string("b"))),
                        "{\"items\":[\"b\",\"x\",\"a\"]}", true),
                row("all but one", Filter.containsAll(ITEMS, List.of(Value.string("a"), Value.string("c"))),
                        "{\"items\":[\"b\",\"a\"]}", false),
                row("all of 70 values", Filter.containsAll(ITEMS, java.util.stream.IntStream.range(0, 70)
                        .mapToObj(i -> Value.string("v" + i)).toList()), "{\"items\":[" + java.util.stream.IntStream
                        .range(0, 70).mapToObj(i -> "\"v" + (69 - i) + "\"").collect(java.util.stream.Collectors.joining(","))
                        + "]}", true),
                row("all of 70 values but one", Filter.containsAll(ITEMS, java.util.stream.IntStream.range(0, 70)
                        .mapToObj(i -> Value.string("v" + i)).toList()), "{\"items\":[" + java.util.stream.IntStream
                        .range(1, 70).mapToObj(i -> "\"v" + i + "\"").collect(java.util.stream.Collectors.joining(","))
                        + "]}", false),
                row("all of empty array", Filter.containsAll(ITEMS, List.of(Value.string("a"))), "{\"items\":[]}",
                        false),
                // ranges
                row("gte equal", Filter.gte(X, Value.integer(30)), "{\"x\":30}", true),
                row("gte below", Filter.gte(X, Value.integer(30)), "{\"x\":29}", false),
                row("lt equal", Filter.lt(X, Value.integer(30)), "{\"x\":30}", false),
                row("gt float", Filter.gt(X, Value.number(36.6)), "{\"x\":36.7}", true),
                row("lte float", Filter.lte(X, Value.number(36.6)), "{\"x\":36.6}", true),
                row("integer range vs float", Filter.gt(X, Value.integer(1)), "{\"x\":2.5}", false),
                row("range vs string", Filter.gt(X, Value.number(1)), "{\"x\":\"2\"}", false),
                row("not range of missing", Filter.not(Filter.gt(X, Value.number(1))), "{}", true),
                row("negative zero is zero: gte", Filter.gte(X, Value.number(0)), "{\"x\":-0.0}", true),
                row("negative zero is zero: lt", Filter.lt(X, Value.number(0)), "{\"x\":-0.0}", false),
                row("negative zero is zero: lte", Filter.lte(X, Value.number(-0.0)), "{\"x\":0.0}", true),
                row("negative zero is zero: in", Filter.eq(X, Value.number(0)), "{\"x\":-0.0}", true),
                // substring
                row("like inside", Filter.like(X, "cd"), "{\"x\":\"abcd\"}", true),
                row("like start", Filter.like(X, "cd"), "{\"x\":\"cdef\"}", true),
                row("like case", Filter.like(X, "CD"), "{\"x\":\"abcd\"}", false),
                // presence
                row("present any object", Filter.present(X, ValueType.ANY), "{\"x\":{}}", true),
                row("present any null", Filter.present(X, ValueType.ANY), "{\"x\":null}", false),
                row("present string vs number", Filter.present(X, ValueType.STRING), "{\"x\":1}", false),
                row("absent missing", Filter.absent(X), "{}", true),
                row("absent null", Filter.absent(X), "{\"x\":null}", true),
                row("absent present", Filter.absent(X), "{\"x\":\"none\"}", false),
                // combinators
                row("and", Filter.and(Filter.eq(X, Value.string("a")), Filter.present(Field.of("event.y"),
                        ValueType.ANY)), "{\"x\":\"a\",\"y\":0}", true),
                row("or", Filter.or(Filter.eq(X, Value.string("a")), Filter.eq(X, Value.string("b"))),
                        "{\"x\":\"b\"}", true),
                // nested paths through arrays
                row("deep array", Filter.eq(Field.of("event.a[].b[].c"), Value.integer(3)),
                        "{\"a\":[{\"b\":[{\"c\":1}]},{\"b\":[{\"c\":2},{\"c\":3}]}]}", true),
                row("path through a scalar", Filter.eq(Field.of("event.x.y"), Value.integer(3)), "{\"x\":3}", false),
                // geo box, edge included
                row("geo inside", geo(), "{\"location\":{\"geo_position\":{\"longitude\":36.62,\"latitude\":55.75}}}",
                        true),
                row("geo edge", geo(), "{\"location\":{\"geo_position\":{\"longitude\":36.626,\"latitude\":55.742}}}",
                        true),
                row("geo outside", geo(), "{\"location\":{\"geo_position\":{\"longitude\":36.627,\"latitude\":55.75}}}",
                        false),
                row("geo half", geo(), "{\"location\":{\"geo_position\":{\"longitude\":36.62}}}", false));
    }

    private static Filter geo() {
        return Filter.geoBox(EventFields.LONGITUDE, EventFields.LATITUDE, 36.616, 55.752, 0.01, 0.01);
    }

    private static Arguments row(String name, Filter filter, String event, boolean matches) {
        return Arguments.of(name, filter, event, matches);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filter_decidesAsTheRulesSay(String name, Filter filter, String event, boolean matches) {
        EventMessage message = SampleEvents.handlerMessage(Event.parse(event));

        assertThat(filter.matches(message)).as("%s on %s", filter, event).isEqualTo(matches);
    }

    static Stream<Arguments> fallbackCases() {
        String detections = "\"detections\":[{\"samples\":{\"face\":{\"detection\":{\"attributes\":"
                + "{\"emotions\":{\"predominant_emotion\":\"anger\"}}}}}},{\"samples\":{\"face\":{\"detection\":"
                + "{\"attributes\":{\"emotions\":{\"predominant_emotion\":\"happiness\"}}}}}}]";
        String aggregate = "\"aggregate_estimations\":{\"face\":{\"attributes\":{\"emotions\":"
                + "{\"predominant_emotion\":%s}}}}";
        return Stream.of(
                Arguments.of("{" + detections + "}", "happiness", true),
                Arguments.of("{" + detections + "," + aggregate.formatted("null") + "}", "happiness", true),
                Arguments.of("{" + detections + "," + aggregate.formatted("\"neutral\"") + "}", "happiness", false),
                Arguments.of("{" + detections + "," + aggregate.formatted("\"happiness\"") + "}", "happiness", true),
                Arguments.of("{" + detections + "}", "sadness", false),
                Arguments.of("{" + aggregate.formatted("\"sadness\"") + "}", "sadness", true),
                Arguments.of("{}", "sadness", false));
    }

    @ParameterizedTest
    @MethodSource("fallbackCases")
    void attribute_readsTheAggregateFirst_thenAnyDetection(String event, String emotion, boolean matches) {
        Filter filter = Filter.eq(EventFields.EMOTION, Value.string(emotion));

        assertThat(filter.matches(SampleEvents.handlerMessage(Event.parse(event)))).isEqualTo(matches);
    }

    static Stream<Arguments> maxCases() {
        String event = "{\"matches\":[{\"candidates\":[{\"similarity\":0.3},{\"similarity\":0.9}]},"
                + "{\"candidates\":[{\"similarity\":0.5}]}]}";
        return Stream.of(
                Arguments.of(event, Filter.gte(EventFields.TOP_SIMILARITY, Value.number(0.9)), true),
                Arguments.of(event, Filter.lt(EventFields.TOP_SIMILARITY, Value.number(0.6)), false),
                Arguments.of(event, Filter.lt(EventFields.TOP_SIMILARITY, Value.number(0.95)), true),
                Arguments.of("{\"matches\":[]}", Filter.lt(EventFields.TOP_SIMILARITY, Value.number(0.95)), false));
    }

    @ParameterizedTest
    @MethodSource("maxCases")
    void maxField_comparesTheGreatestValue(String event, Filter filter, boolean matches) {
        assertThat(filter.matches(SampleEvents.handlerMessage(Event.parse(event)))).isEqualTo(matches);
    }

    @ParameterizedTest
    @MethodSource("messageFieldCases")
    void messageFields_areReadFromTheEnvelope(EventMessage message, Filter filter, boolean matches) {
        assertThat(filter.matches(message)).isEqualTo(matches);
    }

    static Stream<Arguments> messageFieldCases() {
        Event event = Event.parse("{}");
        UUID handler = UUID.fromString("557d54ec-29ad-4f3c-93b4-c9092ef12515");
        GeneralEventMessage general = new GeneralEventMessage(event, "door", null, null, null, null);
        return Stream.of(
                Arguments.of(SampleEvents.handlerMessage(event, handler.toString().toUpperCase()),
                        Filter.eq(EventFields.HANDLER_ID, Value.uuid(handler)), true),
                Arguments.of(SampleEvents.handlerMessage(event, "other"),
                        Filter.eq(EventFields.HANDLER_ID, Value.uuid(handler)), false),
                Arguments.of(general, Filter.eq(EventFields.EVENT_TYPE, Value.string("door")), true),
                Arguments.of(general, Filter.absent(EventFields.ACCOUNT_ID), true),
                Arguments.of(general, Filter.eq(EventFields.HANDLER_ID, Value.string("door")), false));
    }
}
