package dev.sender.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PublicationJsonTest {

    private static final UUID ACCOUNT = UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");
    private static final String REQUEST = "1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void handlerRequest_keepsEveryEventAsWritten() {
        String first = "{\"source\": \"cam1\", \"n\": 1.50}";
        String second = "{\"nested\":{\"a\":[1,{\"b\":null}]}}";
        String body = "{\"events\":[" + first + ", " + second + "],\"handler_id\":\"h\","
                + "\"event_create_time\":\"c\",\"event_end_time\":\"e\"}";

        HandlerPublication publication = PublicationJson.readHandlerRequest(utf8(body), ACCOUNT, REQUEST);

        assertThat(publication.events()).extracting(Event::json).containsExactly(first, second);
        assertThat(publication.handlerId()).isEqualTo("h");
        assertThat(publication.eventCreateTime()).isEqualTo("c");
        assertThat(publication.eventEndTime()).isEqualTo("e");
        assertThat(publication.accountId()).isEqualTo(ACCOUNT);
        assertThat(publication.requestId()).isEqualTo(REQUEST);
    }

    static Stream<Arguments> badHandlerBodies() {
        return Stream.of(
                Arguments.of("{\"events\":[{}],\"event_create_time\":\"c\",\"event_end_time\":\"e\"}",
                        "handler_id", "field required"),
                Arguments.of("{\"events\":[],\"handler_id\":\"h\",\"event_create_time\":\"c\",\"event_end_time\":\"e\"}",
                        "events", "must not be empty"),
                Arguments.of("{\"handler_id\":\"h\",\"event_create_time\":\"c\",\"event_end_time\":\"e\"}",
                        "events", "field required"),
                Arguments.of("{\"events\":{},\"handler_id\":\"h\",\"event_create_time\":\"c\",\"event_end_time\":\"e\"}",
                        "events", "must be an array"),
                Arguments.of("{\"events\":[{},3],\"handler_id\":\"h\",\"event_create_time\":\"c\","
                        + "\"event_end_time\":\"e\"}", "events.1", "must be an object"),
                Arguments.of("{\"events\":[{}],\"handler_id\":5,\"event_create_time\":\"c\",\"event_end_time\":\"e\"}",
                        "handler_id", "must be a string"),
                Arguments.of("{\"events\":[{}],\"handler_id\":\"h\",\"event_create_time\":null,"
                        + "\"event_end_time\":\"e\"}", "event_create_time", "must be a string"),
                Arguments.of("{\"events\":[{}],\"handler_id\":\"h\",\"event_create_time\":\"c\"}",
                        "event_end_time", "field required"),
                Arguments.of("{\"events\":[{}],\"handler_id\":\"h\",\"event_create_time\":\"c\","
                        + "\"event_end_time\":\"e\",\"extra\":1}", "extra", "additional property not allowed"),
                Arguments.of("[1,2]", "", "must be an object"));
    }

    @ParameterizedTest
    @MethodSource("badHandlerBodies")
    void handlerRequest_breakingTheSchema_namesThePath(String body, String path, String reason) {
        assertThatThrownBy(() -> PublicationJson.readHandlerRequest(utf8(body), ACCOUNT, REQUEST))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidJsonException.Kind.SCHEMA);
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo("Path: '" + path + "',  message: '" + reason + "'");
                });
    }

    static Stream<String> notJson() {
        return Stream.of("{", "{\"events\":[{]}", "nope", "{} {}", "{\"a\":\"\\q\"}", "{\"a\":NaN}",
                "{\"a\":1,}", "{\"a\":\"\u0001\"}");
    }

    @ParameterizedTest
    @MethodSource("notJson")
    void handlerRequest_thatIsNotJson_isRefusedAsSuch(String body) {
        assertThatThrownBy(() -> PublicationJson.readHandlerRequest(utf8(body), ACCOUNT, REQUEST))
                .isInstanceOfSatisfying(InvalidJsonException.class,
                        e -> assertThat(e.kind()).isEqualTo(InvalidJsonException.Kind.NOT_JSON));
    }

    @Test
    void handlerRequest_withBadUtf8InAnEvent_isNotJson() {
        byte[] body = utf8("{\"events\":[{\"a\":\"xx\"}],\"handler_id\":\"h\",\"event_create_time\":\"c\","
                + "\"event_end_time\":\"e\"}");
        body[17] = (byte) 0xC3;
        body[18] = (byte) 0x28;

        assertThatThrownBy(() -> PublicationJson.readHandlerRequest(body, ACCOUNT, REQUEST))
                .isInstanceOfSatisfying(InvalidJsonException.class,
                        e -> assertThat(e.kind()).isEqualTo(InvalidJsonException.Kind.NOT_JSON));
    }

    @Test
    void generalRequest_optionalMembersMayBeMissingOrNull() {
        GeneralPublication publication = PublicationJson.readGeneralRequest(
                utf8("{\"event\":{\"a\":1},\"event_type\":\"t\",\"account_id\":null}"), REQUEST);

        assertThat(publication.event().json()).isEqualTo("{\"a\":1}");
        assertThat(publication.eventType()).isEqualTo("t");
        assertThat(publication.accountId()).isNull();
        assertThat(publication.eventCreateTime()).isNull();
        assertThat(publication.message().toJson()).isEqualTo("{\"event\":{\"a\":1},\"event_type\":\"t\","
                + "\"account_id\":null,\"event-create-time\":null,\"event-end-time\":null}");
    }

    static Stream<Arguments> badGeneralBodies() {
        return Stream.of(
                Arguments.of("{\"event_type\":\"t\"}", "event", "field required"),
                Arguments.of("{\"event\":[],\"event_type\":\"t\"}", "event", "must be an object"),
                Arguments.of("{\"event\":{}}", "event_type", "field required"),
                Arguments.of("{\"event\":{},\"event_type\":\"t\",\"account_id\":\"nope\"}", "account_id",
                        "must be a UUID"),
                Arguments.of("{\"event\":{},\"event_type\":\"t\",\"event_end_time\":1}", "event_end_time",
                        "must be a string"));
    }

    @ParameterizedTest
    @MethodSource("badGeneralBodies")
    void generalRequest_breakingTheSchema_namesThePath(String body, String path, String reason) {
        assertThatThrownBy(() -> PublicationJson.readGeneralRequest(utf8(body), REQUEST))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    @Test
    void handlerChannelMessage_roundTripsInLunaFormat() {
        HandlerPublication publication = new HandlerPublication(ACCOUNT, "h", "c", "e", REQUEST,
                List.of(Event.parse("{\"a\":1}"), Event.parse("{\"b\":[true]}")));

        byte[] payload = PublicationJson.writeHandlerChannelMessage(publication);

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("{\"Luna-Request-Id\":\"" + REQUEST
                + "\",\"events\":[{\"a\":1},{\"b\":[true]}],\"handler_id\":\"h\",\"event_create_time\":\"c\","
                + "\"event_end_time\":\"e\"}");
        assertThat(PublicationJson.readHandlerChannelMessage(payload, ACCOUNT, "unused")).isEqualTo(publication);
    }

    @Test
    void handlerChannelMessage_fromLuna_toleratesUnknownMembersAndMissingRequestId() {
        byte[] payload = utf8("{\"handler_id\":\"h\",\"events\":[{}],\"event_create_time\":\"c\","
                + "\"event_end_time\":\"e\",\"luna_version\":5}");

        HandlerPublication publication = PublicationJson.readHandlerChannelMessage(payload, ACCOUNT, REQUEST);

        assertThat(publication.requestId()).isEqualTo(REQUEST);
    }

    @Test
    void generalChannelMessage_roundTrips() {
        GeneralPublication publication = new GeneralPublication(Event.parse("{\"x\":\"y\"}"), "t",
                ACCOUNT.toString().toUpperCase(), null, "e", REQUEST);

        byte[] payload = PublicationJson.writeGeneralChannelMessage(publication);

        assertThat(PublicationJson.readGeneralChannelMessage(payload, "unused")).isEqualTo(publication);
    }

    @Test
    void requests_writtenByTheClient_readBackEqual() {
        HandlerPublication handler = new HandlerPublication(ACCOUNT, "h", "c", "e", REQUEST,
                List.of(Event.parse("{\"a\":1}")));
        GeneralPublication general = new GeneralPublication(Event.parse("{}"), "t", null, "c", null, REQUEST);

        assertThat(PublicationJson.readHandlerRequest(PublicationJson.writeHandlerRequest(handler), ACCOUNT, REQUEST))
                .isEqualTo(handler);
        assertThat(PublicationJson.readGeneralRequest(PublicationJson.writeGeneralRequest(general), REQUEST))
                .isEqualTo(general);
    }
}
