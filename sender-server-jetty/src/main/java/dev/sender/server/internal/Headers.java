package dev.sender.server.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The LUNA headers of SPEC §1. */
final class Headers {

    static final String ACCOUNT_ID = "Luna-Account-Id";

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Headers() {
    }

    /** {@code value} as a UUID, or {@code null} when it is not one. */
    static @Nullable UUID uuid(String value) {
        return UUID_FORMAT.matcher(value).matches() ? UUID.fromString(value.toLowerCase(Locale.ROOT)) : null;
    }
}
