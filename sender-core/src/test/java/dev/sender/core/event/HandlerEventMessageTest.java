package dev.sender.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sender.core.testkit.SampleEvents;
import org.junit.jupiter.api.Test;

class HandlerEventMessageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void parse_thenEncode_keepsEveryMemberAndTheEventTree() throws Exception {
        HandlerEventMessage message = SampleEvents.message();

        JsonNode original = MAPPER.readTree(SampleEvents.messageJson());
        JsonNode encoded = MAPPER.readTree(message.toJson());

        assertThat(encoded).isEqualTo(original);
        assertThat(message.handlerId()).isEqualTo("557d54ec-29ad-4f3c-93b4-c9092ef12515");
        assertThat(message.requestId()).isEqualTo("1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");
    }

    @Test
    void encode_writesTheProtocolSpellingOfEveryKeyInOrder() {
        HandlerEventMessage message = new HandlerEventMessage(Event.parse("{\"a\":1}"), "h", "c", "e", "r");

        assertThat(message.toJson()).isEqualTo(
                "{\"event\":{\"a\":1},\"handler_id\":\"h\",\"event-create-time\":\"c\",\"event-end-time\":\"e\","
                        + "\"Luna-Request-id\":\"r\"}");
    }

    @Test
    void encode_keepsTheEventBytesAsPublished() {
        String event = "{\"z\":1.0,\"a\":1,\"n\":null,\"b\":true,\"big\":12345678901234567890,\"e\":1e5,"
                + "\"s\":\"\\u00e9\\\"\",\"unknown\":{\"x\":[1,2]}}";
        HandlerEventMessage message = new HandlerEventMessage(Event.parse(event), "h", "c", "e", "r");

        assertThat(message.toJson()).startsWith("{\"event\":" + event + ",");
        assertThat(message.event().json()).isEqualTo(event);
    }

    @Test
    void parse_keepsTheReceivedFrameAsItsJson() {
        String frame = "{ \"Luna-Request-id\": \"r\", \"event\": {\"a\": 1.0}, \"handler_id\": \"h\",\n"
                + "  \"event-end-time\": \"e\", \"event-create-time\": \"c\", \"extra\": [1] }";

        HandlerEventMessage message = HandlerEventMessage.parse(frame);

        assertThat(message.toJson()).isEqualTo(frame);
        assertThat(message.jsonLength()).isEqualTo(frame.length());
        assertThat(message.event().json()).isEqualTo("{\"a\": 1.0}");
    }

    @Test
    void encode_escapesContextStrings() {
        HandlerEventMessage message = new HandlerEventMessage(Event.parse("{}"), "a\"b\\c\n", "c", "e", "r");

        assertThat(HandlerEventMessage.parse(message.toJson()).handlerId()).isEqualTo("a\"b\\c\n");
    }

    @Test
    void json_isEncodedOnceAndShared() {
        HandlerEventMessage message = new HandlerEventMessage(Event.parse("{}"), "h", "c", "e", "r");

        assertThat(message.json().isReadOnly()).isTrue();
        assertThat(message.json()).isEqualTo(message.json());
        assertThat(message.jsonLength()).isEqualTo(message.toJson().length());
    }

    @Test
    void parse_withoutHandlerId_namesTheMissingKey() {
        assertThatThrownBy(() -> HandlerEventMessage.parse("{\"event\":{},\"event-create-time\":\"c\","
                + "\"event-end-time\":\"e\",\"Luna-Request-id\":\"r\"}"))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidJsonException.Kind.SCHEMA);
                    assertThat(e.path()).isEqualTo("handler_id");
                    assertThat(e.reason()).isEqualTo("field required");
                });
    }
}
