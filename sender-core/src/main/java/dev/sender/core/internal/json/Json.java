package dev.sender.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
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
     * A strict parser of {@code json}, which must be UTF-8 (RFC 8259 §8.1). Jackson would guess UTF-16 or UTF-32
     * from a byte-order mark or from zero bytes among the first four, and then report offsets in characters
     * rather than bytes; such input is refused here instead, with the parse error of {@link #describe}.
     */
    public static JsonParser utf8Parser(byte[] json) throws IOException {
        JsonParser parser = FACTORY.createParser(json);
        String encoding = JsonSyntax.nonUtf8Encoding(json);
        if (encoding != null) {
            JsonParseException refused = new JsonParseException(parser, "the JSON is " + encoding
                    + "; it must be UTF-8");
            parser.close();
            throw refused;
        }
        return parser;
    }

    /** Why the input of a failed parse is not JSON, and where, in Sender's words (no library internals). */
    public static String describe(IOException e) {
        return JsonSyntax.describe(e);
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
