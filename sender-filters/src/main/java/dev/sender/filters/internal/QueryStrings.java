package dev.sender.filters.internal;

import static dev.sender.filters.internal.Problems.invalid;
import static dev.sender.filters.internal.Problems.quote;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The query-string codec: {@code application/x-www-form-urlencoded} decoding of a raw query into names and
 * values, the one-value-per-name rule, and canonical percent-encoding.
 */
public final class QueryStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryStrings() {
    }

    /**
     * Splits {@code rawQuery} on {@code &} (skipping empty pieces), cuts each piece at its first {@code =}
     * (none: an empty value), and decodes names and values; a name given twice collects every value.
     *
     * @throws dev.sender.filters.InvalidFilterException for a malformed escape or bytes that are not UTF-8
     */
    public static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String piece : rawQuery.split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String rawName = eq < 0 ? piece : piece.substring(0, eq);
            String rawValue = eq < 0 ? "" : piece.substring(eq + 1);
            String name = decodeComponent(rawName, rawName);
            String value = decodeComponent(rawValue, name);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /**
     * Hands {@code consumer} the name and single value of each parameter of {@code parameters}, in the map's
     * order.
     *
     * @throws dev.sender.filters.InvalidFilterException for a parameter without a value or with several
     */
    public static void forEachSingle(Map<String, List<String>> parameters, BiConsumer<String, String> consumer) {
        Objects.requireNonNull(parameters, "parameters");
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (name == null) {
                throw invalid("null", "a parameter name must not be null");
            }
            Problems.requireWellFormed(name, name);
            List<String> values = entry.getValue();
            if (values == null || values.isEmpty()) {
                throw invalid(name, "empty value");
            }
            if (values.size() > 1) {
                throw invalid(name, "repeated parameter (given " + values.size() + " times); give it once");
            }
            String value = values.get(0);
            if (value == null) {
                throw invalid(name, "empty value");
            }
            Problems.requireWellFormed(name, value);
            consumer.accept(name, value);
        }
    }

    /** {@code name=value&...}, each percent-encoded; empty when there is none. */
    public static String encode(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            encodeComponent(name, out);
            out.append('=');
            encodeComponent(value, out);
        });
        return out.toString();
    }

    /**
     * Decodes {@code +} to a space and {@code %XX} escapes as UTF-8 bytes; other characters stay.
     *
     * @param parameter the name errors name
     */
    static String decodeComponent(String raw, String parameter) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            Problems.requireWellFormed(parameter, raw);
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        byte[] bytes = new byte[raw.length() / 3];
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                int n = 0;
                while (i < raw.length() && raw.charAt(i) == '%') {
                    int hi = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
                    int lo = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
                    if (hi < 0 || lo < 0) {
                        throw invalid(parameter, "malformed percent-encoding in " + quote(raw)
                                + ": '%' must be followed by two hexadecimal digits");
                    }
                    bytes[n++] = (byte) (hi << 4 | lo);
                    i += 3;
                }
                out.append(utf8(bytes, n, raw, parameter));
            } else {
                out.append(c == '+' ? ' ' : c);
                i++;
            }
        }
        String decoded = out.toString();
        Problems.requireWellFormed(parameter, decoded);
        return decoded;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static CharBuffer utf8(byte[] bytes, int length, String raw, String parameter) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            throw invalid(parameter, "percent-encoded bytes in " + quote(raw) + " are not valid UTF-8");
        }
    }

    /** Appends {@code text} percent-encoded: letters, digits and {@code -._~,:/} stay, a space is {@code +}. */
    static void encodeComponent(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~,:/".indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[b >> 4 & 0xF]).append(HEX[b & 0xF]);
                }
                i = end - 1;
            }
        }
    }

    /** {@code text} percent-encoded as {@link #encode} writes it. */
    public static String encodeComponent(String text) {
        StringBuilder out = new StringBuilder();
        encodeComponent(text, out);
        return out.toString();
    }
}
