package dev.sender.core;

import java.util.Objects;

/**
 * Where an event stands in its topic's history (SPEC §9): an opaque ASCII string of at most
 * {@value #MAX_LENGTH} characters from {@code [A-Za-z0-9._:-]}, unique in its topic. The broker that issued a
 * position knows how it orders against others; applications store positions and hand them back
 * ({@link StartAt#after(Position)}), never parse or compare them.
 */
public final class Position {

    /** The longest position, in characters. */
    public static final int MAX_LENGTH = 64;

    private final String value;

    private Position(String value) {
        this.value = value;
    }

    /**
     * The position written as {@code value}.
     *
     * @param value the position's text, as a message's {@code "position"} key or a {@code since} parameter holds it
     * @return the position
     * @throws IllegalArgumentException when {@code value} is empty, longer than {@value #MAX_LENGTH} characters or
     *         holds a character outside {@code [A-Za-z0-9._:-]}
     */
    public static Position of(String value) {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new Position(value);
    }

    /**
     * Whether {@code value} is a well-formed position; well-formed is not the same as issued or still retained.
     *
     * @param value the text to check
     * @return true when {@link #of(String)} accepts it
     */
    public static boolean isWellFormed(String value) {
        return value != null && problem(value) == null;
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "a position is not empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "a position has at most " + MAX_LENGTH + " characters, not " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return "a position holds only A-Z, a-z, 0-9, '.', '_', ':' and '-', not '" + c + "' at index " + i;
            }
        }
        return null;
    }

    /**
     * The position's text.
     *
     * @return the text, as it appears in a message's {@code "position"} key
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Position p && value.equals(p.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The position's text, as {@link #value()}. */
    @Override
    public String toString() {
        return value;
    }
}
