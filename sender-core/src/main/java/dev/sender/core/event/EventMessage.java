package dev.sender.core.event;

import dev.sender.core.Position;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * What a subscriber receives for one event: the event with the context of its publication. Its JSON
 * ({@link #json()}) is encoded at most once and shared by every subscriber that receives it.
 */
public sealed interface EventMessage permits EncodedMessage {

    /** {@return the event, exactly as published} */
    Event event();

    /**
     * The request id of the publication; {@code null} for a general message read from JSON, which does not
     * carry it.
     *
     * @return the request id, or {@code null}
     */
    @Nullable String requestId();

    /** {@return the message as the JSON text of one WebSocket frame, in UTF-8; a read-only view of shared bytes} */
    ByteBuffer json();

    /** {@return size of {@link #json()} in bytes} */
    int jsonLength();

    /** {@return the message as JSON text} */
    String toJson();

    /**
     * The event's position in its topic (SPEC §9).
     *
     * @return the position a broker that keeps history gave the event, or the {@code "position"} key of a
     *         message read from JSON; {@code null} otherwise
     */
    @Nullable Position position();

    /**
     * The message's JSON with its position as one more top-level key after the others,
     * {@code "position": "<position>"}, as subscribers that asked for history receive it. Encoded at most once
     * from {@link #json()}'s bytes, without re-encoding the event, and shared by every such subscriber.
     *
     * @return a read-only view of the shared bytes; the same as {@link #json()} when the message has no position
     *         or was read from JSON
     */
    ByteBuffer jsonWithPosition();

    /**
     * This message at {@code position}: the same event, context and JSON bytes, with a position.
     *
     * @param position the event's position in its topic
     * @return a new message of the same kind
     */
    EventMessage withPosition(Position position);
}
