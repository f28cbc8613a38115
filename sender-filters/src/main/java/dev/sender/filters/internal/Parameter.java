package dev.sender.filters.internal;

import static dev.sender.filters.internal.Problems.invalid;

import dev.sender.core.filter.Filter;
import dev.sender.filters.FilterParameter;
import java.util.Objects;
import java.util.function.Function;

/**
 * One fixed query parameter of the catalogue: its name, the codec of its value, and the core filter a
 * value stands for.
 *
 * @param <T> the typed value
 */
public final class Parameter<T> {

    private final String name;
    private final Codec<T> codec;
    private final Function<? super T, Filter> filter;

    private Parameter(String name, Codec<T> codec, Function<? super T, Filter> filter) {
        this.name = name;
        this.codec = codec;
        this.filter = filter;
    }

    /** The parameter {@code name}, whose values {@code codec} reads and {@code filter} turns into a filter. */
    public static <T> Parameter<T> of(String name, Codec<T> codec, Function<? super T, Filter> filter) {
        return new Parameter<>(name, codec, filter);
    }

    /** The name in a query string. */
    public String name() {
        return name;
    }

    /**
     * Reads the decoded value {@code text}.
     *
     * @throws dev.sender.filters.InvalidFilterException when it is empty or does not read
     */
    public T parse(String text) {
        if (text.isEmpty()) {
            throw invalid(name, "empty value");
        }
        return codec.parse(name, text);
    }

    /**
     * Checks a value given to a builder; returns its canonical form.
     *
     * @throws dev.sender.filters.InvalidFilterException when no query could carry it
     */
    public T check(T value) {
        return codec.check(name, Objects.requireNonNull(value, name));
    }

    /** The decoded canonical text of {@code value}, a value of this parameter. */
    public String format(Object value) {
        return codec.format(cast(value));
    }

    /** The core filter {@code value}, a value of this parameter, stands for. */
    public Filter toFilter(Object value) {
        return filter.apply(cast(value));
    }

    /**
     * What values the parameter takes.
     *
     * @return the description
     */
    public FilterParameter describe() {
        return codec.describe(name);
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }

    @Override
    public String toString() {
        return name;
    }
}
