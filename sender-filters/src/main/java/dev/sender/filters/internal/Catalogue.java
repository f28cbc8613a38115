package dev.sender.filters.internal;

import static dev.sender.filters.internal.Parameters.*;

import dev.sender.core.filter.Filter;
import dev.sender.filters.FilterParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fixed parameters one kind of subscription accepts, in the order of its SPEC table; a filter keeps its
 * values in that order, so it prints canonically and compares structurally.
 */
public final class Catalogue {

    /** SPEC §3, handler events. */
    public static final Catalogue HANDLER = new Catalogue(List.of(HANDLER_IDS, SOURCES, STREAM_IDS, TAGS,
            USER_DATA, MATCHING_CANDIDATES_LABELS, OBJECT_SIMILARITY_GTE, OBJECT_SIMILARITY_LT, AGE_GTE, AGE_LT,
            GENDER, ETHNIC_GROUPS, LIVENESS, DEEPFAKE, MASKS, EMOTIONS, GEO_POSITION, CITIES, AREAS, DISTRICTS,
            STREETS, HOUSE_NUMBERS, APPARENT_GENDER, APPARENT_AGE_GTE, APPARENT_AGE_LT, HEADWEAR_STATES,
            HEADWEAR_COLORS, SLEEVE_LENGTHS, UPPER_CLOTHING_COLORS, LOWER_GARMENT_COLORS, LOWER_GARMENT_TYPES,
            SHOES_COLORS, BACKPACK_STATES));

    /** SPEC §4, the fixed parameters of general events. */
    public static final Catalogue GENERAL = new Catalogue(List.of(EVENT_TYPE, ACCOUNT_ID, SOURCES, STREAM_IDS,
            GEO_POSITION, CITIES, AREAS, DISTRICTS, STREETS, HOUSE_NUMBERS));

    private final List<Parameter<?>> parameters;
    private final Map<String, Parameter<?>> byName = new LinkedHashMap<>();

    private Catalogue(List<Parameter<?>> parameters) {
        this.parameters = parameters;
        parameters.forEach(p -> byName.put(p.name(), p));
    }

    /** The parameters, in printing order. */
    public List<Parameter<?>> parameters() {
        return parameters;
    }

    /**
     * What each parameter takes, in printing order.
     *
     * @return the descriptions
     */
    public List<FilterParameter> describe() {
        return parameters.stream().map(Parameter::describe).toList();
    }

    /** The parameter called {@code name}, case-sensitively, or {@code null}. */
    public @Nullable Parameter<?> find(String name) {
        return byName.get(name);
    }

    /**
     * Looks {@code name} up and reads {@code text} with it.
     *
     * @throws dev.sender.filters.InvalidFilterException for an unknown name or a value that does not read
     */
    public void parseInto(Map<Parameter<?>, Object> values, String name, String text) {
        Parameter<?> parameter = find(name);
        if (parameter == null) {
            throw Problems.invalid(name, "unknown parameter");
        }
        values.put(parameter, parameter.parse(text));
    }

    /** An unmodifiable copy of {@code values} in catalogue order. */
    public Map<Parameter<?>, Object> ordered(Map<Parameter<?>, Object> values) {
        Map<Parameter<?>, Object> out = new LinkedHashMap<>();
        for (Parameter<?> p : parameters) {
            Object value = values.get(p);
            if (value != null) {
                out.put(p, value);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The decoded canonical text of each value, by parameter name, in catalogue order. */
    public static Map<String, String> queryParameters(Map<Parameter<?>, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((p, v) -> out.put(p.name(), p.format(v)));
        return out;
    }

    /** The core filter of each value, in catalogue order. */
    public static List<Filter> filters(Map<Parameter<?>, Object> values) {
        List<Filter> out = new ArrayList<>();
        values.forEach((p, v) -> out.add(p.toFilter(v)));
        return out;
    }
}
