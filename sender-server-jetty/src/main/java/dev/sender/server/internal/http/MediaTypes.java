package dev.sender.server.internal.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads an {@code Accept} header against the two media types a resource offers. */
public final class MediaTypes {

    /** Which offer the client accepts. */
    public enum Choice {
        /** The first offer. */
        FIRST,
        /** The second offer. */
        SECOND,
        /** No header, or one accepting anything: the resource's default. */
        DEFAULT,
        /** Neither offer. */
        NONE
    }

    private MediaTypes() {
    }

    /** The offer {@code accept} names first, in the header's order; wildcards give {@link Choice#DEFAULT}. */
    public static Choice choose(@Nullable String accept, String first, String second) {
        if (accept == null || accept.isBlank()) {
            return Choice.DEFAULT;
        }
        boolean wildcard = false;
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(first)) {
                return Choice.FIRST;
            }
            if (type.equals(second)) {
                return Choice.SECOND;
            }
            wildcard |= type.equals("*/*") || type.equals(first.substring(0, first.indexOf('/') + 1) + "*");
        }
        return wildcard ? Choice.DEFAULT : Choice.NONE;
    }
}
