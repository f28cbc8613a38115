package dev.sender.filters.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The number grammar of query values, and the printing of doubles so that they read back exactly. */
public final class Numbers {

    /** Printed plainly up to this length; longer plain forms (1e-300) use an exponent instead. */
    private static final int MAX_PLAIN_LENGTH = 24;

    private Numbers() {
    }

    /** Whether {@code text} is {@code -?[0-9]+}. */
    public static boolean isIntegerSyntax(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        return digits(text, i) == text.length() && text.length() > i;
    }

    /** {@code text} as a long, or {@code null} when it is not {@code -?[0-9]+} or does not fit. */
    public static @Nullable Long parseLong(String text) {
        if (!isIntegerSyntax(text)) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code text} as a finite double, or {@code null} when it is not a decimal number
     * ({@code -?digits[.digits][(e|E)[+-]digits]}) or is too large to be finite.
     */
    public static @Nullable Double parseDecimal(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int end = digits(text, i);
        if (end == i) {
            return null;
        }
        i = end;
        if (i < text.length() && text.charAt(i) == '.') {
            end = digits(text, i + 1);
            if (end == i + 1) {
                return null;
            }
            i = end;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            end = digits(text, i);
            if (end == i) {
                return null;
            }
            i = end;
        }
        if (i != text.length()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value + 0.0 : null;
    }

    /** {@code value} printed so that {@link #parseDecimal} gives it back; plain when short enough. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double normal = value + 0.0;
        String plain = BigDecimal.valueOf(normal).stripTrailingZeros().toPlainString();
        return plain.length() <= MAX_PLAIN_LENGTH ? plain : Double.toString(normal);
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
