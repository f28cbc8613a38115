package dev.sender.core.event;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What both kinds of message share: the event, and the message's JSON, encoded once on first use (or kept as
 * read) and then shared by every subscriber that receives it.
 */
abstract sealed class EncodedMessage implements EventMessage permits HandlerEventMessage, GeneralEventMessage {

    private final Event event;
    /** The message's JSON in UTF-8; set once, by the first reader or by a parse. */
    private volatile byte @Nullable [] encoded;

    EncodedMessage(Event event) {
        this.event = Objects.requireNonNull(event, "event");
    }

    /** The message's JSON, encoded from its parts. */
    abstract byte[] encode();

    /** Keeps {@code json}, the text the message was read from, as its JSON. */
    final void readFrom(byte[] json) {
        encoded = json;
    }

    @Override
    public final Event event() {
        return event;
    }

    @Override
    public final ByteBuffer json() {
        return ByteBuffer.wrap(encoded()).asReadOnlyBuffer();
    }

    @Override
    public final int jsonLength() {
        return encoded().length;
    }

    @Override
    public final String toJson() {
        return new String(encoded(), StandardCharsets.UTF_8);
    }

    private byte[] encoded() {
        byte[] bytes = encoded;
        if (bytes == null) {
            bytes = encode();
            encoded = bytes;
        }
        return bytes;
    }

    @Override
    public final String toString() {
        return toJson();
    }
}
