package dev.sender.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The JSON factory and mapper every part of Sender shares, and streaming helpers over them. */
public final class Json {

    /** Strict RFC 8259 parsing: no comments, no NaN, no trailing commas. */
    public static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** For trees only; Sender never binds events to classes. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Json() {
    }

    /**
     * Consumes the value whose first token is current, decoding every string on the way so that a value
     * with a bad escape or bad UTF-8 is rejected rather than forwarded.
     */
    public static void consumeValidated(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            parser.getTextLength();
            return;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken next = parser.nextToken();
            if (next == null) {
                throw new IOException("unexpected end of input");
            }
            switch (next) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.getTextLength();
                default -> {
                }
            }
        }
    }

    /** {@code value} as a quoted JSON string in UTF-8. */
    public static byte[] quotedUtf8(String value) {
        byte[] body = JsonStringEncoder.getInstance().quoteAsUTF8(value);
        byte[] quoted = new byte[body.length + 2];
        quoted[0] = '"';
        System.arraycopy(body, 0, quoted, 1, body.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    /** Offset just past the last token consumed, in bytes from the start of the input. */
    public static int endOffset(JsonParser parser) {
        return Math.toIntExact(parser.currentLocation().getByteOffset());
    }

    /** Offset of the first byte of the current token. */
    public static int tokenOffset(JsonParser parser) {
        return Math.toIntExact(parser.currentTokenLocation().getByteOffset());
    }
}
