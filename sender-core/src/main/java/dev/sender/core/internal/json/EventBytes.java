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
    private static final AtomicReference<Function<Event, Slice>> ACCESSOR = new AtomicReference<>();

    /**
     * Where an event's JSON lies: {@code length} bytes of {@code array} from {@code offset}, which may be a part
     * of a larger text (the request it was published in, the message it is sent in).
     *
     * @param array the bytes holding the event's JSON
     * @param offset where the JSON starts
     * @param length how many bytes it has
     */
    public record Slice(byte[] array, int offset, int length) {

        /**
         * Checks the bounds.
         *
         * @throws IndexOutOfBoundsException when the slice is not within the array
         */
        public Slice {
            Objects.checkFromIndexSize(offset, length, array.length);
        }

        /** {@return the slice's bytes, as a new array} */
        public byte[] toArray() {
            return java.util.Arrays.copyOfRange(array, offset, offset + length);
        }
    }

    private EventBytes() {
    }

    /**
     * Installs the accessor of the bytes of every event. {@code owner} must be {@code Event}'s own full-privilege
     * lookup, which no other class can obtain.
     *
     * @throws IllegalArgumentException when {@code owner} is not {@code Event}'s own lookup
     * @throws IllegalStateException when the accessor is installed already
     */
    public static void install(MethodHandles.Lookup owner, Function<Event, Slice> eventAccessor) {
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

    /**
     * The bytes behind {@code event}; read them, never write.
     *
     * @param event an event
     * @return where its JSON lies
     */
    public static Slice of(Event event) {
        return ACCESSOR.get().apply(event);
    }
}
