package dev.sender.filters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.ErrorCode;
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
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of both filter kinds: printing then parsing gives back an equal filter, and the parsers refuse
 * anything else with an {@link InvalidFilterException} only.
 */
class FilterPropertiesTest {

    // ---- printing then parsing

    @Property(tries = 300)
    void handlerFilter_printedThenParsed_isEqual(@ForAll("handlerFilters") HandlerEventFilter filter) {
        assertThat(HandlerEventFilter.parse(filter.toQueryString())).isEqualTo(filter);
        assertThat(HandlerEventFilter.parse(asDecodedMap(filter.toQueryParameters()))).isEqualTo(filter);
        assertThat(filter.toBuilder().build()).isEqualTo(filter);
        assertThat(filter.toFilter()).isNotNull();
    }

    @Property(tries = 300)
    void generalFilter_printedThenParsed_isEqual(@ForAll("generalFilters") GeneralEventFilter filter) {
        assertThat(GeneralEventFilter.parse(filter.toQueryString())).isEqualTo(filter);
        assertThat(GeneralEventFilter.parse(asDecodedMap(filter.toQueryParameters()))).isEqualTo(filter);
        assertThat(filter.toBuilder().build()).isEqualTo(filter);
        assertThat(filter.toFilter()).isNotNull();
    }

    // ---- arbitrary input

    @Property(tries = 1000)
    void handlerParser_arbitraryQuery_acceptsOrThrowsInvalidFilterExceptionOnly(@ForAll("queries") String query) {
        try {
            HandlerEventFilter f = HandlerEventFilter.parse(query);
            assertThat(HandlerEventFilter.parse(f.toQueryString())).isEqualTo(f);
            f.toFilter();
        } catch (InvalidFilterException e) {
            assertWellFormed(e);
        }
    }

    @Property(tries = 1000)
    void generalParser_arbitraryQuery_acceptsOrThrowsInvalidFilterExceptionOnly(@ForAll("queries") String query) {
        try {
            GeneralEventFilter f = GeneralEventFilter.parse(query);
            assertThat(GeneralEventFilter.parse(f.toQueryString())).isEqualTo(f);
            f.toFilter();
        } catch (InvalidFilterException e) {
            assertWellFormed(e);
        }
    }

