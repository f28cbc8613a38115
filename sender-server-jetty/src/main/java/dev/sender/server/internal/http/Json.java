package dev.sender.server.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's own JSON mapper, for the small bodies it writes (errors, health, configuration, the OpenAPI
 * document) and the settings files it reads. Events never pass through it: their bytes are sender-core's.
 */
public final class Json {

    /** Jackson's defaults: strict RFC 8259 parsing, compact output; shared, as a mapper is thread-safe once built. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
