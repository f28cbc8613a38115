package dev.sender.filters;

import dev.sender.core.filter.Filter;
import dev.sender.filters.internal.Catalogue;
import dev.sender.filters.internal.Parameter;
import dev.sender.filters.internal.Parameters;
import dev.sender.filters.internal.Problems;
import dev.sender.filters.internal.QueryStrings;
import dev.sender.filters.internal.UserFilterRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The filters of a general-event subscription ({@code /{api}/general_events/ws}, SPEC §4), as an immutable
 * value: fixed parameters ({@code event_type}, {@code account_id}, {@code sources}, {@code stream_ids},
 * {@code geo_position} and the location lists) and any number of {@link UserFilter}s
 * {@code event.<path>[__<op>][:<type>]=value}. Everything combines with AND.
 *
 * <pre>{@code
 * GeneralEventFilter parsed = GeneralEventFilter.parse(
 *         "event_type=door_opened&event.field_1__gt:numeric=36.6&event.field_2.field_3__in=value,none");
 * GeneralEventFilter built = GeneralEventFilter.builder()
 *         .eventTypes("door_opened")
 *         .where(UserFilter.of("field_1", Operator.GT, FieldType.NUMERIC, "36.6"))
 *         .where(UserFilter.of("field_2.field_3", Operator.IN, FieldType.STRING, "value", "none"))
 *         .build();
 * parsed.equals(built); // true
 * }</pre>
 *
 * <p>Two filters are equal when they have the same fixed parameters with the same values and the same user
 * filters in the same order. {@code parse(f.toQueryString())} equals {@code f} for every filter.
 */
public final class GeneralEventFilter {

    private static final GeneralEventFilter EMPTY = new GeneralEventFilter(Map.of(), List.of());

    /** Fixed values by parameter, in the order of SPEC §4; each value is immutable and checked. */
    private final Map<Parameter<?>, Object> values;
    /** User filters in insertion order, no two with the same parameter name. */
    private final List<UserFilter> userFilters;

    private GeneralEventFilter(Map<Parameter<?>, Object> values, List<UserFilter> userFilters) {
        this.values = values;
        this.userFilters = userFilters;
    }

    /** {@return a builder of a filter with no parameter} */
    public static Builder builder() {
        return new Builder(Map.of(), List.of());
    }

    /** {@return the filter with no parameter, which every general event passes} */
    public static GeneralEventFilter empty() {
        return EMPTY;
    }

    /** {@return a builder that starts from this filter's parameters} */
    public Builder toBuilder() {
        return new Builder(values, userFilters);
    }

    /**
     * Reads a subscription's query string as it was received: still percent-encoded, without the leading
     * {@code ?}, possibly empty.
     *
     * @param rawQuery the raw query string
     * @return the filter the query describes
     * @throws InvalidFilterException for anything that is not a valid filter: an unknown or repeated
     *     parameter, a malformed escape or name, an unknown operator or type, an impossible combination, a
     *     value that does not convert
     */
    public static GeneralEventFilter parse(String rawQuery) {
        return parse(QueryStrings.decode(Objects.requireNonNull(rawQuery, "rawQuery")));
    }

    /**
     * Reads already-decoded parameters: each name maps to the values it was given with; more than one value
     * means the parameter was repeated.
     *
     * @param parameters decoded names to decoded values
     * @return the filter the parameters describe
     * @throws InvalidFilterException as {@link #parse(String)}
     */
    public static GeneralEventFilter parse(Map<String, List<String>> parameters) {
        Builder builder = builder();
        QueryStrings.forEachSingle(parameters, (name, value) -> {
            if (Catalogue.GENERAL.find(name) != null) {
                Catalogue.GENERAL.parseInto(builder.values, name, value);
            } else if (name.startsWith(UserFilterRules.PREFIX)) {
                builder.add(UserFilter.parse(name, value), name);
            } else {
                throw Problems.invalid(name,
                        "unknown parameter; expected a fixed filter or event.<path>[__<op>][:<type>]");
            }
        });
        return builder.build();
    }

    /** {@return the user filters, in the order they were given} */
    public List<UserFilter> userFilters() {
        return userFilters;
    }

    /**
     * The fixed parameters of a general-event subscription (SPEC §4), described: name, value type, list or not,
     * choices and range, in the order of the SPEC. The user-defined filters ({@code event.<path>...}, see
     * {@link UserFilter}) come in addition.
     *
     * @return the descriptions, unmodifiable
     */
    public static List<FilterParameter> parameters() {
        return Catalogue.GENERAL.describe();
    }

