package dev.sender.examples;

import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import java.util.Locale;

/** The small face events the examples publish: a name (as {@code external_id}), a gender and an age. */
final class People {

    private People() {
    }

    /** A face event of someone called {@code name}, of {@code gender} (0 female, 1 male) and {@code age}. */
    static Event person(String name, int gender, int age) {
        return Event.parse("{\"external_id\":\"" + name + "\",\"source\":\"entrance-cam\",\"face_attributes\":"
                + "{\"basic_attributes\":{\"age\":" + age + ",\"gender\":" + gender + "}}}");
    }

    /** {@code Carl, male, 41} for a message about one of {@link #person}'s events. */
    static String describe(EventMessage message) {
        Event event = message.event();
        String gender = event.gender().map(g -> g.name().toLowerCase(Locale.ROOT)).orElse("?");
        return event.externalId().orElse("?") + ", " + gender + ", "
                + (event.age().isPresent() ? event.age().getAsInt() : "?");
    }
}
