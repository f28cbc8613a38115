package dev.sender.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Position;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagePositionTest {

    private static final String MESSAGE = "{\"event\":{\"event_id\":\"e\"},\"handler_id\":\"h\",\"event-create-time\":\"t1\","
            + "\"event-end-time\":\"t2\",\"Luna-Request-id\":\"r\"}";

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    @Test
    void aPositionIsAppendedAsTheLastKeyAndTheJsonWithoutItIsUnchanged() {
        HandlerEventMessage message = HandlerEventMessage.parse(MESSAGE);
        HandlerEventMessage positioned = message.withPosition(Position.of("17-0.1"));

        assertThat(positioned.position()).isEqualTo(Position.of("17-0.1"));
        assertThat(positioned.toJson()).isEqualTo(MESSAGE);
        assertThat(text(positioned.jsonWithPosition()))
                .isEqualTo(MESSAGE.substring(0, MESSAGE.length() - 1) + ",\"position\":\"17-0.1\"}");
        assertThat(message.position()).isNull();
        assertThat(text(message.jsonWithPosition())).isEqualTo(MESSAGE);
    }

    @Test
    void aGeneralMessageKeepsItsKindAndWritesThePositionLast() {
        GeneralEventMessage message = new GeneralEventMessage(Event.parse("{\"event_id\":\"e\"}"), "face", null,
                null, null, "r").withPosition(Position.of("p1"));

        assertThat(text(message.jsonWithPosition())).endsWith(",\"position\":\"p1\"}");
        assertThat(GeneralEventMessage.parse(text(message.jsonWithPosition())).position()).isEqualTo(message.position());
        assertThat(GeneralEventMessage.parse(message.toJson()).position()).isNull();
    }

    @Test
    void aMessageReadWithAPositionKeepsItAndItsText() {
        String withPosition = MESSAGE.substring(0, MESSAGE.length() - 1) + ",\"position\":\"9:1\"}";

        HandlerEventMessage message = HandlerEventMessage.parse(withPosition);

        assertThat(message.position()).isEqualTo(Position.of("9:1"));
        assertThat(message.toJson()).isEqualTo(withPosition);
        assertThat(text(message.jsonWithPosition())).isEqualTo(withPosition);
    }
}
