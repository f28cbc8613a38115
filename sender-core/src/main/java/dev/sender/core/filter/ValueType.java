package dev.sender.core.filter;

/**
 * The JSON type a filter value compares against. A value matches only event values of its type: the
 * string {@code "4"} is not an {@link #INTEGER}, the number {@code 1} is not a {@link #BOOLEAN}.
 */
public enum ValueType {
    /** A JSON string, compared exactly. */
    STRING,
    /** A JSON string holding a UUID, compared case-insensitively. */
    UUID,
    /** A JSON number written without fraction or exponent ({@code 4}, not {@code 4.0}). */
    INTEGER,
    /** Any JSON number, compared numerically ({@code 4} equals {@code 4.0}). */
    NUMBER,
    /** JSON {@code true} or {@code false}. */
    BOOLEAN,
    /** Any JSON value but {@code null}: strings, numbers, booleans, objects and arrays. */
    ANY
}
