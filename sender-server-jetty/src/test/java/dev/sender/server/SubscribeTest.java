package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.testkit.SampleEvents;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Subscriptions end to end: handshake, refusals before the upgrade, filters, envelopes, isolation, order. */
class SubscribeTest {

    private static final String REQUEST_ID = "1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a";
    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String event(String json) {
        return json;
    }

    @Test
    void subscriber_receivesTheEnvelopeWithProtocolSpellingAndTheEventUnaltered() {
        UUID account = UUID.randomUUID();
        TestSubscriber subscriber = server.subscribe(account, "");
        String event = "{\"z\":1.0,\"a\":1,\"n\":null,\"b\":true,\"nested\":{\"k\":[1,\"x\"]},\"unknown_field\":\"kept\"}";

        server.post("/2/publish", ServerFixture.body(event), LunaHeaders.ACCOUNT_ID, account.toString(), "Content-Type",
                "application/json", LunaHeaders.REQUEST_ID, REQUEST_ID);

        String text = subscriber.awaitText();
        assertThat(text).startsWith("{\"event\":" + event + ",");
        JsonNode message = ServerFixture.json(text);
        assertThat(message.fieldNames()).toIterable().containsExactly("event", "handler_id", "event-create-time",
                "event-end-time", "Luna-Request-id");
        assertThat(message.get("handler_id").asText()).isEqualTo("557d54ec-29ad-4f3c-93b4-c9092ef12515");
        assertThat(message.get("event-create-time").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(message.get("event-end-time").asText()).isEqualTo("2026-11-27T10:00:01Z");
        assertThat(message.get("Luna-Request-id").asText()).isEqualTo(REQUEST_ID);
    }

    @Test
    void messageOfAPublishWithoutRequestId_carriesTheOneTheServerGenerated() {
        UUID account = UUID.randomUUID();
        TestSubscriber subscriber = server.subscribe(account, "");

        String generated = server.publish(account, "{}").headers().firstValue(LunaHeaders.RESPONSE_REQUEST_ID).orElseThrow();

        assertThat(generated).matches("[0-9]{10},[a-f0-9-]{36}");
        assertThat(subscriber.awaitJson().get("Luna-Request-id").asText()).isEqualTo(generated);
    }

    @Test
    void handlerEvents_reachOnlyTheirAccount_inPublishOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        TestSubscriber ofA = server.subscribe(a, "");
        TestSubscriber ofB = server.subscribe(b, "");

        for (int i = 0; i < 50; i++) {
            server.publish(a, "{\"seq\":" + i + "}", "{\"seq\":" + (i + 1000) + "}");
        }
        server.publish(b, "{\"seq\":-1}");

        List<Integer> seen = ofA.awaitJson(100).stream().map(m -> m.get("event").get("seq").asInt()).toList();
        assertThat(seen).isEqualTo(Stream.iterate(0, i -> i + 1).limit(50)
                .flatMap(i -> Stream.of(i, i + 1000)).toList());
        assertThat(ofB.awaitJson().get("event").get("seq").asInt()).isEqualTo(-1);
    }

    @Test
    void upgradeResponse_carriesTheRequestId() throws Exception {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?gender=1",
                Map.of(LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString(), LunaHeaders.REQUEST_ID, REQUEST_ID));

