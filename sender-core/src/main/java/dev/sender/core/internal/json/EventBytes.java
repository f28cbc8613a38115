package dev.sender.core.internal.json;

import dev.sender.core.event.Event;
import java.util.function.Function;

/**
 * Zero-copy access to the JSON bytes of an {@link Event} for Sender's own encoders and extractors, which must
 * never change them. {@code Event} installs the accessor when its class initialises, so it is in place
 * before any event exists.
 */
public final class EventBytes {

    private static volatile Function<Event, byte[]> accessor;

    private EventBytes() {
    }

    /** Called once by {@code Event}. */
    public static void install(Function<Event, byte[]> eventAccessor) {
        accessor = eventAccessor;
    }

    /** The bytes behind {@code event}; read them, never write. */
    public static byte[] of(Event event) {
        return accessor.apply(event);
    }
}
