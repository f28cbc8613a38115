package dev.sender.filters;

import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.ValueType;
import dev.sender.filters.internal.UserFilterRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A user-defined general-event filter (SPEC §4), the query parameter
 * {@code event.<path>[__<op>][:<type>]=<value>}: it compares the value at {@code path} inside the raw event
 * object with {@code values}, converted to {@code type}.
 *
 * <p>The literal {@value #NONE} stands for JSON {@code null} or a missing field and is allowed with
 * {@link Operator#EQ eq}, {@link Operator#NE ne}, {@link Operator#IN in} and {@link Operator#NIN nin}. Every
 * other comparison needs the field present, non-null and of the type: a missing field, a {@code null} or a
 * value of another JSON type never matches, not even {@code ne} or {@code nin} (SQL-like).
 *
 * <pre>{@code
 * UserFilter warm = UserFilter.of("field_1", Operator.GT, FieldType.NUMERIC, "36.6");
 * UserFilter valueOrNone = UserFilter.of("field_2.field_3", Operator.IN, FieldType.STRING, "value", "none");
 * warm.parameterName();  // "event.field_1__gt:numeric"
 * }</pre>
 *
 * @param path the keys from the event object's root to the field, none empty
 * @param op how the field compares with the values
 * @param type the JSON type the values convert to and the field must have
 * @param values the values as written in a query; several only for {@code in} and {@code nin}, whose
 *     repeats collapse
 */
public record UserFilter(List<String> path, Operator op, FieldType type, List<String> values) {

    /** The value that stands for JSON {@code null} or a missing field. */
    public static final String NONE = "none";

    /**
     * Checks the filter exactly as a query is checked.
     *
     * @param path the keys inside the event, taken literally
     * @param op the comparison
     * @param type how the values are read
     * @param values the compared values as a query writes them; one, or several for {@code in} and {@code nin}
     * @throws InvalidFilterException naming {@link #parameterName()} when a query could not carry it: an empty
     *     or reserved key, an impossible operator and type, or a value that does not convert
     */
    public UserFilter {
        path = copy(path, "path");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(type, "type");
        values = copy(values, "values");
        String name = UserFilterRules.name(path, op, type);
        UserFilterRules.checkPath(name, path);
        values = UserFilterRules.checkValues(name, op, type, values);
    }

    private static List<String> copy(List<String> list, String name) {
        Objects.requireNonNull(list, name);
        List<String> out = new ArrayList<>(list.size());
        for (String s : list) {
            out.add(Objects.requireNonNull(s, name));
        }
        return List.copyOf(out);
    }

    /**
     * A filter on the dot-separated {@code dottedPath} inside the event, e.g. {@code "location.city"}.
     *
     * @param dottedPath the keys inside the event, separated by dots
     * @param op the comparison
     * @param type how the values are read
     * @param values the compared values as a query writes them; one, or several for {@code in} and {@code nin}
     * @return the filter
     * @throws InvalidFilterException as the canonical constructor does, or for an empty key in the path
     */
    public static UserFilter of(String dottedPath, Operator op, FieldType type, String... values) {
        Objects.requireNonNull(dottedPath, "dottedPath");
        Objects.requireNonNull(values, "values");
        return new UserFilter(UserFilterRules.splitPath("event." + dottedPath, dottedPath), op, type,
                List.of(values));
    }

    /**
     * Reads the query parameter {@code name=value}, both decoded: {@code value} is split on commas for
     * {@code in} and {@code nin} only.
     *
     * @param name the parameter name, such as {@code event.temperature__gt:numeric}
     * @param value the parameter value, such as {@code 37.5}
     * @return the filter
     * @throws InvalidFilterException naming {@code name} when the name is malformed (it must start with
     *     {@code event.}) or the value does not fit it
     */
    public static UserFilter parse(String name, String value) {
        return UserFilterRules.parse(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    /**
     * The canonical parameter name, {@code event.<path>[__<op>][:<type>]}: {@code __eq} and {@code :string}
     * are left out unless the path itself holds {@code __} or {@code :}.
     *
     * @return the parameter name
     */
    public String parameterName() {
        return UserFilterRules.name(path, op, type);
    }

    /** {@return the canonical decoded value: the values joined by commas} */
    public String queryValue() {
        return String.join(",", values);
    }

    /** {@return where the filter reads: {@code event} then the keys of {@link #path()}, taken literally} */
    public Field field() {
        return UserFilterRules.field(path);
    }

    /** {@return the core filter this user filter stands for; see the class comment for the semantics} */
    public Filter toFilter() {
        return UserFilterRules.toFilter(this);
    }

    /** A comparison operator of user filters; written in lower case after {@code __} in a parameter name. */
    public enum Operator {
        /** Equals the value (the default); {@code none}: the field is null or missing. */
        EQ,
        /** Is present, of the type, and differs from the value; {@code none}: any non-null value of any type. */
        NE,
        /** Is greater than the value; needs {@link FieldType#INTEGER} or {@link FieldType#NUMERIC}. */
        GT,
        /** Is greater than or equal to the value; needs integer or numeric. */
        GTE,
        /** Is less than the value; needs integer or numeric. */
        LT,
        /** Is less than or equal to the value; needs integer or numeric. */
        LTE,
        /** Equals one of the comma-separated values; {@code none} among them admits null or missing. */
        IN,
        /** Is present, of the type, and equals none of the comma-separated values. */
        NIN,
        /** Is a string containing the value, case-sensitively; needs {@link FieldType#STRING}. */
        LIKE;

        /** {@return the token in a parameter name, e.g. {@code gte}} */
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@return whether the value is a comma-separated list ({@code in}, {@code nin})} */
        public boolean takesList() {
            return this == IN || this == NIN;
        }

        /** {@return whether {@value UserFilter#NONE} is allowed ({@code eq}, {@code ne}, {@code in}, {@code nin})} */
        public boolean allowsNone() {
            return this == EQ || this == NE || this == IN || this == NIN;
        }

        /**
         * The operator written {@code token}, case-sensitively.
         *
         * @param token the operator as a parameter name writes it, such as {@code gte}
         * @return the operator, or empty when none is written so
         */
        public static Optional<Operator> fromToken(String token) {
            for (Operator op : values()) {
                if (op.token().equals(token)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    /** The JSON type a user filter converts its values to; written after {@code :} in a parameter name. */
    public enum FieldType {
        /** A JSON string (the default). */
        STRING(ValueType.STRING),
        /** A JSON number without fraction or exponent: {@code 4}, not {@code 4.5} nor {@code "4"}. */
        INTEGER(ValueType.INTEGER),
        /** Any JSON number, compared numerically. */
        NUMERIC(ValueType.NUMBER),
        /** JSON {@code true} or {@code false}; the number {@code 1} is not a boolean. */
        BOOLEAN(ValueType.BOOLEAN);

        private final ValueType valueType;

        FieldType(ValueType valueType) {
            this.valueType = valueType;
        }

        /** {@return the token in a parameter name, e.g. {@code numeric}} */
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@return the core type a field must have for the filter to read it} */
        public ValueType valueType() {
            return valueType;
        }

        /**
         * The type written {@code token}, case-sensitively.
         *
         * @param token the type as a parameter name writes it, such as {@code numeric}
         * @return the type, or empty when none is written so
         */
        public static Optional<FieldType> fromToken(String token) {
            for (FieldType type : values()) {
                if (type.token().equals(token)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }
}
