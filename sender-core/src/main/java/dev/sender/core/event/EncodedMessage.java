package dev.sender.core.event;

import dev.sender.core.Position;
import dev.sender.core.internal.json.Envelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What both kinds of message share: the event, and the message's JSON, encoded once on first use (or kept as
 * read) and then shared by every subscriber that receives it.
 */
abstract sealed class EncodedMessage implements EventMessage permits HandlerEventMessage, GeneralEventMessage {

    /** The key of a message's position (SPEC §9). */
    static final String POSITION = "position";

    /** The event; once the message is encoded, read from the message's JSON, so that one copy of it is kept. */
    private volatile Event event;
    /** The message's JSON in UTF-8; set once, by the first reader or by a parse. */
    private volatile byte @Nullable [] encoded;
    private volatile @Nullable Position position;
    /** {@link #encoded} with the position appended; set once, by the first reader or by a parse. */
    private volatile byte @Nullable [] encodedWithPosition;

    EncodedMessage(Event event) {
        this.event = Objects.requireNonNull(event, "event");
    }

    /** The message's JSON, encoded from its parts. */
    abstract byte[] encode();

    /** A message like this one, without its JSON or position. */
    abstract EncodedMessage copy();

    /**
     * Keeps {@code json}, the text the message was read from, as its JSON; its {@code "position"} key, when
     * {@code fields} has a well-formed one, as its position.
     */
    final void readFrom(byte[] json, Map<String, Object> fields) {
        if (fields.get(POSITION) instanceof String text && Position.isWellFormed(text)) {
            position = Position.of(text);
            encodedWithPosition = json;
        }
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

    @Override
    public final @Nullable Position position() {
        return position;
    }

    @Override
    public final ByteBuffer jsonWithPosition() {
        Position at = position;
        if (at == null) {
            return json();
        }
        byte[] bytes = encodedWithPosition;
        if (bytes == null) {
            bytes = appendPosition(encoded(), at);
            encodedWithPosition = bytes;
        }
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    @Override
    public EventMessage withPosition(Position at) {
        Objects.requireNonNull(at, "position");
        // Encoded first, so that the copy takes the event as read within the JSON it shares.
        byte[] bytes = encoded();
        EncodedMessage copy = copy();
        copy.position = at;
        copy.encoded = bytes;
        return copy;
    }

    /** {@code json} with {@code ,"position":"<at>"} inserted before its closing brace. */
    private static byte[] appendPosition(byte[] json, Position at) {
        int close = json.length - 1;
        while (close > 0 && json[close] != '}') {
            close--;
        }
        byte[] key = (",\"" + POSITION + "\":\"" + at.value() + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(json, close + key.length);
        System.arraycopy(key, 0, bytes, close, key.length);
        return bytes;
    }

    private byte[] encoded() {
        byte[] bytes = encoded;
        if (bytes == null) {
            bytes = encode();
            event = event.within(bytes, Envelope.EVENT_OFFSET);
            encoded = bytes;
        }
        return bytes;
    }

    @Override
    public final String toString() {
        return toJson();
    }
}