    @Property(tries = 500)
    void parsers_arbitraryPercentEncodedBytes_acceptOrThrowInvalidFilterExceptionOnly(@ForAll byte[] bytes,
            @ForAll("cuts") int cut, @ForAll boolean inName, @ForAll("names") String name) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : bytes) {
            escaped.append('%').append(String.format("%02X", b & 0xFF));
        }
        String piece = escaped.substring(0, Math.max(0, escaped.length() - cut));
        String query = inName ? piece + "=1" : name + "=" + piece;
        try {
            HandlerEventFilter.parse(query);
        } catch (InvalidFilterException e) {
            assertWellFormed(e);
        }
        try {
            GeneralEventFilter.parse(query);
        } catch (InvalidFilterException e) {
            assertWellFormed(e);
        }
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 2)));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    @Property(tries = 500)
    void parsers_arbitraryMap_acceptOrThrowInvalidFilterExceptionOnly(
            @ForAll("parameterMaps") Map<String, List<String>> parameters) {
        try {
            HandlerEventFilter f = HandlerEventFilter.parse(parameters);
            assertThat(HandlerEventFilter.parse(f.toQueryString())).isEqualTo(f);
            f.toFilter();
        } catch (InvalidFilterException e) {
            assertWellFormed(e);
        }
        try {
            GeneralEventFilter f = GeneralEventFilter.parse(parameters);
            assertThat(GeneralEventFilter.parse(f.toQueryString())).isEqualTo(f);
            f.toFilter();
        } catch (InvalidFilterException e) {
            assertWellFormed(e);
        }
    }

    private static void assertWellFormed(InvalidFilterException e) {
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS);
        assertThat(e.detail()).startsWith("Parameter '");
    }

    private static Map<String, List<String>> asDecodedMap(Map<String, String> parameters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    // ---- valid filters

    @Provide
    Arbitrary<HandlerEventFilter> handlerFilters() {
        List<Arbitrary<Consumer<HandlerEventFilter.Builder>>> parts = List.of(
                uuids().map(v -> b -> b.handlerIds(v.toArray(UUID[]::new))),
                texts().map(v -> b -> b.sources(v.toArray(String[]::new))),
                uuids().map(v -> b -> b.streamIds(v.toArray(UUID[]::new))),
                tags().map(v -> b -> b.tags(v.toArray(String[]::new))),
                anyText().map(v -> b -> b.userData(v)),
                texts().map(v -> b -> b.matchingCandidatesLabels(v.toArray(String[]::new))),
                unitNumbers().map(v -> b -> b.objectSimilarityAtLeast(v)),
                unitNumbers().map(v -> b -> b.objectSimilarityBelow(v)),
                Arbitraries.integers().map(v -> b -> b.ageAtLeast(v)),
                Arbitraries.integers().map(v -> b -> b.ageBelow(v)),
                Arbitraries.of(Gender.class).map(v -> b -> b.gender(v)),
                constants(Ethnicity.class).map(v -> b -> b.ethnicGroups(v.toArray(Ethnicity[]::new))),
                constants(Liveness.class).map(v -> b -> b.liveness(v.toArray(Liveness[]::new))),
                constants(Deepfake.class).map(v -> b -> b.deepfake(v.toArray(Deepfake[]::new))),
                constants(Mask.class).map(v -> b -> b.masks(v.toArray(Mask[]::new))),
                constants(Emotion.class).map(v -> b -> b.emotions(v.toArray(Emotion[]::new))),
                geoBounds().map(v -> b -> b.geoPosition(v)),
                texts().map(v -> b -> b.cities(v.toArray(String[]::new))),
                texts().map(v -> b -> b.areas(v.toArray(String[]::new))),
                texts().map(v -> b -> b.districts(v.toArray(String[]::new))),
                texts().map(v -> b -> b.streets(v.toArray(String[]::new))),
                texts().map(v -> b -> b.houseNumbers(v.toArray(String[]::new))),
                constants(ApparentGender.class).map(v -> b -> b.apparentGenders(v.toArray(ApparentGender[]::new))),
                Arbitraries.integers().between(0, 100).map(v -> b -> b.apparentAgeAtLeast(v)),
                Arbitraries.integers().between(0, 100).map(v -> b -> b.apparentAgeBelow(v)),
                constants(PresenceState.class).map(v -> b -> b.headwearStates(v.toArray(PresenceState[]::new))),
                constants(ShortPaletteColor.class).map(v -> b -> b.headwearColors(v.toArray(ShortPaletteColor[]::new))),
                constants(SleeveLength.class).map(v -> b -> b.sleeveLengths(v.toArray(SleeveLength[]::new))),
                constants(ExpandedPaletteColor.class)
                        .map(v -> b -> b.upperClothingColors(v.toArray(ExpandedPaletteColor[]::new))),
                constants(ExpandedPaletteColor.class)
                        .map(v -> b -> b.lowerGarmentColors(v.toArray(ExpandedPaletteColor[]::new))),
                constants(LowerGarmentType.class)
                        .map(v -> b -> b.lowerGarmentTypes(v.toArray(LowerGarmentType[]::new))),
                constants(ShortPaletteColor.class).map(v -> b -> b.shoesColors(v.toArray(ShortPaletteColor[]::new))),
                constants(PresenceState.class).map(v -> b -> b.backpackStates(v.toArray(PresenceState[]::new))));
        return Combinators.combine(sometimes(parts)).as(setters -> {
            HandlerEventFilter.Builder builder = HandlerEventFilter.builder();
            setters.stream().filter(s -> s != null).forEach(s -> s.accept(builder));
            return builder.build();
        });
    }

    @Provide
    Arbitrary<GeneralEventFilter> generalFilters() {
        List<Arbitrary<Consumer<GeneralEventFilter.Builder>>> parts = List.of(
                texts().map(v -> b -> b.eventTypes(v.toArray(String[]::new))),
                uuid().map(v -> b -> b.accountId(v)),
                texts().map(v -> b -> b.sources(v.toArray(String[]::new))),
                uuids().map(v -> b -> b.streamIds(v.toArray(UUID[]::new))),
                geoBounds().map(v -> b -> b.geoPosition(v)),
                texts().map(v -> b -> b.cities(v.toArray(String[]::new))),
                texts().map(v -> b -> b.areas(v.toArray(String[]::new))),
                texts().map(v -> b -> b.districts(v.toArray(String[]::new))),
                texts().map(v -> b -> b.streets(v.toArray(String[]::new))),
                texts().map(v -> b -> b.houseNumbers(v.toArray(String[]::new))));
        List<Arbitrary<Consumer<GeneralEventFilter.Builder>>> all = new ArrayList<>(sometimes(parts));
        all.add(userFilters().list().ofMaxSize(4).uniqueElements(UserFilter::parameterName)
                .map(v -> b -> v.forEach(b::where)));
        return Combinators.combine(all).as(setters -> {
            GeneralEventFilter.Builder builder = GeneralEventFilter.builder();
            setters.stream().filter(s -> s != null).forEach(s -> s.accept(builder));
            return builder.build();
        });
    }

    @Provide
    Arbitrary<UserFilter> userFilters() {
        Arbitrary<List<String>> paths = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("_-:€ж").ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("my__key", "a:b", "x_", "_", "__", "in", "event", "a__in:y", "ключ"))
                .filter(k -> !k.equals("[]")).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Operator> operators = Arbitraries.of(Operator.class);
        return Combinators.combine(paths, operators).flatAs((path, op) -> types(op)
                .flatMap(type -> values(op, type).map(values -> new UserFilter(path, op, type, values))));
    }

    private static Arbitrary<FieldType> types(Operator op) {
        return switch (op) {
            case GT, GTE, LT, LTE -> Arbitraries.of(FieldType.INTEGER, FieldType.NUMERIC);
            case LIKE -> Arbitraries.just(FieldType.STRING);
            default -> Arbitraries.of(FieldType.class);
        };
    }

    private static Arbitrary<List<String>> values(Operator op, FieldType type) {
        Arbitrary<String> value = switch (type) {
            case STRING -> op.takesList() ? text() : anyText();
            case INTEGER -> Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf), Arbitraries.of("007", "-0"));
            case NUMERIC -> Arbitraries.oneOf(
                    Arbitraries.doubles().ofScale(6).map(d -> BigDecimal.valueOf(d).toPlainString()),
                    Arbitraries.doubles().map(d -> Double.toString(d)).filter(s -> !s.contains("N") && !s.contains("I")),
                    Arbitraries.of("36.6", "1e3", "-2E-5", "0", "10"));
            case BOOLEAN -> Arbitraries.of("true", "false");
        };
        if (!op.allowsNone()) {
            value = value.filter(v -> !v.equals(UserFilter.NONE));
        } else {
            value = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(5, value), net.jqwik.api.Tuple.of(1, Arbitraries.just(UserFilter.NONE)));
        }
        return op.takesList() ? value.list().ofMinSize(1).ofMaxSize(3) : value.map(List::of);
    }

    // ---- arbitrary input

    private static final List<String> NAMES = List.of("handler_ids", "sources", "stream_ids", "tags", "user_data",
            "matching_candidates_labels", "object_similarity__gte", "object_similarity__lt", "age__gte", "age__lt",
            "gender", "ethnic_groups", "liveness", "deepfake", "masks", "emotions", "geo_position", "cities", "areas",
            "districts", "streets", "house_numbers", "apparent_gender", "apparent_age__gte", "apparent_age__lt",
            "headwear_states", "headwear_colors", "sleeve_lengths", "upper_clothing_colors", "lower_garment_colors",
            "lower_garment_types", "shoes_colors", "backpack_states", "event_type", "account_id", "event.a",
            "event.a__in", "event.a__nin:integer", "event.b__gt:numeric", "event.c:boolean", "event.d__like",
            "event.", "event.a__", "event.a:", "event..a", "event.a__x", "event.a:x", "Event.a", "%65vent.a",
            "event.%5B%5D", "sour%63es", "sources%", "");

    private static final List<String> VALUES = List.of("1", "0", "-1", "2", "7", "101", "1.5", "0.5", "1e-3", "NaN",
            "none", "true", "false", "a", "a,b", "a,,b", ",", "a,none", "black", "Black", "short", "%", "%2", "%zz",
            "%FF", "%C3%A9", "%2C", "+", "a+b", "=", "€", "😀", "\uD800", "origin_longitude,1,origin_latitude,2",
            "origin_longitude,1", "origin_latitude,2,origin_longitude,1,latitude_delta,0",
            "8950722f-3fd4-4223-b48f-03f95f0e8dfb", "8950722F-3FD4-4223-B48F-03F95F0E8DFB", "1-1-1-1-1",
            "x".repeat(37), "");

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("&=%+,.:_-eventsagIlo0123456789ABCDEFabcdef ")
                .ofMaxLength(40);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES), noise);
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(VALUES), noise, anything);
        Arbitrary<String> segment = Combinators.combine(names, Arbitraries.of("=", "", "=="), values)
                .as((n, eq, v) -> n + eq + (eq.isEmpty() ? "" : v));
        Arbitrary<String> structured = segment.list().ofMaxSize(5).map(s -> String.join("&", s));
        Arbitrary<String> valid = Arbitraries.oneOf(handlerFilters().map(HandlerEventFilter::toQueryString),
                generalFilters().map(GeneralEventFilter::toQueryString));
        Arbitrary<String> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                Arbitraries.of("", "&", "=", "%", "%2", ",", ",,", "__", ":", ".", "+", "none", "\uD800", "x"),
                Arbitraries.integers().between(0, 2))
                .as((query, at, insert, cut) -> {
                    int i = Math.min(at, query.length());
                    return query.substring(0, i) + insert + query.substring(Math.min(query.length(), i + cut));
                });
        return Arbitraries.oneOf(structured, structured, valid, mutated, mutated, noise, anything);
    }

    @Provide
    Arbitrary<Map<String, List<String>>> parameterMaps() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().all().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().all().ofMaxLength(20));
        return Arbitraries.maps(names, values.list().ofMaxSize(2)).ofMaxSize(5);
    }

    // ---- value generators

    private static <T> List<Arbitrary<T>> sometimes(List<Arbitrary<T>> parts) {
        List<Arbitrary<T>> out = new ArrayList<>();
        for (Arbitrary<T> part : parts) {
            out.add(part.injectNull(0.75));
        }
        return out;
    }

    /** Text without commas: letters, digits, punctuation a query must escape, and some non-ASCII. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u00ff')
                        .withCharRange('а', 'я').withCharRange('\u4e00', '\u4e20').excludeChars(',')
                        .ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("3rd Avenue", "1/2str3", "a&b=c", "100%", "x+y", "none", "😀", "naïve", " "));
    }

    /** Text that may hold commas, for single-valued parameters. */
    private static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(text(), Arbitraries.of("a,b", ",", "a,,b,"));
    }

    private static Arbitrary<List<String>> texts() {
        return text().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<List<String>> tags() {
        return Arbitraries.oneOf(text(), Arbitraries.strings().alpha().ofLength(36), Arbitraries.just("😀".repeat(36)))
                .filter(t -> t.codePointCount(0, t.length()) <= 36).list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<UUID> uuid() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    private static Arbitrary<List<UUID>> uuids() {
        return uuid().list().ofMinSize(1).ofMaxSize(3);
    }

    private static <E extends Enum<E>> Arbitrary<List<E>> constants(Class<E> type) {
        return Arbitraries.of(type).list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<Double> unitNumbers() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1).ofScale(17),
                Arbitraries.of(0.0, 1.0, 0.1, 0.30000000000000004, 1e-300, Double.MIN_VALUE, 0.999999999999999));
    }

    private static Arbitrary<Double> degrees(double max) {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-max, max).ofScale(9),
                Arbitraries.of(-max, max, 0.0, 1e-12, 36.616));
    }

    private static Arbitrary<GeoBounds> geoBounds() {
        Function<Double, Double> abs = Math::abs;
        return Combinators.combine(degrees(180), degrees(90), degrees(180).map(abs), degrees(90).map(abs))
                .as(GeoBounds::new);
    }
}
