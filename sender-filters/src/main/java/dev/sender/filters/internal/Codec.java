package dev.sender.filters.internal;

import dev.sender.filters.FilterParameter;

/**
 * How the value of one parameter reads from decoded query text, is checked when a builder is given it,
 * and prints back to the text that reads it again.
 *
 * @param <T> the typed value
 */
public interface Codec<T> {

    /**
     * Reads {@code text}, which is decoded and not empty.
     *
     * @throws dev.sender.filters.InvalidFilterException naming {@code parameter} when it does not read
     */
    T parse(String parameter, String text);

    /**
     * Checks a value given to a builder and returns its canonical, immutable form.
     *
     * @throws dev.sender.filters.InvalidFilterException naming {@code parameter} when no query could carry it
     */
    T check(String parameter, T value);

    /** The decoded text that {@link #parse} reads back to {@code value}. */
    String format(T value);

    /**
     * What values this codec reads, as the description of a parameter.
     *
     * @param name the parameter's name
     * @return the description
     */
    FilterParameter describe(String name);
}
