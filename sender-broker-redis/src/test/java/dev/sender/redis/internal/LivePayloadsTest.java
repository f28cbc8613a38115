package dev.sender.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Position;
import dev.sender.core.RequestId;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.Publication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading the payloads of channels and streams, and giving their events positions. */
class LivePayloadsTest {

    private static final UUID ACCOUNT = UUID.fromString("6d5b7b2a-4f3e-4c1d-9a8b-7c6d5e4f3a2b");
    private static final String LUNA = "{\"handler_id\": \"h\", \"Luna-Request-Id\": "
            + "\"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\", \"events\": [{\"seq\": 0}, {\"seq\": 1}], "
            + "\"event_create_time\": \"c\", \"event_end_time\": \"e\"}";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void historyId_isReadFromTheLastKeyOfAPayloadSenderPublishedWithHistory() {
        String published = LUNA.substring(0, LUNA.length() - 1) + ",\"sender_history_id\":\"1700000000000-12\"}";

        assertThat(LivePayloads.historyId(bytes(published))).isEqualTo("1700000000000-12");
    }

    @Test
    void historyId_isNullForAnyOtherPayload() {
        for (String other : List.of(LUNA, "{}", "\"}", "{\"sender_history_id\":\"1700000000000-12\", \"a\": 1}",
                "{\"a\":1,\"sender_history_id\":\"not-an-id\"}", "{\"a\":1,\"other_key\":\"1700000000000-12\"}",
                "{\"a\":1,\"sender_history_id\":\"17000000000001\"}", "sender_history_id\":\"1-2\"}")) {
            assertThat(LivePayloads.historyId(bytes(other))).as(other).isNull();
        }
    }

    @Test
    void messages_ofAStoredPublication_areAtTheEntryIdAndTheirIndex() {
        Publication publication = LivePayloads.read(Topic.handlerEvents(ACCOUNT), bytes(LUNA));

        List<EventMessage> messages = LivePayloads.messages(publication, "1700000000000-3");

        assertThat(messages).extracting(EventMessage::position)
                .containsExactly(Position.of("1700000000000-3.0"), Position.of("1700000000000-3.1"));
        assertThat(messages).allSatisfy(m -> assertThat(m.requestId())
                .isEqualTo("1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a"));
        assertThat(((HandlerEventMessage) messages.get(1)).handlerId()).isEqualTo("h");
    }

    @Test
    void aPayloadWithoutRequestId_getsOneDerivedFromItsEntry_theSameEveryTime() {
        byte[] payload = bytes("{\"event\": {\"door\": 1}, \"event_type\": \"door\"}");
        Publication publication = LivePayloads.read(Topic.generalEvents(), payload);

        EventMessage once = LivePayloads.messages(publication, "1700000000000-3").get(0);
        EventMessage again = LivePayloads.messages(LivePayloads.read(Topic.generalEvents(), payload),
                "1700000000000-3").get(0);
        EventMessage elsewhere = LivePayloads.messages(publication, "1700000000000-4").get(0);

        assertThat(LivePayloads.withoutRequestId(publication)).isTrue();
        assertThat(once).isInstanceOf(GeneralEventMessage.class);
        assertThat(RequestId.isValid(once.requestId())).as(once.requestId()).isTrue();
        assertThat(once.requestId()).startsWith("1700000000,").isEqualTo(again.requestId())
                .isNotEqualTo(elsewhere.requestId());
        assertThat(once.position()).isEqualTo(Position.of("1700000000000-3.0"));
    }
}
