package dev.sender.filters.internal;

import dev.sender.filters.InvalidFilterException;

/** The wording of refusals, shared so that every detail reads alike. */
public final class Problems {

    /** Quoted values longer than this are cut, so that a huge query cannot make a huge error body. */
    private static final int MAX_QUOTED = 80;

    private Problems() {
    }

    /** An exception whose detail reads {@code Parameter '<parameter>': <reason>}. */
    public static InvalidFilterException invalid(String parameter, String reason) {
        return new InvalidFilterException(parameter, reason);
    }

    /** {@code value} in single quotes, cut when long. */
    public static String quote(String value) {
        return "'" + shorten(value, MAX_QUOTED) + "'";
    }

    private static String shorten(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end) + "…";
    }

    /** Refuses {@code text} when it holds an unpaired surrogate, which no UTF-8 query can carry. */
    public static void requireWellFormed(String parameter, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(parameter, "contains an unpaired surrogate character, which UTF-8 cannot carry");
            }
        }
    }
}
