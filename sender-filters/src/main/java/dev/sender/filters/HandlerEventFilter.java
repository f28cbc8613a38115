package dev.sender.filters;

import dev.sender.core.event.ApparentGender;
import dev.sender.core.event.Deepfake;
import dev.sender.core.event.Emotion;
import dev.sender.core.event.Ethnicity;
import dev.sender.core.event.ExpandedPaletteColor;
import dev.sender.core.event.Gender;
import dev.sender.core.event.Liveness;
import dev.sender.core.event.LowerGarmentType;
import dev.sender.core.event.Mask;
import dev.sender.core.event.PresenceState;
import dev.sender.core.event.ShortPaletteColor;
import dev.sender.core.event.SleeveLength;
import dev.sender.core.filter.Filter;
import dev.sender.filters.internal.Catalogue;
import dev.sender.filters.internal.Parameter;
import dev.sender.filters.internal.Parameters;
import dev.sender.filters.internal.QueryStrings;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The filters of a handler-event subscription ({@code /{api}/ws}, SPEC §3), as an immutable value. Different
 * parameters combine with AND; a list parameter matches when the event has any one of its values, except
 * {@code tags}, which needs all of them. An event that lacks the field a parameter reads does not match it.
 *
 * <p>Read one from a query string, or build one:
 *
 * <pre>{@code
 * HandlerEventFilter parsed = HandlerEventFilter.parse("gender=1&age__gte=30&sources=cam1,cam2");
 * HandlerEventFilter built = HandlerEventFilter.builder()
 *         .gender(Gender.MALE).ageAtLeast(30).sources("cam1", "cam2").build();
 * parsed.equals(built);       // true
 * built.toQueryString();      // "sources=cam1,cam2&age__gte=30&gender=1"
 * Filter core = built.toFilter();
 * }</pre>
 *
 * <p>Two filters are equal when they have the same parameters with the same values, list items in the same
 * order. {@code parse(f.toQueryString())} equals {@code f} for every filter.
 */
public final class HandlerEventFilter {

    private static final HandlerEventFilter EMPTY = new HandlerEventFilter(Map.of());

    /** Values by parameter, in the order of the SPEC table; each value is immutable and checked. */
    private final Map<Parameter<?>, Object> values;

    private HandlerEventFilter(Map<Parameter<?>, Object> values) {
        this.values = values;
    }

    /** {@return a builder of a filter with no parameter} */
    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** {@return the filter with no parameter, which every event of the account passes} */
    public static HandlerEventFilter empty() {
        return EMPTY;
    }

    /** {@return a builder that starts from this filter's parameters} */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /**
     * Reads a subscription's query string as it was received: still percent-encoded, without the leading
     * {@code ?}, possibly empty. Pieces are separated by {@code &}; {@code +} and {@code %20} are spaces.
     *
     * @param rawQuery the raw query string
     * @return the filter the query describes
     * @throws InvalidFilterException for anything that is not a valid filter: an unknown or repeated
     *     parameter, a malformed escape, an empty value or item, a value outside its type, range or enum
     */
    public static HandlerEventFilter parse(String rawQuery) {
        return parse(QueryStrings.decode(Objects.requireNonNull(rawQuery, "rawQuery")));
    }

    /**
     * Reads already-decoded parameters, as a server framework hands them over: each name maps to the values it
     * was given with; more than one value means the parameter was repeated.
     *
     * @param parameters decoded names to decoded values
     * @return the filter the parameters describe
     * @throws InvalidFilterException as {@link #parse(String)}
     */
    public static HandlerEventFilter parse(Map<String, List<String>> parameters) {
        Map<Parameter<?>, Object> values = new HashMap<>();
        QueryStrings.forEachSingle(parameters, (name, value) -> Catalogue.HANDLER.parseInto(values, name, value));
        return values.isEmpty() ? EMPTY : new HandlerEventFilter(Catalogue.HANDLER.ordered(values));
    }

    /**
     * Every parameter of a handler-event subscription (SPEC §3), described: name, value type, list or not, choices
     * and range, in the order of the SPEC table.
     *
     * @return the descriptions, unmodifiable
     */
    public static List<FilterParameter> parameters() {
        return Catalogue.HANDLER.describe();
    }

    /** {@return whether the filter has no parameter, so that every event passes} */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The canonical query string: parameters in the SPEC order, values percent-encoded (a space as {@code +});
     * empty when there is no parameter.
     *
     * @return the query string, without a leading {@code ?}
     */
    public String toQueryString() {
        return QueryStrings.encode(toQueryParameters());
    }

    /** {@return the canonical decoded value of each parameter, by name, in the SPEC order; lists are comma-joined} */
    public Map<String, String> toQueryParameters() {
        return Collections.unmodifiableMap(Catalogue.queryParameters(values));
    }

