package dev.sender.filters;

import static dev.sender.filters.Rejections.assertRefused;
import static dev.sender.filters.Rejections.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.Emotion;
import dev.sender.core.event.Gender;
import dev.sender.core.filter.Filter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading and printing handler-event query strings, and every rule that refuses one. */
class HandlerEventFilterParsingTest {

    private static final String UUID_1 = "8950722f-3fd4-4223-b48f-03f95f0e8dfb";
    private static final String TAG_36 = "a".repeat(36);

    static Stream<Arguments> refusals() {
        return Stream.of(
                // bad numbers
                refused("age__gte=abc", "age__gte", "expected an integer, got 'abc'"),
                refused("age__gte=1.5", "age__gte", "expected an integer, got '1.5'"),
                refused("age__lt=+5", "age__lt", "expected an integer"),
                refused("age__lt=99999999999", "age__lt", "expected an integer between -2147483648 and 2147483647"),
                refused("object_similarity__gte=abc", "object_similarity__gte", "expected a number, got 'abc'"),
                refused("object_similarity__gte=NaN", "object_similarity__gte", "expected a number"),
                refused("object_similarity__gte=Infinity", "object_similarity__gte", "expected a number"),
                refused("object_similarity__lt=0x1", "object_similarity__lt", "expected a number"),
                refused("object_similarity__lt=.5", "object_similarity__lt", "expected a number"),
                refused("object_similarity__lt=1e999", "object_similarity__lt", "expected a number"),
                // out of range
                refused("object_similarity__gte=1.5", "object_similarity__gte", "between 0 and 1, got '1.5'"),
                refused("object_similarity__lt=-0.1", "object_similarity__lt", "between 0 and 1"),
                refused("apparent_age__gte=101", "apparent_age__gte", "between 0 and 100, got '101'"),
                refused("apparent_age__lt=-1", "apparent_age__lt", "between 0 and 100"),
                refused("apparent_age__gte=abc", "apparent_age__gte", "expected an integer, got 'abc'"),
                refused("apparent_age__lt=50.5", "apparent_age__lt", "expected an integer, got '50.5'"),
                // unknown enum values (tokens are exact and case-sensitive)
                refused("gender=2", "gender", "expected one of 0 (female), 1 (male), got '2'"),
                refused("gender=male", "gender", "got 'male'"),
                refused("gender=0,1", "gender", "got '0,1'"),
                refused("ethnic_groups=0", "ethnic_groups", "got '0'"),
                refused("liveness=3", "liveness", "got '3'"),
                refused("deepfake=2", "deepfake", "got '2'"),
                refused("masks=1,4", "masks", "got '4'"),
                refused("emotions=8", "emotions", "got '8'"),
                refused("emotions=01", "emotions", "got '01'"),
                refused("apparent_gender=3", "apparent_gender", "got '3'"),
                refused("headwear_states=3", "headwear_states", "got '3'"),
                refused("headwear_colors=Black", "headwear_colors", "expected one of black, other, white, undefined"),
                refused("sleeve_lengths=medium", "sleeve_lengths", "got 'medium'"),
                refused("upper_clothing_colors=violet", "upper_clothing_colors", "got 'violet'"),
                refused("lower_garment_colors=red,Red", "lower_garment_colors", "got 'Red'"),
                refused("lower_garment_types=jeans", "lower_garment_types", "got 'jeans'"),
                refused("shoes_colors=red", "shoes_colors", "got 'red'"),
                refused("backpack_states=-1", "backpack_states", "got '-1'"),
                // unknown parameters (names are case-sensitive) and repeated ones
                refused("foo=1", "foo", "unknown parameter"),
                refused("Gender=1", "Gender", "unknown parameter"),
                refused("gender =1", "gender ", "unknown parameter"),
                refused("event.field=1", "event.field", "unknown parameter"),
                refused("event_type=door", "event_type", "unknown parameter"),
                refused("account_id=" + UUID_1, "account_id", "unknown parameter"),
                refused("=1", "", "unknown parameter"),
                refused("gender=1&gender=1", "gender", "repeated parameter"),
                refused("sources=a&cities=b&sources=c", "sources", "repeated parameter"),
                refused("gender=1&gend%65r=0", "gender", "repeated parameter"),
                // tags
                refused("tags=ok," + TAG_36 + "b", "tags", "longer than 36 characters"),
                refused("tags=" + "😀".repeat(37), "tags", "longer than 36 characters"),
                // UUIDs
                refused("handler_ids=not-a-uuid", "handler_ids", "expected a UUID"),
                refused("handler_ids=1-1-1-1-1", "handler_ids", "expected a UUID"),
                refused("stream_ids=8950722f3fd44223b48f03f95f0e8dfb", "stream_ids", "expected a UUID"),
                refused("stream_ids=" + UUID_1 + "," + UUID_1.substring(1), "stream_ids", "expected a UUID"),
                refused("handler_ids={" + UUID_1 + "}", "handler_ids", "expected a UUID"),
                refused("handler_ids=8950722g-3fd4-4223-b48f-03f95f0e8dfb", "handler_ids", "expected a UUID"),
                // geo_position
                refused("geo_position=origin_longitude,36.6", "geo_position", "both required"),
                refused("geo_position=origin_latitude,55.7,latitude_delta,1", "geo_position", "both required"),
                refused("geo_position=origin_longitude,36.6,origin_latitude", "geo_position", "key,value pairs"),
                refused("geo_position=origin_longitude,36.6,origin_latitude,55,altitude,5", "geo_position",
                        "unknown key 'altitude'"),
                refused("geo_position=origin_longitude,x,origin_latitude,55", "geo_position",
                        "origin_longitude expects a number, got 'x'"),
                refused("geo_position=origin_longitude,1,origin_latitude,2,origin_longitude,3", "geo_position",
                        "given twice"),
                refused("geo_position=origin_longitude,180.5,origin_latitude,0", "geo_position", "origin_longitude"),
                refused("geo_position=origin_longitude,0,origin_latitude,-90.01", "geo_position", "origin_latitude"),
                refused("geo_position=origin_longitude,0,origin_latitude,0,longitude_delta,-1", "geo_position",
                        "longitude_delta"),
                refused("geo_position=origin_longitude,0,origin_latitude,0,longitude_delta,181", "geo_position",
                        "longitude_delta"),
                refused("geo_position=origin_longitude,0,origin_latitude,0,latitude_delta,90.5", "geo_position",
                        "latitude_delta"),
                refused("geo_position=origin_longitude,0,,origin_latitude,0", "geo_position", "empty item"),
                // empty values and items
                refused("sources=", "sources", "empty value"),
                refused("sources", "sources", "empty value"),
                refused("user_data=", "user_data", "empty value"),
                refused("age__gte=", "age__gte", "empty value"),
                refused("object_similarity__lt=", "object_similarity__lt", "empty value"),
                refused("gender=", "gender", "empty value"),
                refused("emotions=", "emotions", "empty value"),
                refused("geo_position=", "geo_position", "empty value"),
                refused("handler_ids=", "handler_ids", "empty value"),
                refused("sources=a,,b", "sources", "empty item"),
                refused("sources=a,", "sources", "empty item"),
                refused("tags=,a", "tags", "empty item"),
                // malformed escapes: the value's parameter, or the raw piece when the name is unreadable
                refused("sources=%zz", "sources", "malformed percent-encoding"),
                refused("sources=a%4", "sources", "malformed percent-encoding"),
                refused("sources=a%", "sources", "malformed percent-encoding"),
                refused("sources=%FF", "sources", "not valid UTF-8"),
                refused("sources=%C3", "sources", "not valid UTF-8"),
                refused("sources=%ED%A0%80", "sources", "not valid UTF-8"),
                refused("so%urces=a", "so%urces", "malformed percent-encoding"),
                refused("%E0%A4=a", "%E0%A4", "not valid UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void parse_invalidQuery_isRefusedNamingTheParameter(String query, String parameter, String why) {
        assertRefused(() -> HandlerEventFilter.parse(query), parameter, why);
    }

    @Test
    void parse_emptyOrBlankQuery_isTheEmptyFilter() {
        assertThat(HandlerEventFilter.parse("")).isEqualTo(HandlerEventFilter.empty());
        assertThat(HandlerEventFilter.parse("&&&").isEmpty()).isTrue();
        assertThat(HandlerEventFilter.parse(Map.of()).toFilter()).isEqualTo(Filter.any());
        assertThat(HandlerEventFilter.empty().toQueryString()).isEmpty();
    }

    @Test
    void parse_decodesPlusPercentAndUnicode() {
        HandlerEventFilter f = HandlerEventFilter.parse(
                "&sources=3rd+Avenue,a%20b,%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0,Z%C3%BCrich&&cities=Москва&");
        assertThat(f.toQueryParameters()).containsExactly(
                Map.entry("sources", "3rd Avenue,a b,Москва,Zürich"), Map.entry("cities", "Москва"));
    }

    @Test
    void parse_encodedCommaSplitsAList() {
        assertThat(HandlerEventFilter.parse("sources=a%2Cb")).isEqualTo(HandlerEventFilter.parse("sources=a,b"));
    }

    @Test
    void parse_userDataKeepsCommasAndEqualsSigns() {
        assertThat(HandlerEventFilter.parse("user_data=a,b=c").toQueryParameters())
                .containsEntry("user_data", "a,b=c");
    }

    @Test
    void parse_repeatedListItems_collapseInFirstOccurrenceOrder() {
        assertThat(HandlerEventFilter.parse("sources=b,a,b,a,c").toQueryParameters())
                .containsEntry("sources", "b,a,c");
    }

    @Test
    void parse_tagOf36Characters_isAccepted() {
        assertThat(HandlerEventFilter.parse("tags=" + TAG_36).toQueryParameters()).containsEntry("tags", TAG_36);
        String emoji36 = "😀".repeat(36); // 36 characters, 72 UTF-16 units
        assertThat(HandlerEventFilter.parse(Map.of("tags", List.of(emoji36))).toQueryParameters())
                .containsEntry("tags", emoji36);
    }

    @Test
    void parse_uuidsOfEitherCase_areTheSameFilter() {
        assertThat(HandlerEventFilter.parse("handler_ids=" + UUID_1.toUpperCase()))
                .isEqualTo(HandlerEventFilter.builder().handlerIds(UUID.fromString(UUID_1)).build());
    }

    @Test
    void parse_decodedMap_readsLikeTheQueryString() {
        HandlerEventFilter fromMap = HandlerEventFilter.parse(Map.of(
                "sources", List.of("3rd Avenue"), "gender", List.of("1"), "emotions", List.of("4,7")));
        assertThat(fromMap).isEqualTo(HandlerEventFilter.parse("emotions=4,7&gender=1&sources=3rd+Avenue"));
        assertThat(fromMap).isEqualTo(HandlerEventFilter.builder()
                .sources("3rd Avenue").gender(Gender.MALE).emotions(Emotion.HAPPINESS, Emotion.SURPRISE).build());
    }

    @Test
    void parse_decodedMap_valueListOfTwo_isARepeatedParameter() {
        assertRefused(() -> HandlerEventFilter.parse(Map.of("sources", List.of("a", "b"))), "sources",
                "repeated parameter (given 2 times)");
    }

    @Test
    void parse_decodedMap_emptyValueList_isAnEmptyValue() {
        assertRefused(() -> HandlerEventFilter.parse(Map.of("sources", List.of())), "sources", "empty value");
        Map<String, List<String>> withNull = new HashMap<>();
        withNull.put("sources", null);
        assertRefused(() -> HandlerEventFilter.parse(withNull), "sources", "empty value");
    }

    @Test
    void parse_decodedMap_doesNotDecodeAgain() {
        assertThat(HandlerEventFilter.parse(Map.of("sources", List.of("a+b%20"))).toQueryParameters())
                .containsEntry("sources", "a+b%20");
    }

    @Test
    void toQueryString_isCanonical() {
        HandlerEventFilter f = HandlerEventFilter.parse(
                "geo_position=origin_latitude,55.7520,origin_longitude,36.616,longitude_delta,0.01"
                        + "&emotions=7,4&age__gte=030&object_similarity__gte=0.50&user_data=a+b%26c%3Dd%2B%C3%A9"
                        + "&handler_ids=" + UUID_1.toUpperCase());
        assertThat(f.toQueryString()).isEqualTo("handler_ids=" + UUID_1 + "&user_data=a+b%26c%3Dd%2B%C3%A9"
                + "&object_similarity__gte=0.5&age__gte=30&emotions=7,4"
                + "&geo_position=origin_longitude,36.616,origin_latitude,55.752");
        assertThat(HandlerEventFilter.parse(f.toQueryString())).isEqualTo(f);
    }

    @Test
    void toQueryString_printsNumbersWithoutNeedlessExponents() {
        HandlerEventFilter f = HandlerEventFilter.parse("object_similarity__gte=1e-1&object_similarity__lt=1.0E0"
                + "&geo_position=origin_longitude,-0,origin_latitude,1E1,latitude_delta,0.00001");
        assertThat(f.toQueryParameters()).containsEntry("object_similarity__gte", "0.1")
                .containsEntry("object_similarity__lt", "1")
                .containsEntry("geo_position", "origin_longitude,0,origin_latitude,10,latitude_delta,0.00001");
    }

    @Test
    void toFilter_ofAnEmptyFilter_isAny() {
        assertThat(HandlerEventFilter.empty().toFilter()).isEqualTo(Filter.any());
    }

    @Test
    void toString_showsTheDecodedParameters() {
        assertThat(HandlerEventFilter.parse("gender=1&sources=a+b")).hasToString("HandlerEventFilter{sources=a b, gender=1}");
    }
}
