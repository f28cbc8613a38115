package dev.sender.core.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerEventMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The sample message of the LUNA Sender API reference (SPEC §2.1), and variations of its event for tests.
 */
public final class SampleEvents {

    private static final String MESSAGE = load("luna-sample-message.json");

    private SampleEvents() {
    }

    /** The reference's sample message, as JSON text. */
    public static String messageJson() {
        return MESSAGE;
    }

    /** The reference's sample message. */
    public static HandlerEventMessage message() {
        return HandlerEventMessage.parse(MESSAGE);
    }

    /** The reference's sample event. */
    public static Event event() {
        return message().event();
    }

    /** A mutable copy of the sample event's tree. */
    public static ObjectNode eventTree() {
        return event().toTree();
    }

    /** The sample event changed by {@code edit}. */
    public static Event event(Consumer<ObjectNode> edit) {
        ObjectNode tree = eventTree();
        edit.accept(tree);
        return Event.of(tree);
    }

    /** A handler message around {@code event}, with the sample's handler id, times and request id. */
    public static HandlerEventMessage handlerMessage(Event event) {
        HandlerEventMessage sample = message();
        return new HandlerEventMessage(event, sample.handlerId(), sample.eventCreateTime(), sample.eventEndTime(),
                sample.requestId());
    }

    /** A handler message around {@code event} with the given handler id. */
    public static HandlerEventMessage handlerMessage(Event event, String handlerId) {
        HandlerEventMessage sample = message();
        return new HandlerEventMessage(event, handlerId, sample.eventCreateTime(), sample.eventEndTime(),
                sample.requestId());
    }

    private static String load(String name) {
        try (InputStream in = SampleEvents.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
