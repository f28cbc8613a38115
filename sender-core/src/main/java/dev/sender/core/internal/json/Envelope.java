package dev.sender.core.internal.json;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a message envelope around an event kept as raw JSON: {@code {"event":<raw>,"k1":"v1",...}}, in one
 * exactly sized array, without re-serialising the event.
 */
public final class Envelope {

    private static final byte[] EVENT_PREFIX = "{\"event\":".getBytes(StandardCharsets.US_ASCII);
    /** Where the event starts in an envelope. */
    public static final int EVENT_OFFSET = EVENT_PREFIX.length;
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {
    }

    /**
     * The envelope of {@code event} with the given members after it, in order: key, value, key, value...
     * A null value is written as JSON {@code null}.
     */
    public static byte[] encode(EventBytes.Slice event, @Nullable String... keysAndValues) {
        byte[][] parts = new byte[keysAndValues.length][];
        int size = EVENT_PREFIX.length + event.length() + 1;
        for (int i = 0; i < keysAndValues.length; i++) {
            String text = keysAndValues[i];
            parts[i] = text == null ? NULL : Json.quotedUtf8(text);
            size += parts[i].length + 1;
        }
        byte[] out = new byte[size];
        System.arraycopy(EVENT_PREFIX, 0, out, 0, EVENT_PREFIX.length);
        int at = EVENT_PREFIX.length;
        System.arraycopy(event.array(), event.offset(), out, at, event.length());
        at += event.length();
        for (int i = 0; i < parts.length; i++) {
            out[at++] = (byte) (i % 2 == 0 ? ',' : ':');
            System.arraycopy(parts[i], 0, out, at, parts[i].length);
            at += parts[i].length;
        }
        out[at] = '}';
        return out;
    }
}
