package dev.sender.filters;

import dev.sender.filters.internal.Parameter;
import dev.sender.filters.internal.Parameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the builders of {@link HandlerEventFilter} and {@link GeneralEventFilter} share: the fixed parameters
 * both subscriptions take (sources, streams and location, SPEC §3 and §4), and the checked setting of a value.
 *
 * @param <B> the builder itself, which every setter returns
 */
abstract sealed class FilterBuilder<B extends FilterBuilder<B>> permits HandlerEventFilter.Builder,
        GeneralEventFilter.Builder {

    /** Checked, immutable values by parameter. */
    final Map<Parameter<?>, Object> values;

    FilterBuilder(Map<Parameter<?>, Object> values) {
        this.values = new HashMap<>(values);
    }

    abstract B self();

    /**
     * {@code sources}: {@code event.source} is one of {@code sources}.
     *
     * @param sources the accepted sources; they replace any set before
     * @return this builder
     */
    public B sources(String... sources) {
        return list(Parameters.SOURCES, sources);
    }

    /**
     * {@code stream_ids}: {@code event.stream_id} is one of {@code streamIds}.
     *
     * @param streamIds the accepted stream ids; they replace any set before
     * @return this builder
     */
    public B streamIds(UUID... streamIds) {
        return list(Parameters.STREAM_IDS, streamIds);
    }

    /**
     * {@code geo_position}: {@code event.location.geo_position} lies within {@code bounds}.
     *
     * @param bounds the box the position must lie in
     * @return this builder
     */
    public B geoPosition(GeoBounds bounds) {
        return set(Parameters.GEO_POSITION, bounds);
    }

    /**
     * {@code cities}: {@code event.location.city} is one of {@code cities}.
     *
     * @param cities the accepted cities; they replace any set before
     * @return this builder
     */
    public B cities(String... cities) {
        return list(Parameters.CITIES, cities);
    }

    /**
     * {@code areas}: {@code event.location.area} is one of {@code areas}.
     *
     * @param areas the accepted areas; they replace any set before
     * @return this builder
     */
    public B areas(String... areas) {
        return list(Parameters.AREAS, areas);
    }

    /**
     * {@code districts}: {@code event.location.district} is one of {@code districts}.
     *
     * @param districts the accepted districts; they replace any set before
     * @return this builder
     */
    public B districts(String... districts) {
        return list(Parameters.DISTRICTS, districts);
    }

    /**
     * {@code streets}: {@code event.location.street} is one of {@code streets}.
     *
     * @param streets the accepted streets; they replace any set before
     * @return this builder
     */
    public B streets(String... streets) {
        return list(Parameters.STREETS, streets);
    }

    /**
     * {@code house_numbers}: {@code event.location.house_number} is one of {@code houseNumbers}.
     *
     * @param houseNumbers the accepted house numbers; they replace any set before
     * @return this builder
     */
    public B houseNumbers(String... houseNumbers) {
        return list(Parameters.HOUSE_NUMBERS, houseNumbers);
    }

    /** Sets {@code parameter} to {@code value} once the parameter has checked it. */
    final <T> B set(Parameter<T> parameter, T value) {
        values.put(parameter, parameter.check(value));
        return self();
    }

    /** Sets the list {@code parameter} to {@code items}, none of them null. */
    final <E> B list(Parameter<List<E>> parameter, E[] items) {
        Objects.requireNonNull(items, parameter.name());
        List<E> list = new ArrayList<>(items.length);
        for (E item : items) {
            list.add(Objects.requireNonNull(item, parameter.name()));
        }
        return set(parameter, list);
    }
}