    /** {@return whether the filter has no parameter, so that every event passes} */
    public boolean isEmpty() {
        return values.isEmpty() && userFilters.isEmpty();
    }

    /**
     * The canonical query string: fixed parameters in the SPEC order, then user filters in their order, values
     * percent-encoded; empty when there is no parameter.
     *
     * @return the query string, without a leading {@code ?}
     */
    public String toQueryString() {
        return QueryStrings.encode(toQueryParameters());
    }

    /** {@return the canonical decoded value of each parameter, by name, in printing order} */
    public Map<String, String> toQueryParameters() {
        Map<String, String> out = new LinkedHashMap<>(Catalogue.queryParameters(values));
        for (UserFilter f : userFilters) {
            out.put(f.parameterName(), f.queryValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@return the core filter: the AND of every parameter's filter; {@link Filter#any()} when there is none} */
    public Filter toFilter() {
        List<Filter> filters = new ArrayList<>(Catalogue.filters(values));
        for (UserFilter f : userFilters) {
            filters.add(f.toFilter());
        }
        return Filter.and(filters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneralEventFilter other && values.equals(other.values)
                && userFilters.equals(other.userFilters);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + userFilters.hashCode();
    }

    /** The filter as its decoded parameters, e.g. {@code GeneralEventFilter{event_type=a, event.x__gt:integer=3}}. */
    @Override
    public String toString() {
        return "GeneralEventFilter" + toQueryParameters();
    }

    /**
     * Builds a {@link GeneralEventFilter}. Each setter replaces its parameter's value and fails at once, with an
     * {@link InvalidFilterException} naming the parameter, on a value no query could carry.
     */
    public static final class Builder extends FilterBuilder<Builder> {

        private final Map<String, UserFilter> userFilters;

        private Builder(Map<Parameter<?>, Object> values, List<UserFilter> userFilters) {
            super(values);
            this.userFilters = new LinkedHashMap<>();
            userFilters.forEach(f -> this.userFilters.put(f.parameterName(), f));
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * {@code event_type}: the message's {@code event_type} is one of {@code eventTypes}.
         *
         * @param eventTypes the accepted event types; they replace any set before
         * @return this builder
         */
        public Builder eventTypes(String... eventTypes) {
            return list(Parameters.EVENT_TYPE, eventTypes);
        }

        /**
         * {@code account_id}: the message's {@code account_id} is {@code accountId}.
         *
         * @param accountId the account whose general events pass
         * @return this builder
         */
        public Builder accountId(UUID accountId) {
            return set(Parameters.ACCOUNT_ID, accountId);
        }

        /**
         * Adds a user filter, after those added before.
         *
         * @param filter a condition on a field of the event
         * @return this builder
         * @throws InvalidFilterException when a user filter with the same {@linkplain UserFilter#parameterName()
         *     parameter name} is already there, as a query cannot repeat a parameter
         */
        public Builder where(UserFilter filter) {
            Objects.requireNonNull(filter, "filter");
            return add(filter, filter.parameterName());
        }

        /**
         * Removes the fixed parameter or the user filter called {@code parameter} (its canonical name, e.g.
         * {@code "event.field_1__gt:numeric"}), if set.
         *
         * @param parameter the canonical name of a fixed parameter or of a user filter
         * @return this builder
         * @throws InvalidFilterException when {@code parameter} is neither a fixed parameter nor a user-filter name
         */
        public Builder without(String parameter) {
            Objects.requireNonNull(parameter, "parameter");
            Parameter<?> p = Catalogue.GENERAL.find(parameter);
            if (p != null) {
                values.remove(p);
            } else if (parameter.startsWith(UserFilterRules.PREFIX)) {
                userFilters.remove(parameter);
            } else {
                throw new InvalidFilterException(parameter, "unknown parameter");
            }
            return this;
        }

        /** {@return the filter with the parameters set so far} */
        public GeneralEventFilter build() {
            if (values.isEmpty() && userFilters.isEmpty()) {
                return EMPTY;
            }
            return new GeneralEventFilter(Catalogue.GENERAL.ordered(values), List.copyOf(userFilters.values()));
        }

        private Builder add(UserFilter filter, String given) {
            String name = filter.parameterName();
            if (userFilters.containsKey(name)) {
                throw Problems.invalid(given, name.equals(given)
                        ? "repeated parameter; give it once"
                        : "repeats the filter '" + name + "'; give it once");
            }
            userFilters.put(name, filter);
            return this;
        }
    }
}
