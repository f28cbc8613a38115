package dev.sender.filters.internal;

import dev.sender.core.event.ApparentGender;
import dev.sender.core.event.Deepfake;
import dev.sender.core.event.Emotion;
import dev.sender.core.event.EventAttribute;
import dev.sender.core.event.EventFields;
import dev.sender.core.event.Ethnicity;
import dev.sender.core.event.ExpandedPaletteColor;
import dev.sender.core.event.Gender;
import dev.sender.core.event.Liveness;
import dev.sender.core.event.LowerGarmentType;
import dev.sender.core.event.Mask;
import dev.sender.core.event.PresenceState;
import dev.sender.core.event.ShortPaletteColor;
import dev.sender.core.event.SleeveLength;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.filters.GeoBounds;
import java.util.List;
import java.util.UUID;

/**
 * Every fixed parameter of SPEC §3 and §4: its name, its codec and the core filter it maps to. The
 * {@link Catalogue}s list them in the order of the SPEC tables, which is also the printing order.
 */
public final class Parameters {

    /** Ages are bounded only by the int type (SPEC §3 says "integer"). */
    private static final Codec<Integer> ANY_INT = Codecs.integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
    private static final Codec<Integer> APPARENT_AGE_RANGE = Codecs.integer(0, 100);
    private static final Codec<Double> SIMILARITY = Codecs.number(0, 1);