        assertThat(answer.status()).isEqualTo(101);
        assertThat(answer.headers()).containsEntry("luna-request-id", REQUEST_ID);
        assertThat(answer.headers()).doesNotContainKey("sec-websocket-extensions");
    }

    static Stream<Arguments> refusals() {
        String account = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("/2/ws", Map.of(), 403, ErrorCode.FORBIDDEN.code(), LunaHeaders.ACCOUNT_ID),
                Arguments.of("/2/ws", Map.of(LunaHeaders.ACCOUNT_ID, "nope"), 400, ErrorCode.BAD_HEADER.code(),
                        LunaHeaders.ACCOUNT_ID),
                Arguments.of("/2/ws?gender=7", Map.of(LunaHeaders.ACCOUNT_ID, account), 400,
                        ErrorCode.BAD_QUERY_PARAMETERS.code(), "gender"),
                Arguments.of("/2/ws?colour=red", Map.of(LunaHeaders.ACCOUNT_ID, account), 400,
                        ErrorCode.BAD_QUERY_PARAMETERS.code(), "colour"),
                Arguments.of("/2/ws?age__gte=1&age__gte=2", Map.of(LunaHeaders.ACCOUNT_ID, account), 400,
                        ErrorCode.BAD_QUERY_PARAMETERS.code(), "age__gte"),
                Arguments.of("/2/ws", Map.of(LunaHeaders.ACCOUNT_ID, account, LunaHeaders.REQUEST_ID, "bad"), 400,
                        ErrorCode.BAD_HEADER.code(),
                        LunaHeaders.REQUEST_ID),
                Arguments.of("/3/ws", Map.of(LunaHeaders.ACCOUNT_ID, account), 404,
                        ErrorCode.RESOURCE_NOT_FOUND.code(), "'3'"),
                Arguments.of("/2/general_events/ws?event.a__gt=x", Map.of(), 400,
                        ErrorCode.BAD_QUERY_PARAMETERS.code(), "event.a__gt"),
                Arguments.of("/2/general_events/ws?account_id=nope", Map.of(), 400,
                        ErrorCode.BAD_QUERY_PARAMETERS.code(), "account_id"),
                Arguments.of("/1/general_events/ws", Map.of(), 404, ErrorCode.RESOURCE_NOT_FOUND.code(), "'1'"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusedSubscription_isAnOrdinaryErrorResponseBeforeTheUpgrade(String path, Map<String, String> headers,
            int status, int code, String named) throws Exception {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), path, headers);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.headers()).containsEntry("content-type", "application/json").containsKey("luna-request-id");
        JsonNode body = ServerFixture.json(answer.body());
        assertThat(body.get("error_code").asInt()).isEqualTo(code);
        assertThat(body.get("desc").asText()).isNotEmpty();
        assertThat(body.get("detail").asText()).contains(named);
    }

    @Test
    void plainGetOnTheSubscriptionPath_isRefusedWithAnError() {
        var response = server.get("/2/ws", LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(response.body()).get("error_code").asInt())
                .isEqualTo(ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND.code());
    }

    /** A filter, an event it lets through, and one it stops. */
    static Stream<Arguments> handlerFilters() {
        String uuid = "8950722f-3fd4-4223-b48f-03f95f0e8dfb";
        return Stream.of(
                Arguments.of("sources=cam1,cam%202", "{\"source\":\"cam 2\"}", "{\"source\":\"cam3\"}"),
                Arguments.of("stream_ids=" + uuid.toUpperCase(), "{\"stream_id\":\"" + uuid + "\"}",
                        "{\"stream_id\":\"other\"}"),
                Arguments.of("tags=a,b", "{\"tags\":[\"b\",\"c\",\"a\"]}", "{\"tags\":[\"a\"]}"),
                Arguments.of("user_data=cd", "{\"user_data\":\"abcdef\"}", "{\"user_data\":\"abc\"}"),
                Arguments.of("age__gte=30&age__lt=40", "{\"face_attributes\":{\"basic_attributes\":{\"age\":30}}}",
                        "{\"face_attributes\":{\"basic_attributes\":{\"age\":40}}}"),
                Arguments.of("gender=1", "{\"face_attributes\":{\"basic_attributes\":{\"gender\":1}}}",
                        "{\"face_attributes\":{\"basic_attributes\":{\"gender\":0}}}"),
                Arguments.of("emotions=4", "{\"detections\":[{\"samples\":{\"face\":{\"detection\":{\"attributes\":"
                        + "{\"emotions\":{\"predominant_emotion\":\"happiness\"}}}}}}]}", "{}"),
                Arguments.of("object_similarity__gte=0.8", "{\"matches\":[{\"candidates\":[{\"similarity\":0.9}]}]}",
                        "{\"matches\":[{\"candidates\":[{\"similarity\":0.7}]}]}"),
                Arguments.of("geo_position=origin_longitude,36.616,origin_latitude,55.752",
                        "{\"location\":{\"geo_position\":{\"longitude\":36.62,\"latitude\":55.75}}}",
                        "{\"location\":{\"geo_position\":{\"longitude\":37.62,\"latitude\":55.75}}}"),
                Arguments.of("cities=Moscow", "{\"location\":{\"city\":\"Moscow\"}}", "{\"location\":{\"city\":\"Tver\"}}"),
                Arguments.of("upper_clothing_colors=red,blue", "{\"aggregate_estimations\":{\"body\":{\"attributes\":"
                        + "{\"upper_body\":{\"upper_clothing\":{\"colors\":[\"blue\"]}}}}}}", "{}"),
                Arguments.of("handler_ids=557D54EC-29AD-4F3C-93B4-C9092EF12515", "{\"any\":1}", null));
    }

    @ParameterizedTest
    @MethodSource("handlerFilters")
    void handlerFilter_letsThroughOnlyMatchingEvents(String query, String matching, String other) {
        UUID account = UUID.randomUUID();
        TestSubscriber filtered = server.subscribe(account, query);
        TestSubscriber all = server.subscribe(account, "");

        if (other != null) {
            server.publish(account, other);
        }
        server.publish(account, matching);

        assertThat(filtered.awaitJson().get("event")).isEqualTo(ServerFixture.json(matching));
        all.awaitJson(other == null ? 1 : 2);
        assertThat(filtered.drain()).isEmpty();
    }

    @Test
    void sampleEventOfTheReference_passesItsOwnAttributes() {
        UUID account = UUID.randomUUID();
        TestSubscriber subscriber = server.subscribe(account,
                "gender=0&ethnic_groups=2&liveness=0&deepfake=0&masks=1&emotions=7&tags=tag1,tag2&cities=Moscow"
                        + "&apparent_gender=0&sleeve_lengths=short&upper_clothing_colors=black&backpack_states=0"
                        + "&matching_candidates_labels=bad%20guys&age__gte=50&apparent_age__lt=1");

        server.publish(account, SampleEvents.event().json());

        assertThat(subscriber.awaitJson().get("event")).isEqualTo(SampleEvents.event().toTree());
    }

    @Test
    void generalSubscriber_receivesItsEnvelopeWithNullsForWhatWasNotGiven() {
        TestSubscriber subscriber = server.subscribeGeneral("event_type=door&event.level__gte:integer=3");

        server.post("/2/general_events/publish", "{\"event\":{\"level\":2},\"event_type\":\"door\"}",
                "Content-Type", "application/json");
        server.post("/2/general_events/publish", "{\"event\":{\"level\":3},\"event_type\":\"window\"}",
                "Content-Type", "application/json");
        server.post("/2/general_events/publish", "{\"event\":{\"level\":4},\"event_type\":\"door\"}",
                "Content-Type", "application/json");

        String text = subscriber.awaitText();
        assertThat(text).isEqualTo("{\"event\":{\"level\":4},\"event_type\":\"door\",\"account_id\":null,"
                + "\"event-create-time\":null,\"event-end-time\":null}");
    }

    @Test
    void generalSubscriber_filtersOnAccountAndUserFields() {
        String account = "8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a";
        TestSubscriber subscriber = server.subscribeGeneral("account_id=" + account.toUpperCase()
                + "&event.field_2.field_3__in=value,none&event.field_1__gt:numeric=36.6");

        for (String event : List.of("{\"field_1\":37}", "{\"field_1\":36.6}", "{\"field_1\":40,\"field_2\":{\"field_3\":\"x\"}}",
                "{\"field_1\":38.5,\"field_2\":{\"field_3\":\"value\"}}")) {
            server.post("/2/general_events/publish", "{\"event\":" + event + ",\"event_type\":\"t\",\"account_id\":\""
                    + account + "\",\"event_create_time\":\"c\",\"event_end_time\":\"e\"}", "Content-Type",
                    "application/json");
        }

        assertThat(subscriber.awaitJson().get("event")).isEqualTo(ServerFixture.json("{\"field_1\":37}"));
        JsonNode second = subscriber.awaitJson();
        assertThat(second.get("event").get("field_1").asDouble()).isEqualTo(38.5);
        assertThat(second.get("account_id").asText()).isEqualTo(account);
        assertThat(second.get("event-create-time").asText()).isEqualTo("c");
    }
}
