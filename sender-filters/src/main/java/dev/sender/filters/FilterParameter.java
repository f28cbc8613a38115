package dev.sender.filters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fixed parameter of a subscription's query string, described for whoever builds such queries (a form, a
 * client in another language): its name, the kind of value it takes, whether it takes a comma-separated list of
 * them, and the choices or range its values keep to. {@link HandlerEventFilter#parameters()} and
 * {@link GeneralEventFilter#parameters()} list them, in the order of the SPEC tables; a query that keeps to a
 * description parses, short of the rules it cannot express (the keys of {@code geo_position}, no comma inside a
 * list item).
 *
 * <pre>{@code
 * for (FilterParameter p : HandlerEventFilter.parameters()) {
 *     // "gender": CHOICE, one of 0 (female), 1 (male); "age__gte": INTEGER; "emotions": a list of CHOICE...
 * }
 * }</pre>
 *
 * @param name the parameter's name in a query string, such as {@code age__gte}
 * @param type the kind of value it takes (of each item, for a list)
 * @param list whether the value is a comma-separated list of such values
 * @param choices the accepted values of a {@link ValueType#CHOICE}, in order; empty for the other types
 * @param minimum the least accepted number of an {@link ValueType#INTEGER} or {@link ValueType#NUMBER}; null when
 *     only the type bounds it
 * @param maximum the greatest accepted number, likewise; null when only the type bounds it
 * @param maxLength the most characters of a {@link ValueType#TEXT} value or item; null when unbounded
 */
public record FilterParameter(String name, ValueType type, boolean list, List<Choice> choices,
        @Nullable BigDecimal minimum, @Nullable BigDecimal maximum, @Nullable Integer maxLength) {

    /**
     * Checks the components and copies the choices.
     *
     * @param name the parameter's name in a query string
     * @param type the kind of value it takes
     * @param list whether the value is a comma-separated list
     * @param choices the accepted values of a {@link ValueType#CHOICE}; empty for the other types
     * @param minimum the least accepted number, or null
     * @param maximum the greatest accepted number, or null
     * @param maxLength the most characters of a text value, or null
     */
    public FilterParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        if ((type == ValueType.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": choices are given with the type CHOICE, and only with it");
        }
    }

    /** The kind of value a parameter takes. */
    public enum ValueType {
        /** Any non-empty text. */
        TEXT,
        /** A UUID, {@code 8-4-4-4-12} hexadecimal digits of either case. */
        UUID,
        /** A decimal integer. */
        INTEGER,
        /** A decimal number. */
        NUMBER,
        /** One of the {@link FilterParameter#choices()}. */
        CHOICE,
        /**
         * The box of {@code geo_position}:
         * {@code origin_longitude,X,origin_latitude,Y[,longitude_delta,DX][,latitude_delta,DY]}.
         */
        GEO_BOX
    }

    /**
     * One accepted value of an enumerated parameter.
     *
     * @param value the token written in the query string, such as {@code 1}
     * @param label what it stands for, such as {@code male}
     */
    public record Choice(String value, String label) {

        /**
         * Checks the components.
         *
         * @param value the token written in the query string
         * @param label what it stands for
         */
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * This description for a comma-separated list of such values.
     *
     * @return a description that differs only by {@link #list()}
     */
    public FilterParameter asList() {
        return new FilterParameter(name, type, true, choices, minimum, maximum, maxLength);
    }
}
