package dev.sender.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.core.event.Event;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventBytesTest {

    @Test
    void of_readsTheBytesTheEventWasParsedFrom() {
        Event event = Event.parse("{\"source\":\"cam1\"}");

        assertThat(new String(EventBytes.of(event).toArray(), StandardCharsets.UTF_8))
                .isEqualTo("{\"source\":\"cam1\"}");
    }

    @Test
    void install_fromAnotherClass_isRefused() {
        assertThatThrownBy(() -> EventBytes.install(MethodHandles.lookup(), event -> new EventBytes.Slice(new byte[0], 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only Event installs");
    }

    @Test
    void install_aSecondTime_isRefused() throws IllegalAccessException {
        Event.parse("{}");
        MethodHandles.Lookup eventsOwn = MethodHandles.privateLookupIn(Event.class, MethodHandles.lookup());

        assertThatThrownBy(() -> EventBytes.install(eventsOwn, event -> new EventBytes.Slice(new byte[0], 0, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("installed already");
        assertThat(EventBytes.of(Event.parse("{\"a\":1}")).length()).isEqualTo(7);
    }
}
