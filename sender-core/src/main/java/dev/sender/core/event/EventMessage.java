package dev.sender.core.event;

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
}
