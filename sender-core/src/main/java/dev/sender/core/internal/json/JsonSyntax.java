package dev.sender.core.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Says in Sender's words why input is not JSON. Jackson's messages name its own switches and methods (such as
 * {@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}) and a redacted source; a client is told what is wrong with
 * its input and where, and nothing of the library that read it.
 */
final class JsonSyntax {

    private static final Pattern START_MARKER =
            Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern NON_STANDARD_TOKEN = Pattern.compile("Non-standard token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern NESTING =
            Pattern.compile("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*", Pattern.DOTALL);
    private static final Pattern LIMIT = Pattern.compile(
            "(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("(.*): maybe a \\(non-standard\\) comment\\?.*", Pattern.DOTALL);
    /** What of a message names the library: a back-quoted identifier, a redacted source, a feature's name. */
    private static final List<Pattern> LIBRARY_WORDS = List.of(
            Pattern.compile("\\s*\\([^()]*`[^`]*`[^()]*\\)"), Pattern.compile("\\s*`[^`]*`"),
            Pattern.compile("\\s*\\(?\\[Source:[^\\]]*\\]\\)?"), Pattern.compile(",?\\s*[^,;.]*Feature[^,;.]*"));

    private JsonSyntax() {
    }

    /** The encoding Jackson would guess for {@code json} when it is not UTF-8, or {@code null}. */
    static @Nullable String nonUtf8Encoding(byte[] json) {
        if (json.length >= 4 && json[0] == 0 && json[1] == 0 && (json[2] & 0xFF) == 0xFE && (json[3] & 0xFF) == 0xFF
                || json.length >= 4 && (json[0] & 0xFF) == 0xFF && (json[1] & 0xFF) == 0xFE && json[2] == 0
                && json[3] == 0) {
            return "UTF-32 (it starts with a byte-order mark)";
        }
        if (json.length >= 2 && ((json[0] & 0xFF) == 0xFE && (json[1] & 0xFF) == 0xFF
                || (json[0] & 0xFF) == 0xFF && (json[1] & 0xFF) == 0xFE)) {
            return "UTF-16 (it starts with a byte-order mark)";
        }
        for (int i = 0; i < Math.min(4, json.length); i++) {
            if (json[i] == 0) {
                return "not UTF-8 (a zero byte among the first four, as in UTF-16 or UTF-32)";
            }
        }
        return null;
    }

    /** Why the input is not JSON, and where: {@code "'NaN' is not a JSON value, at line 1, column 20"}. */
    static String describe(IOException e) {
        if (!(e instanceof JsonProcessingException json)) {
            return "the input could not be read";
        }
        String reason = reason(json.getOriginalMessage() == null ? "" : json.getOriginalMessage());
        JsonLocation at = json.getLocation();
        return at == null || at.getLineNr() < 1 ? reason
                : reason + ", at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String reason(String message) {
        Matcher m = NON_STANDARD_TOKEN.matcher(message);
        if (m.matches()) {
            return "'" + m.group(1) + "' is not a JSON value (numbers must be finite and written as digits)";
        }
        m = NESTING.matcher(message);
        if (m.matches()) {
            return "the JSON is nested deeper than " + m.group(2) + " levels";
        }
        m = LIMIT.matcher(message);
        if (m.matches()) {
            return m.group(1).toLowerCase(java.util.Locale.ROOT) + " of " + m.group(2) + " characters is over the limit of "
                    + m.group(3);
        }
        m = COMMENT.matcher(message);
        if (m.matches()) {
            return m.group(1) + ": JSON has no comments";
        }
        String text = START_MARKER.matcher(message).replaceAll(" (opened at line $1, column $2)");
        for (Pattern words : LIBRARY_WORDS) {
            text = words.matcher(text).replaceAll("");
        }
        text = text.strip();
        return text.isEmpty() ? "the input is not JSON" : text;
    }
}
