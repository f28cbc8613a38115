package dev.sender.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneralEventMessageTest {

    private static final String EVENT = "{\"z\":1.0,\"a\":[true,null],\"n\":12345678901234567890,\"u\":\"\\u00e9\"}";

    @Test
    void encode_writesTheProtocolSpellingOfEveryKeyInOrder() {
        GeneralEventMessage message = new GeneralEventMessage(Event.parse(EVENT), "door",
                "904e635f-3a47-4832-b4d6-d2d72ba78451", "c", "e", "1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");

        assertThat(message.toJson()).isEqualTo("{\"event\":" + EVENT + ",\"event_type\":\"door\","
                + "\"account_id\":\"904e635f-3a47-4832-b4d6-d2d72ba78451\",\"event-create-time\":\"c\","
                + "\"event-end-time\":\"e\"}");
    }

    @Test
    void encode_withoutAccountOrTimes_writesNulls() {
        GeneralEventMessage message = new GeneralEventMessage(Event.parse("{}"), "door", null, null, null, "r");

        assertThat(message.toJson()).isEqualTo("{\"event\":{},\"event_type\":\"door\",\"account_id\":null,"
                + "\"event-create-time\":null,\"event-end-time\":null}");
    }

    @Test
    void parse_thenEncode_givesTheSameBytes() {
        String json = "{\"event\":" + EVENT + ",\"event_type\":\"d\\\"oor\",\"account_id\":null,"
                + "\"event-create-time\":\"c\",\"event-end-time\":null}";

        GeneralEventMessage message = GeneralEventMessage.parse(json);

        assertThat(message.event().json()).isEqualTo(EVENT);
        assertThat(message.eventType()).isEqualTo("d\"oor");
        assertThat(message.accountId()).isNull();
        assertThat(message.eventCreateTime()).isEqualTo("c");
        assertThat(message.eventEndTime()).isNull();
        assertThat(message.toJson()).isEqualTo(json);
    }

    @Test
    void parse_keepsTheReceivedFrameAsItsJson() {
        String frame = "{\"event_type\": \"door\", \"event\": {\"b\": true}, \"extra\": 1}";

        GeneralEventMessage message = GeneralEventMessage.parse(frame);

        assertThat(message.toJson()).isEqualTo(frame);
        assertThat(message.accountId()).isNull();
    }

    @Test
    void parse_withoutEventType_namesTheMissingKey() {
        assertThatThrownBy(() -> GeneralEventMessage.parse("{\"event\":{},\"account_id\":null}"))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo("event_type");
                    assertThat(e.reason()).isEqualTo("field required");
                });
    }
}
