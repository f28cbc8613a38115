package dev.sender.core;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * UUIDs as LUNA writes them: {@code 8-4-4-4-12} hexadecimal digits of either case, such as account ids and
 * handler ids. {@link UUID#fromString} alone accepts shorter groups ({@code 1-1-1-1-1}), which LUNA does not.
 */
public final class Uuids {

    private static final int LENGTH = 36;

    private Uuids() {
    }

    /**
     * Whether {@code text} is a UUID in the {@code 8-4-4-4-12} hexadecimal form, either case.
     *
     * @param text the candidate
     * @return {@code true} when it is such a UUID
     */
    public static boolean isValid(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} as a UUID, or {@code null} when it is not one in the {@code 8-4-4-4-12} form.
     *
     * @param text the candidate
     * @return the UUID, or {@code null}
     */
    public static @Nullable UUID parse(String text) {
        return isValid(text) ? UUID.fromString(text.toLowerCase(Locale.ROOT)) : null;
    }
}
