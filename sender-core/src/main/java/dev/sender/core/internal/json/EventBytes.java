package dev.sender.core.internal.json;

import dev.sender.core.event.Event;
import java.lang.invoke.MethodHandles;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Zero-copy access to the JSON bytes of an {@link Event} for Sender's own encoders and extractors, which must
 * never change them. {@code Event} installs the accessor when its class initialises, so it is in place
 * before any event exists; only {@code Event} can install it, and only once.
 */
public final class EventBytes {

    /** Set once, by {@code Event}'s static initialiser. */
    private static final AtomicReference<Function<Event, byte[]>> ACCESSOR = new AtomicReference<>();

    private EventBytes() {
    }

    /**
     * Installs the accessor of the bytes of every event. {@code owner} must be {@code Event}'s own full-privilege
     * lookup, which no other class can obtain.
     *
     * @throws IllegalArgumentException when {@code owner} is not {@code Event}'s own lookup
     * @throws IllegalStateException when the accessor is installed already
     */
    public static void install(MethodHandles.Lookup owner, Function<Event, byte[]> eventAccessor) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(eventAccessor, "eventAccessor");
        if (owner.lookupClass() != Event.class || !owner.hasFullPrivilegeAccess()) {
            throw new IllegalArgumentException("only Event installs the accessor of its bytes, not "
                    + owner.lookupClass().getName());
        }
        if (!ACCESSOR.compareAndSet(null, eventAccessor)) {
            throw new IllegalStateException("the accessor of the bytes of events is installed already");
        }
    }

    /** The bytes behind {@code event}; read them, never write. */
    public static byte[] of(Event event) {
        return ACCESSOR.get().apply(event);
    }
}