    /** {@return the core filter: the AND of every parameter's filter; {@link Filter#any()} when there is none} */
    public Filter toFilter() {
        return Filter.and(Catalogue.filters(values));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandlerEventFilter other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The filter as its decoded parameters, e.g. {@code HandlerEventFilter{age__gte=30, gender=1}}. */
    @Override
    public String toString() {
        return "HandlerEventFilter" + toQueryParameters();
    }

    /**
     * Builds a {@link HandlerEventFilter}. Each setter replaces the parameter's value and fails at once, with an
     * {@link InvalidFilterException} naming the parameter, on a value no query could carry: an empty list, an
     * empty string, a list item holding a comma, a tag over 36 characters, a number out of range.
     */
    public static final class Builder extends FilterBuilder<Builder> {

        private Builder(Map<Parameter<?>, Object> values) {
            super(values);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * {@code handler_ids}: the message's {@code handler_id} is one of {@code handlerIds}.
         *
         * @param handlerIds the accepted handlers; they replace any set before
         * @return this builder
         */
        public Builder handlerIds(UUID... handlerIds) {
            return list(Parameters.HANDLER_IDS, handlerIds);
        }

        /**
         * {@code tags}: {@code event.tags} holds every one of {@code tags}, each at most 36 characters.
         *
         * @param tags the tags the event must all carry; they replace any set before
         * @return this builder
         * @throws InvalidFilterException when a tag is longer than 36 characters
         */
        public Builder tags(String... tags) {
            return list(Parameters.TAGS, tags);
        }

        /**
         * {@code user_data}: {@code event.user_data} contains {@code substring}, case-sensitively.
         *
         * @param substring what {@code user_data} must contain
         * @return this builder
         */
        public Builder userData(String substring) {
            return set(Parameters.USER_DATA, substring);
        }

        /**
         * {@code matching_candidates_labels}: some {@code event.matches[].label} is one of {@code labels}.
         *
         * @param labels the accepted labels; they replace any set before
         * @return this builder
         */
        public Builder matchingCandidatesLabels(String... labels) {
            return list(Parameters.MATCHING_CANDIDATES_LABELS, labels);
        }

        /**
         * {@code object_similarity__gte}: the top candidate's similarity is at least {@code similarity}, in [0, 1].
         *
         * @param similarity the lowest similarity accepted
         * @return this builder
         * @throws InvalidFilterException when it is outside [0, 1]
         */
        public Builder objectSimilarityAtLeast(double similarity) {
            return set(Parameters.OBJECT_SIMILARITY_GTE, similarity);
        }

        /**
         * {@code object_similarity__lt}: the top candidate's similarity is below {@code similarity}, in [0, 1].
         *
         * @param similarity the similarity the top candidate must stay below
         * @return this builder
         * @throws InvalidFilterException when it is outside [0, 1]
         */
        public Builder objectSimilarityBelow(double similarity) {
            return set(Parameters.OBJECT_SIMILARITY_LT, similarity);
        }

        /**
         * {@code age__gte}: the face's age is at least {@code age}.
         *
         * @param age the lowest age accepted, in years
         * @return this builder
         */
        public Builder ageAtLeast(int age) {
            return set(Parameters.AGE_GTE, age);
        }

        /**
         * {@code age__lt}: the face's age is below {@code age}.
         *
         * @param age the age the face must be younger than, in years
         * @return this builder
         */
        public Builder ageBelow(int age) {
            return set(Parameters.AGE_LT, age);
        }

        /**
         * {@code gender}: the face's gender is {@code gender}.
         *
         * @param gender the gender accepted
         * @return this builder
         */
        public Builder gender(Gender gender) {
            return set(Parameters.GENDER, gender);
        }

        /**
         * {@code ethnic_groups}: the predominant ethnicity is one of {@code groups}.
         *
         * @param groups the accepted ethnicities; they replace any set before
         * @return this builder
         */
        public Builder ethnicGroups(Ethnicity... groups) {
            return list(Parameters.ETHNIC_GROUPS, groups);
        }

        /**
         * {@code liveness}: the liveness prediction is one of {@code predictions}.
         *
         * @param predictions the accepted predictions; they replace any set before
         * @return this builder
         */
        public Builder liveness(Liveness... predictions) {
            return list(Parameters.LIVENESS, predictions);
        }

        /**
         * {@code deepfake}: the deepfake prediction is one of {@code predictions}.
         *
         * @param predictions the accepted predictions; they replace any set before
         * @return this builder
         */
        public Builder deepfake(Deepfake... predictions) {
            return list(Parameters.DEEPFAKE, predictions);
        }

        /**
         * {@code masks}: the predominant mask is one of {@code masks}.
         *
         * @param masks the accepted masks; they replace any set before
         * @return this builder
         */
        public Builder masks(Mask... masks) {
            return list(Parameters.MASKS, masks);
        }

        /**
         * {@code emotions}: the predominant emotion is one of {@code emotions}.
         *
         * @param emotions the accepted emotions; they replace any set before
         * @return this builder
         */
        public Builder emotions(Emotion... emotions) {
            return list(Parameters.EMOTIONS, emotions);
        }

        /**
         * {@code apparent_gender}: the body's apparent gender is one of {@code genders}.
         *
         * @param genders the accepted apparent genders; they replace any set before
         * @return this builder
         */
        public Builder apparentGenders(ApparentGender... genders) {
            return list(Parameters.APPARENT_GENDER, genders);
        }

        /**
         * {@code apparent_age__gte}: the body's apparent age is at least {@code age}, in 0..100.
         *
         * @param age the lowest apparent age accepted
         * @return this builder
         * @throws InvalidFilterException when it is outside 0..100
         */
        public Builder apparentAgeAtLeast(int age) {
            return set(Parameters.APPARENT_AGE_GTE, age);
        }

        /**
         * {@code apparent_age__lt}: the body's apparent age is below {@code age}, in 0..100.
         *
         * @param age the apparent age the body must be younger than
         * @return this builder
         * @throws InvalidFilterException when it is outside 0..100
         */
        public Builder apparentAgeBelow(int age) {
            return set(Parameters.APPARENT_AGE_LT, age);
        }

        /**
         * {@code headwear_states}: the headwear state is one of {@code states}.
         *
         * @param states the accepted headwear states; they replace any set before
         * @return this builder
         */
        public Builder headwearStates(PresenceState... states) {
            return list(Parameters.HEADWEAR_STATES, states);
        }

        /**
         * {@code headwear_colors}: the headwear colour is one of {@code colors}.
         *
         * @param colors the accepted headwear colours; they replace any set before
         * @return this builder
         */
        public Builder headwearColors(ShortPaletteColor... colors) {
            return list(Parameters.HEADWEAR_COLORS, colors);
        }

        /**
         * {@code sleeve_lengths}: the sleeve length is one of {@code lengths}.
         *
         * @param lengths the accepted sleeve lengths; they replace any set before
         * @return this builder
         */
        public Builder sleeveLengths(SleeveLength... lengths) {
            return list(Parameters.SLEEVE_LENGTHS, lengths);
        }

        /**
         * {@code upper_clothing_colors}: the upper clothing has at least one of {@code colors}.
         *
         * @param colors the accepted colours; they replace any set before
         * @return this builder
         */
        public Builder upperClothingColors(ExpandedPaletteColor... colors) {
            return list(Parameters.UPPER_CLOTHING_COLORS, colors);
        }

        /**
         * {@code lower_garment_colors}: the lower garment has at least one of {@code colors}.
         *
         * @param colors the accepted colours; they replace any set before
         * @return this builder
         */
        public Builder lowerGarmentColors(ExpandedPaletteColor... colors) {
            return list(Parameters.LOWER_GARMENT_COLORS, colors);
        }

        /**
         * {@code lower_garment_types}: the lower garment type is one of {@code types}.
         *
         * @param types the accepted lower garment types; they replace any set before
         * @return this builder
         */
        public Builder lowerGarmentTypes(LowerGarmentType... types) {
            return list(Parameters.LOWER_GARMENT_TYPES, types);
        }

        /**
         * {@code shoes_colors}: the shoes colour is one of {@code colors}.
         *
         * @param colors the accepted shoes colours; they replace any set before
         * @return this builder
         */
        public Builder shoesColors(ShortPaletteColor... colors) {
            return list(Parameters.SHOES_COLORS, colors);
        }

        /**
         * {@code backpack_states}: the backpack state is one of {@code states}.
         *
         * @param states the accepted backpack states; they replace any set before
         * @return this builder
         */
        public Builder backpackStates(PresenceState... states) {
            return list(Parameters.BACKPACK_STATES, states);
        }

        /**
         * Removes the parameter called {@code parameter}, e.g. {@code "age__gte"}, if set.
         *
         * @param parameter the parameter's name, as a query string writes it
         * @return this builder
         * @throws InvalidFilterException when no handler-event parameter has that name
         */
        public Builder without(String parameter) {
            Objects.requireNonNull(parameter, "parameter");
            Parameter<?> p = Catalogue.HANDLER.find(parameter);
            if (p == null) {
                throw new InvalidFilterException(parameter, "unknown parameter");
            }
            values.remove(p);
            return this;
        }

        /** {@return the filter with the parameters set so far} */
        public HandlerEventFilter build() {
            return values.isEmpty() ? EMPTY : new HandlerEventFilter(Catalogue.HANDLER.ordered(values));
        }
    }
}
