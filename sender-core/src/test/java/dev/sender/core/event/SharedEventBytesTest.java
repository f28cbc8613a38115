package dev.sender.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Position;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.internal.json.Envelope;
import dev.sender.core.internal.json.EventBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event's bytes are copied once, into the message that carries it: not out of its request, not kept twice. */
class SharedEventBytesTest {

    private static final String FIRST = "{\"source\":\"cam-1\",\"tags\":[\"a\"]}";
    private static final String SECOND = "{ \"source\" : \"cam-2\" }";
    private static final byte[] BODY = ("{\"events\":[" + FIRST + "," + SECOND + "],\"handler_id\":\"h\","
            + "\"event_create_time\":\"c\",\"event_end_time\":\"e\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void theEventsOfARequest_areReadWhereTheRequestHoldsThem() {
        List<Event> events = PublicationJson.readHandlerRequest(BODY, UUID.randomUUID(), "r").events();

        assertThat(events).extracting(Event::json).containsExactly(FIRST, SECOND);
        assertThat(EventBytes.of(events.get(0)).array()).isSameAs(EventBytes.of(events.get(1)).array());
        assertThat(events.get(1)).isEqualTo(Event.parse(SECOND)).hasSameHashCodeAs(Event.parse(SECOND));
        assertThat(events.get(0).source()).contains("cam-1");
    }

    @Test
    void anEncodedMessage_keepsItsEventWithinItsOwnJson_only() {
        Event event = PublicationJson.readHandlerRequest(BODY, UUID.randomUUID(), "r").events().get(0);
        HandlerEventMessage message = new HandlerEventMessage(event, "h", "c", "e", "r");

        String json = message.toJson();

        EventBytes.Slice kept = EventBytes.of(message.event());
        assertThat(kept.array()).isNotSameAs(BODY).hasSize(message.jsonLength());
        assertThat(kept.offset()).isEqualTo(Envelope.EVENT_OFFSET);
        assertThat(new String(kept.toArray(), StandardCharsets.UTF_8)).isEqualTo(FIRST);
        assertThat(message.event()).isEqualTo(event);
        assertThat(json).startsWith("{\"event\":" + FIRST + ",");
    }

    @Test
    void aMessageAtAPosition_sharesTheEventWithinTheJson_notTheRequest() {
        Event event = PublicationJson.readHandlerRequest(BODY, UUID.randomUUID(), "r").events().get(0);
        HandlerEventMessage message = new HandlerEventMessage(event, "h", "c", "e", "r");

        EventMessage positioned = message.withPosition(Position.of("b:1"));

        EventBytes.Slice kept = EventBytes.of(positioned.event());
        assertThat(kept.array()).isNotSameAs(BODY).hasSize(positioned.jsonLength());
        assertThat(positioned.event()).isEqualTo(event);
    }

    @Test
    void filters_readAnEventWithinItsMessage_andNothingAfterIt() {
        // The message's own members follow the event in its JSON; a filter on the event must not read them.
        HandlerEventMessage message = new HandlerEventMessage(Event.parse(SECOND), "cam-1", "c", "e", "r");
        message.toJson();

        assertThat(Filter.in(EventFields.SOURCE, Value.string("cam-2")).matches(message)).isTrue();
        assertThat(Filter.in(EventFields.SOURCE, Value.string("cam-1")).matches(message)).isFalse();
        assertThat(message.event().source()).contains("cam-2");
    }
}
