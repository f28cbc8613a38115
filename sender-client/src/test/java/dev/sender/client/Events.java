package dev.sender.client;

import dev.sender.core.event.Event;

/** Small LUNA events for tests. */
final class Events {

    static final String HANDLER = "557d54ec-29ad-4f3c-93b4-c9092ef12515";
    static final String CREATED = "2026-11-27T10:00:00Z";
    static final String ENDED = "2026-11-27T10:00:01Z";

    private Events() {
    }

    /** A face event of {@code gender} (0 female, 1 male) and {@code age}, with {@code id} as its event id. */
    static Event person(String id, int gender, int age) {
        return Event.parse("{\"event_id\":\"" + id + "\",\"source\":\"cam1\",\"face_attributes\":{\"basic_attributes\":"
                + "{\"age\":" + age + ",\"gender\":" + gender + "}},\"extra\":{\"kept\":1.0}}");
    }

    /** {@code event} with a {@code pad} field of {@code size} characters added. */
    static Event padded(Event event, int size) {
        String json = event.json();
        return Event.parse(json.substring(0, json.length() - 1) + ",\"pad\":\"" + "x".repeat(size) + "\"}");
    }

    /** An event with just an id. */
    static Event numbered(int n) {
        return Event.parse("{\"event_id\":\"e" + n + "\",\"n\":" + n + "}");
    }
}