    /** {@code handler_ids}: the message's {@code handler_id} is one of the UUIDs. */
    public static final Parameter<List<UUID>> HANDLER_IDS = uuids("handler_ids", EventFields.HANDLER_ID);
    /** {@code sources}: {@code event.source} is one of the strings. */
    public static final Parameter<List<String>> SOURCES = strings("sources", EventFields.SOURCE);
    /** {@code stream_ids}: {@code event.stream_id} is one of the UUIDs. */
    public static final Parameter<List<UUID>> STREAM_IDS = uuids("stream_ids", EventFields.STREAM_ID);
    /** {@code tags}: {@code event.tags} holds every one of the tags. */
    public static final Parameter<List<String>> TAGS = Parameter.of("tags", Codecs.list(Codecs.TAG),
            tags -> Filter.containsAll(EventFields.TAGS, tags.stream().map(Value::string).toList()));
    /** {@code user_data}: {@code event.user_data} contains the string. */
    public static final Parameter<String> USER_DATA = Parameter.of("user_data", Codecs.TEXT,
            text -> Filter.like(EventFields.USER_DATA, text));
    /** {@code matching_candidates_labels}: some {@code event.matches[].label} is one of the strings. */
    public static final Parameter<List<String>> MATCHING_CANDIDATES_LABELS =
            strings("matching_candidates_labels", EventFields.MATCH_LABELS);
    /** {@code object_similarity__gte}: the top candidate's similarity is at least the number. */
    public static final Parameter<Double> OBJECT_SIMILARITY_GTE = Parameter.of("object_similarity__gte",
            SIMILARITY, x -> Filter.gte(EventFields.TOP_SIMILARITY, Value.number(x)));
    /** {@code object_similarity__lt}: the top candidate's similarity is below the number. */
    public static final Parameter<Double> OBJECT_SIMILARITY_LT = Parameter.of("object_similarity__lt",
            SIMILARITY, x -> Filter.lt(EventFields.TOP_SIMILARITY, Value.number(x)));
    /** {@code age__gte}: the face's age is at least the integer. */
    public static final Parameter<Integer> AGE_GTE = Parameter.of("age__gte", ANY_INT,
            n -> Filter.gte(EventFields.AGE, Value.number(n)));
    /** {@code age__lt}: the face's age is below the integer. */
    public static final Parameter<Integer> AGE_LT = Parameter.of("age__lt", ANY_INT,
            n -> Filter.lt(EventFields.AGE, Value.number(n)));
    /** {@code gender}: the face's gender equals the constant. */
    public static final Parameter<Gender> GENDER = Parameter.of("gender", Codecs.attribute(Gender.class),
            g -> Filter.eq(EventFields.GENDER, g.jsonValue()));
    /** {@code ethnic_groups}: the predominant ethnicity is one of the constants. */
    public static final Parameter<List<Ethnicity>> ETHNIC_GROUPS =
            attributes("ethnic_groups", Ethnicity.class, EventFields.ETHNICITY);
    /** {@code liveness}: the liveness prediction is one of the constants. */
    public static final Parameter<List<Liveness>> LIVENESS =
            attributes("liveness", Liveness.class, EventFields.LIVENESS);
    /** {@code deepfake}: the deepfake prediction is one of the constants. */
    public static final Parameter<List<Deepfake>> DEEPFAKE =
            attributes("deepfake", Deepfake.class, EventFields.DEEPFAKE);
    /** {@code masks}: the predominant mask is one of the constants. */
    public static final Parameter<List<Mask>> MASKS = attributes("masks", Mask.class, EventFields.MASK);
    /** {@code emotions}: the predominant emotion is one of the constants. */
    public static final Parameter<List<Emotion>> EMOTIONS =
            attributes("emotions", Emotion.class, EventFields.EMOTION);
    /** {@code geo_position}: {@code event.location.geo_position} lies in the box. */
    public static final Parameter<GeoBounds> GEO_POSITION = Parameter.of("geo_position", Codecs.GEO,
            box -> Filter.geoBox(EventFields.LONGITUDE, EventFields.LATITUDE, box.originLongitude(),
                    box.originLatitude(), box.longitudeDelta(), box.latitudeDelta()));
    /** {@code cities}: {@code event.location.city} is one of the strings. */
    public static final Parameter<List<String>> CITIES = strings("cities", EventFields.CITY);
    /** {@code areas}: {@code event.location.area} is one of the strings. */
    public static final Parameter<List<String>> AREAS = strings("areas", EventFields.AREA);
    /** {@code districts}: {@code event.location.district} is one of the strings. */
    public static final Parameter<List<String>> DISTRICTS = strings("districts", EventFields.DISTRICT);
    /** {@code streets}: {@code event.location.street} is one of the strings. */
    public static final Parameter<List<String>> STREETS = strings("streets", EventFields.STREET);
    /** {@code house_numbers}: {@code event.location.house_number} is one of the strings. */
    public static final Parameter<List<String>> HOUSE_NUMBERS = strings("house_numbers", EventFields.HOUSE_NUMBER);
    /** {@code apparent_gender}: the body's apparent gender is one of the constants. */
    public static final Parameter<List<ApparentGender>> APPARENT_GENDER =
            attributes("apparent_gender", ApparentGender.class, EventFields.APPARENT_GENDER);
    /** {@code apparent_age__gte}: the body's apparent age is at least the integer. */
    public static final Parameter<Integer> APPARENT_AGE_GTE = Parameter.of("apparent_age__gte",
            APPARENT_AGE_RANGE, n -> Filter.gte(EventFields.APPARENT_AGE, Value.number(n)));
    /** {@code apparent_age__lt}: the body's apparent age is below the integer. */
    public static final Parameter<Integer> APPARENT_AGE_LT = Parameter.of("apparent_age__lt",
            APPARENT_AGE_RANGE, n -> Filter.lt(EventFields.APPARENT_AGE, Value.number(n)));
    /** {@code headwear_states}: the headwear state is one of the constants. */
    public static final Parameter<List<PresenceState>> HEADWEAR_STATES =
            attributes("headwear_states", PresenceState.class, EventFields.HEADWEAR_STATE);
    /** {@code headwear_colors}: the headwear colour is one of the constants. */
    public static final Parameter<List<ShortPaletteColor>> HEADWEAR_COLORS =
            attributes("headwear_colors", ShortPaletteColor.class, EventFields.HEADWEAR_COLOR);
    /** {@code sleeve_lengths}: the sleeve length is one of the constants. */
    public static final Parameter<List<SleeveLength>> SLEEVE_LENGTHS =
            attributes("sleeve_lengths", SleeveLength.class, EventFields.SLEEVE_LENGTH);
    /** {@code upper_clothing_colors}: some upper clothing colour is one of the constants. */
    public static final Parameter<List<ExpandedPaletteColor>> UPPER_CLOTHING_COLORS =
            attributes("upper_clothing_colors", ExpandedPaletteColor.class, EventFields.UPPER_CLOTHING_COLORS);
    /** {@code lower_garment_colors}: some lower garment colour is one of the constants. */
    public static final Parameter<List<ExpandedPaletteColor>> LOWER_GARMENT_COLORS =
            attributes("lower_garment_colors", ExpandedPaletteColor.class, EventFields.LOWER_GARMENT_COLORS);
    /** {@code lower_garment_types}: the lower garment type is one of the constants. */
    public static final Parameter<List<LowerGarmentType>> LOWER_GARMENT_TYPES =
            attributes("lower_garment_types", LowerGarmentType.class, EventFields.LOWER_GARMENT_TYPE);
    /** {@code shoes_colors}: the shoes colour is one of the constants. */
    public static final Parameter<List<ShortPaletteColor>> SHOES_COLORS =
            attributes("shoes_colors", ShortPaletteColor.class, EventFields.SHOES_COLOR);
    /** {@code backpack_states}: the backpack state is one of the constants. */
    public static final Parameter<List<PresenceState>> BACKPACK_STATES =
            attributes("backpack_states", PresenceState.class, EventFields.BACKPACK_STATE);

    /** {@code event_type} (general events): the message's {@code event_type} is one of the strings. */
    public static final Parameter<List<String>> EVENT_TYPE = strings("event_type", EventFields.EVENT_TYPE);
    /** {@code account_id} (general events): the message's {@code account_id} is the UUID. */
    public static final Parameter<UUID> ACCOUNT_ID = Parameter.of("account_id", Codecs.UUID_CODEC,
            id -> Filter.eq(EventFields.ACCOUNT_ID, Value.uuid(id)));

    private Parameters() {
    }

    private static Parameter<List<String>> strings(String name, Field field) {
        return Parameter.of(name, Codecs.list(Codecs.TEXT),
                values -> Filter.in(field, values.stream().map(Value::string).toList()));
    }

    private static Parameter<List<UUID>> uuids(String name, Field field) {
        return Parameter.of(name, Codecs.list(Codecs.UUID_CODEC),
                values -> Filter.in(field, values.stream().map(Value::uuid).toList()));
    }

    private static <E extends Enum<E> & EventAttribute> Parameter<List<E>> attributes(String name, Class<E> type,
            Field field) {
        return Parameter.of(name, Codecs.list(Codecs.attribute(type)),
                values -> Filter.in(field, values.stream().map(EventAttribute::jsonValue).toList()));
    }
}
