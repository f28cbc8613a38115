package dev.sender.core;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * LUNA request ids: Unix seconds, a comma, a lower-case UUID, such as
 * {@code 1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a}.
 */
public final class RequestId {

    private static final Pattern FORMAT = Pattern.compile(
            "[0-9]{10},[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");

    private RequestId() {
    }

    /** A new request id for now. */
    public static String generate() {
        return String.format("%010d,%s", System.currentTimeMillis() / 1000, UUID.randomUUID());
    }

    /** Whether {@code value} has the request id format. */
    public static boolean isValid(String value) {
        return FORMAT.matcher(value).matches();
    }
}
