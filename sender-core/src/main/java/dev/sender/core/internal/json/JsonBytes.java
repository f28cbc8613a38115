package dev.sender.core.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * Fast reading of JSON that has already been validated (every event Sender holds was): skipping values,
 * comparing keys and decoding strings straight on the UTF-8 bytes, without a tokenizer. Never use it on
 * unvalidated input.
 */
public final class JsonBytes {

    private JsonBytes() {
    }

    /** The first index at or after {@code i} that is not whitespace. */
    public static int skipWhitespace(byte[] json, int i) {
        while (i < json.length) {
            byte b = json[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** The index just after the string whose opening quote is at {@code i}. */
    public static int skipString(byte[] json, int i) {
        i++;
        while (true) {
            byte b = json[i];
            if (b == '"') {
                return i + 1;
            }
            i += b == '\\' ? 2 : 1;
        }
    }

    /** The index just after the value that starts at {@code i} (no leading whitespace). */
    public static int skipValue(byte[] json, int i) {
        byte first = json[i];
        if (first == '"') {
            return skipString(json, i);
        }
        if (first != '{' && first != '[') {
            return skipScalar(json, i);
        }
        int depth = 0;
        while (true) {
            byte b = json[i];
            if (b == '"') {
                i = skipString(json, i);
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
    }

    /** The index just after the number or literal at {@code i}. */
    public static int skipScalar(byte[] json, int i) {
        while (i < json.length) {
            byte b = json[i];
            if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Whether the string token {@code [start, end)} (quotes included) is exactly {@code key}'s UTF-8 bytes. */
    public static boolean keyEquals(byte[] json, int start, int end, byte[] key) {
        int length = end - start - 2;
        if (length != key.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (json[start + 1 + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the string token {@code [start, end)} holds an escape. */
    public static boolean hasEscape(byte[] json, int start, int end) {
        for (int i = start + 1; i < end - 1; i++) {
            if (json[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The text of the string token {@code [start, end)} (quotes included). */
    public static String decodeString(byte[] json, int start, int end) {
        int from = start + 1;
        int to = end - 1;
        if (!hasEscape(json, start, end)) {
            return new String(json, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (json[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(json, run, i - run, StandardCharsets.UTF_8));
            byte escaped = json[i + 1];
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(new String(json, i + 2, 4, StandardCharsets.US_ASCII), 16));
                    i += 4;
                }
                default -> out.append((char) escaped);
            }
            i += 2;
            run = i;
        }
        out.append(new String(json, run, to - run, StandardCharsets.UTF_8));
        return out.toString();
    }

    /** Whether the number token {@code [start, end)} is an integer (no fraction, no exponent). */
    public static boolean isInteger(byte[] json, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = json[i];
            if (b == '.' || b == 'e' || b == 'E') {
                return false;
            }
        }
        return true;
    }

    /** The number token {@code [start, end)} as text. */
    public static String text(byte[] json, int start, int end) {
        return new String(json, start, end - start, StandardCharsets.US_ASCII);
    }
}
