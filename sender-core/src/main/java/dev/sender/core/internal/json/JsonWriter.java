package dev.sender.core.internal.json;

import java.io.ByteArrayOutputStream;
import org.jspecify.annotations.Nullable;

/** A minimal JSON writer that can splice raw, already-valid JSON (events) into its output. */
public final class JsonWriter {

    private final ByteArrayOutputStream out;
    private boolean needsComma;

    /** A writer with room for about {@code expectedSize} bytes. */
    public JsonWriter(int expectedSize) {
        out = new ByteArrayOutputStream(expectedSize);
    }

    /** Opens an object. */
    public JsonWriter beginObject() {
        separate();
        out.write('{');
        needsComma = false;
        return this;
    }

    /** Closes an object. */
    public JsonWriter endObject() {
        out.write('}');
        needsComma = true;
        return this;
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        separate();
        out.write('[');
        needsComma = false;
        return this;
    }

    /** Closes an array. */
    public JsonWriter endArray() {
        out.write(']');
        needsComma = true;
        return this;
    }

    /** Writes a member name; the value follows. */
    public JsonWriter key(String name) {
        separate();
        out.writeBytes(Json.quotedUtf8(name));
        out.write(':');
        needsComma = false;
        return this;
    }

    /** Writes a string, or {@code null}. */
    public JsonWriter string(@Nullable String value) {
        separate();
        out.writeBytes(value == null ? "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : Json.quotedUtf8(value));
        needsComma = true;
        return this;
    }

    /** Writes a value that is already valid JSON. */
    public JsonWriter raw(EventBytes.Slice json) {
        separate();
        out.write(json.array(), json.offset(), json.length());
        needsComma = true;
        return this;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void separate() {
        if (needsComma) {
            out.write(',');
            needsComma = false;
        }
    }
}
