package dev.sender.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.testkit.RecordingSink;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link MessageFilter} decides as the dispatcher does. */
class MessageFilterTest {

    private static final Field SOURCE = Field.of("event.source");
    private static final Field AGE = Field.of("event.age");

    private static HandlerEventMessage handler(String source, int age, String handlerId) {
        Event event = Event.parse("{\"source\":\"" + source + "\",\"age\":" + age + "}");
        return new HandlerEventMessage(event, handlerId, "c", "e", "request");
    }

    @Test
    void matches_decidesAsTheDispatcherDoes() {
        List<Filter> filters = List.of(Filter.any(),
                Filter.eq(SOURCE, Value.string("cam1")),
                Filter.and(Filter.eq(SOURCE, Value.string("cam1")), Filter.not(Filter.eq(AGE, Value.integer(30)))),
                Filter.or(Filter.eq(Field.of("handler_id"), Value.string("h2")), Filter.eq(AGE, Value.integer(40))));
        List<HandlerEventMessage> messages = List.of(handler("cam1", 30, "h1"), handler("cam1", 40, "h1"),
                handler("cam2", 30, "h2"), handler("cam2", 20, "h1"));
        Topic topic = Topic.handlerEvents(UUID.randomUUID());
        try (LocalDispatcher dispatcher = LocalDispatcher.create(DeliveryOptions.ofDefaults(), TopicListener.NONE)) {
            for (Filter filter : filters) {
                RecordingSink sink = new RecordingSink();
                Subscription subscription = dispatcher.subscribe(topic, filter, sink, Delivery.DIRECT);
                messages.forEach(m -> dispatcher.dispatch(topic, m));
                subscription.close();
                List<EventMessage> dispatched = sink.drain();

                MessageFilter compiled = MessageFilter.compile(filter);
                assertThat(messages.stream().filter(compiled::matches).toList()).as(filter.toString())
                        .isEqualTo(dispatched);
            }
        }
    }

    @Test
    void matches_readsTheFieldsOfGeneralMessages() {
        MessageFilter doors = MessageFilter.compile(Filter.eq(Field.of("event_type"), Value.string("door")));

        assertThat(doors.matches(new GeneralEventMessage(Event.parse("{}"), "door", null, null, null, "r"))).isTrue();
        assertThat(doors.matches(new GeneralEventMessage(Event.parse("{}"), "window", null, null, null, "r")))
                .isFalse();
    }
}
