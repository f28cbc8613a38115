package dev.sender.core.filter;

import dev.sender.core.event.EventMessage;
import dev.sender.core.internal.filter.FilterEvaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A condition on the messages a subscription receives, as immutable data.
 *
 * <p>Filters are built with the static factories of this interface, combine with {@link #and(Filter)},
 * {@link #or(Filter)} and {@link #not(Filter)}, compare structurally with {@code equals}, and print
 * themselves readably. A broker compiles a filter once per subscription into a matcher that evaluates
 * against a view of each event extracted once, whatever the number of subscribers.
 *
 * <p>A comparison on a field that the message lacks (missing, {@code null}, or of a JSON type the compared
 * values do not have) does not match; {@link #not(Filter)} of it does. A comparison on a field that yields
 * several values (through an array) matches when any of them does.
 *
 * <pre>{@code
 * Filter adults = Filter.gte(Field.of("event.face_attributes.basic_attributes.age"), Value.integer(18));
 * Filter cams = Filter.in(Field.of("event.source"), Value.string("cam1"), Value.string("cam2"));
 * Filter f = adults.and(cams);
 * }</pre>
 */
public sealed interface Filter
        permits Filter.Any, Filter.In, Filter.ContainsAll, Filter.Range, Filter.Like, Filter.GeoBox,
                Filter.Present, Filter.And, Filter.Or, Filter.Not {

    /** {@return the filter that matches every message; the identity of {@link #and(Filter...)}} */
    static Filter any() {
        return Any.INSTANCE;
    }

    /**
     * The field holds {@code value}.
     *
     * @param field where to read
     * @param value the value the field must hold
     * @return the filter
     */
    static Filter eq(Field field, Value value) {
        return new In(field, List.of(value));
    }

    /**
     * The field holds one of {@code values}.
     *
     * @param field where to read
     * @param values the accepted values; at least one
     * @return the filter
     */
    static Filter in(Field field, Value... values) {
        return new In(field, Arrays.asList(values));
    }

    /**
     * The field holds one of {@code values}.
     *
     * @param field where to read
     * @param values the accepted values; at least one
     * @return the filter
     */
    static Filter in(Field field, Collection<? extends Value> values) {
        return new In(field, values);
    }

    /**
     * The field's values include every one of {@code values}, as {@code tags} needs.
     *
     * @param field where to read; usually an array, such as {@code event.tags[]}
     * @param values the values that must all be present; at least one
     * @return the filter
     */
    static Filter containsAll(Field field, Collection<? extends Value> values) {
        return new ContainsAll(field, values);
    }

    /**
     * The field holds a number greater than {@code bound}.
     *
     * @param field where to read
     * @param bound the exclusive lower bound, an {@linkplain Value#integer(long) integer} or a
     *     {@linkplain Value#number(double) number}
     * @return the filter
     */
    static Filter gt(Field field, Value bound) {
        return new Range(field, bound, false, null, false);
    }

    /**
     * The field holds a number greater than or equal to {@code bound}.
     *
     * @param field where to read
     * @param bound the inclusive lower bound, an {@linkplain Value#integer(long) integer} or a
     *     {@linkplain Value#number(double) number}
     * @return the filter
     */
    static Filter gte(Field field, Value bound) {
        return new Range(field, bound, true, null, false);
    }

    /**
     * The field holds a number less than {@code bound}.
     *
     * @param field where to read
     * @param bound the exclusive upper bound, an {@linkplain Value#integer(long) integer} or a
     *     {@linkplain Value#number(double) number}
     * @return the filter
     */
    static Filter lt(Field field, Value bound) {
        return new Range(field, null, false, bound, false);
    }

    /**
     * The field holds a number less than or equal to {@code bound}.
     *
     * @param field where to read
     * @param bound the inclusive upper bound, an {@linkplain Value#integer(long) integer} or a
     *     {@linkplain Value#number(double) number}
     * @return the filter
     */
    static Filter lte(Field field, Value bound) {
        return new Range(field, null, false, bound, true);
    }

    /**
     * The field holds a string that contains {@code substring} (case-sensitive).
     *
     * @param field where to read
     * @param substring what the string must contain
     * @return the filter
     */
    static Filter like(Field field, String substring) {
        return new Like(field, substring);
    }

    /**
     * The point at ({@code longitude}, {@code latitude}) lies in the box centred on the origin:
     * {@code |lon − originLongitude| ≤ longitudeDelta} and {@code |lat − originLatitude| ≤ latitudeDelta}.
     *
     * @param longitude where to read the point's longitude
     * @param latitude where to read the point's latitude
     * @param originLongitude longitude of the centre of the box
     * @param originLatitude latitude of the centre of the box
     * @param longitudeDelta half the width of the box, in degrees; not negative
     * @param latitudeDelta half the height of the box, in degrees; not negative
     * @return the filter
     */
    static Filter geoBox(Field longitude, Field latitude, double originLongitude, double originLatitude,
            double longitudeDelta, double latitudeDelta) {
        return new GeoBox(longitude, latitude, originLongitude, originLatitude, longitudeDelta, latitudeDelta);
    }

    /**
     * The field holds a non-null value of {@code type} ({@link ValueType#ANY} for any non-null value).
     *
     * @param field where to read
     * @param type the JSON type the value must have
     * @return the filter
     */
    static Filter present(Field field, ValueType type) {
        return new Present(field, type);
    }

    /**
     * The field is missing or {@code null}.
     *
     * @param field where to read
     * @return the filter: the negation of {@link #present(Field, ValueType) present(field, ANY)}
     */
    static Filter absent(Field field) {
        return not(present(field, ValueType.ANY));
    }

    /**
     * Every one of {@code filters} matches; {@link #any()} when there are none.
     *
     * @param filters the operands
     * @return their conjunction, flattened: nested conjunctions and {@link #any()} operands are merged away
     */
    static Filter and(Filter... filters) {
        return And.of(Arrays.asList(filters));
    }

    /**
     * Every one of {@code filters} matches; {@link #any()} when there are none.
     *
     * @param filters the operands
     * @return their conjunction, flattened: nested conjunctions and {@link #any()} operands are merged away
     */
    static Filter and(Collection<? extends Filter> filters) {
        return And.of(filters);
    }

    /**
     * At least one of {@code filters} matches; there must be at least one.
     *
     * @param filters the operands
     * @return their disjunction, flattened: nested disjunctions are merged; {@link #any()} if one operand is
     */
    static Filter or(Filter... filters) {
        return Or.of(Arrays.asList(filters));
    }

    /**
     * At least one of {@code filters} matches; there must be at least one.
     *
     * @param filters the operands
     * @return their disjunction, flattened: nested disjunctions are merged; {@link #any()} if one operand is
     */
    static Filter or(Collection<? extends Filter> filters) {
        return Or.of(filters);
    }

    /**
     * {@code filter} does not match.
     *
     * @param filter the filter to negate
     * @return the negation; {@code not(not(f))} is {@code f}
     */
    static Filter not(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return filter instanceof Not n ? n.filter() : new Not(filter);
    }

    /**
     * This filter and {@code other}.
     *
     * @param other the filter that must match too
     * @return the conjunction of both
     */
    default Filter and(Filter other) {
        return and(this, other);
    }

    /**
     * This filter or {@code other}.
     *
     * @param other the alternative
     * @return the disjunction of both
     */
    default Filter or(Filter other) {
        return or(this, other);
    }

    /** {@return the negation of this filter} */
    default Filter negate() {
        return not(this);
    }

    /**
     * Whether {@code message} passes this filter. This compiles the filter and reads the message for one
     * answer; a broker instead compiles once per subscription and reads each event once for all of them.
     *
     * @param message the message a subscriber would receive
     * @return {@code true} when the message passes
     */
    default boolean matches(EventMessage message) {
        return FilterEvaluation.matches(this, message);
    }

    /** Matches every message. */
    record Any() implements Filter {
        static final Any INSTANCE = new Any();

        @Override
        public String toString() {
            return "any()";
        }
    }

    /**
     * The field holds one of the values.
     *
     * @param field where to read
     * @param values the accepted values, in the order given, without repeats; not empty
     */
    record In(Field field, java.util.Set<Value> values) implements Filter {
        /**
         * Checks and copies the values.
         *
         * @param field where to read
         * @param values the accepted values; not empty
         */
        public In {
            Objects.requireNonNull(field, "field");
            values = Filters.orderedSet(values, "values");
        }

        In(Field field, Collection<? extends Value> values) {
            this(field, Filters.orderedSet(values, "values"));
        }

        @Override
        public String toString() {
            return values.size() == 1 ? field + " == " + values.iterator().next()
                    : field + " in " + Filters.list(values);
        }
    }

    /**
     * The field's values include every one of the values.
     *
     * @param field where to read; usually an array, such as {@code event.tags[]}
     * @param values the values that must all be present; not empty
     */
    record ContainsAll(Field field, java.util.Set<Value> values) implements Filter {
        /**
         * Checks and copies the values.
         *
         * @param field where to read
         * @param values the values that must all be present; not empty
         */
        public ContainsAll {
            Objects.requireNonNull(field, "field");
            values = Filters.orderedSet(values, "values");
        }

        ContainsAll(Field field, Collection<? extends Value> values) {
            this(field, Filters.orderedSet(values, "values"));
        }

        @Override
        public String toString() {
            return field + " contains all " + Filters.list(values);
        }
    }

    /**
     * The field holds a number within bounds; at least one bound is given, and bounds are
     * {@link ValueType#INTEGER} (the field must be an integer) or {@link ValueType#NUMBER} (any number).
     *
     * @param field where to read
     * @param lower the lower bound, or {@code null} for none
     * @param lowerInclusive whether the lower bound itself matches
     * @param upper the upper bound, or {@code null} for none
     * @param upperInclusive whether the upper bound itself matches
     */
    record Range(Field field, @org.jspecify.annotations.Nullable Value lower, boolean lowerInclusive,
            @org.jspecify.annotations.Nullable Value upper, boolean upperInclusive) implements Filter {
        /**
         * Checks the bounds.
         *
         * @param field where to read
         * @param lower the lower bound, or {@code null} for none
         * @param lowerInclusive whether the lower bound itself matches
         * @param upper the upper bound, or {@code null} for none; at least one bound is given
         * @param upperInclusive whether the upper bound itself matches
         */
        public Range {
            Objects.requireNonNull(field, "field");
            if (lower == null && upper == null) {
                throw new IllegalArgumentException("a range needs at least one bound");
            }
            Filters.requireNumeric(lower, "lower");
            Filters.requireNumeric(upper, "upper");
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            if (lower != null) {
                out.append(lower).append(lowerInclusive ? " <= " : " < ");
            }
            out.append(field);
            if (upper != null) {
                out.append(upperInclusive ? " <= " : " < ").append(upper);
            }
            return out.toString();
        }
    }

    /**
     * The field holds a string containing the substring.
     *
     * @param field where to read
     * @param substring what the string must contain, case-sensitively
     */
    record Like(Field field, String substring) implements Filter {
        /**
         * Checks the arguments.
         *
         * @param field where to read
         * @param substring what the string must contain
         */
        public Like {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(substring, "substring");
        }

        @Override
        public String toString() {
            return field + " like " + new Value.Str(substring);
        }
    }

    /**
     * The point lies in the box centred on the origin; see {@link Filter#geoBox}.
     *
     * @param longitude where to read the longitude
     * @param latitude where to read the latitude
     * @param originLongitude longitude of the centre
     * @param originLatitude latitude of the centre
     * @param longitudeDelta half the width of the box, not negative
     * @param latitudeDelta half the height of the box, not negative
     */
    record GeoBox(Field longitude, Field latitude, double originLongitude, double originLatitude,
            double longitudeDelta, double latitudeDelta) implements Filter {
        /**
         * Checks the box.
         *
         * @param longitude where to read the longitude
         * @param latitude where to read the latitude
         * @param originLongitude longitude of the centre; finite
         * @param originLatitude latitude of the centre; finite
         * @param longitudeDelta half the width of the box; finite, not negative
         * @param latitudeDelta half the height of the box; finite, not negative
         */
        public GeoBox {
            Objects.requireNonNull(longitude, "longitude");
            Objects.requireNonNull(latitude, "latitude");
            Filters.requireFinite(originLongitude, "originLongitude");
            Filters.requireFinite(originLatitude, "originLatitude");
            Filters.requireFinite(longitudeDelta, "longitudeDelta");
            Filters.requireFinite(latitudeDelta, "latitudeDelta");
            if (longitudeDelta < 0 || latitudeDelta < 0) {
                throw new IllegalArgumentException("deltas must not be negative");
            }
        }

        @Override
        public String toString() {
            return "(" + longitude + ", " + latitude + ") within (" + originLongitude + " ± " + longitudeDelta
                    + ", " + originLatitude + " ± " + latitudeDelta + ")";
        }
    }

    /**
     * The field holds a non-null value of the type.
     *
     * @param field where to read
     * @param type the JSON type required; {@link ValueType#ANY} accepts any non-null value
     */
    record Present(Field field, ValueType type) implements Filter {
        /**
         * Checks the arguments.
         *
         * @param field where to read
         * @param type the JSON type required
         */
        public Present {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String toString() {
            return field + (type == ValueType.ANY ? " is present" : " is " + type.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Every operand matches.
     *
     * @param filters the operands; at least two, none of them {@link And} or {@link Any}
     */
    record And(List<Filter> filters) implements Filter {
        /**
         * Checks and copies the operands.
         *
         * @param filters the operands; at least two
         */
        public And {
            filters = List.copyOf(filters);
            if (filters.size() < 2) {
                throw new IllegalArgumentException("and needs two operands or more; use Filter.and()");
            }
        }

        static Filter of(Collection<? extends Filter> operands) {
            List<Filter> flat = new ArrayList<>();
            for (Filter f : operands) {
                Objects.requireNonNull(f, "filter");
                if (f instanceof And and) {
                    flat.addAll(and.filters());
                } else if (!(f instanceof Any)) {
                    flat.add(f);
                }
            }
            return switch (flat.size()) {
                case 0 -> Any.INSTANCE;
                case 1 -> flat.get(0);
                default -> new And(flat);
            };
        }

        @Override
        public String toString() {
            return Filters.join(filters, " and ");
        }
    }

    /**
     * At least one operand matches.
     *
     * @param filters the operands; at least two, none of them {@link Or} or {@link Any}
     */
    record Or(List<Filter> filters) implements Filter {
        /**
         * Checks and copies the operands.
         *
         * @param filters the operands; at least two
         */
        public Or {
            filters = List.copyOf(filters);
            if (filters.size() < 2) {
                throw new IllegalArgumentException("or needs two operands or more; use Filter.or()");
            }
        }

        static Filter of(Collection<? extends Filter> operands) {
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("or needs at least one operand");
            }
            List<Filter> flat = new ArrayList<>();
            for (Filter f : operands) {
                Objects.requireNonNull(f, "filter");
                if (f instanceof Any) {
                    return Any.INSTANCE;
                }
                if (f instanceof Or or) {
                    flat.addAll(or.filters());
                } else {
                    flat.add(f);
                }
            }
            return flat.size() == 1 ? flat.get(0) : new Or(flat);
        }

        @Override
        public String toString() {
            return Filters.join(filters, " or ");
        }
    }

    /**
     * The operand does not match.
     *
     * @param filter the negated filter
     */
    record Not(Filter filter) implements Filter {
        /**
         * Checks the operand.
         *
         * @param filter the negated filter
         */
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public String toString() {
            return "not (" + filter + ")";
        }
    }
}
