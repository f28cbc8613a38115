package dev.sender.filters;

import static dev.sender.filters.Rejections.assertRefused;
import static dev.sender.filters.Rejections.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.filter.Filter;
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading and printing general-event query strings, and every rule that refuses one. */
class GeneralEventFilterParsingTest {

    private static final String ACCOUNT = "904e635f-3a47-4832-b4d6-d2d72ba78451";
    private static final String SPEC_EXAMPLE =
            "event.field_1__gt:numeric=36.6&event.field_2.field_3__in=value,none&event.field_4:integer=5";

    static Stream<Arguments> refusals() {
        return Stream.of(
                // fixed parameters
                refused("account_id=xyz", "account_id", "expected a UUID"),
                refused("account_id=" + ACCOUNT + "," + ACCOUNT, "account_id", "expected a UUID"),
                refused("account_id=", "account_id", "empty value"),
                refused("event_type=", "event_type", "empty value"),
                refused("event_type=a,,b", "event_type", "empty item"),
                refused("event_type=a&event_type=b", "event_type", "repeated parameter"),
                refused("stream_ids=x", "stream_ids", "expected a UUID"),
                refused("geo_position=origin_latitude,1", "geo_position", "both required"),
                refused("cities=%G1", "cities", "malformed percent-encoding"),
                refused("gender=1", "gender", "unknown parameter"),
                refused("tags=a", "tags", "unknown parameter"),
                refused("user_data=a", "user_data", "unknown parameter"),
                refused("handler_ids=" + ACCOUNT, "handler_ids", "unknown parameter"),
                refused("age__gte=1", "age__gte", "unknown parameter"),
                refused("foo=1", "foo", "unknown parameter"),
                refused("eventx=1", "eventx", "unknown parameter"),
                refused("event=1", "event", "unknown parameter"),
                refused("Event.a=1", "Event.a", "unknown parameter"),
                // malformed names
                refused("event.=1", "event.", "empty key"),
                refused("event..a=1", "event..a", "empty key"),
                refused("event.a.=1", "event.a.", "empty key"),
                refused("event.a__=1", "event.a__", "missing operator"),
                refused("event.a:=1", "event.a:", "missing type"),
                refused("event.__eq=1", "event.__eq", "empty key"),
                refused("event.:integer=1", "event.:integer", "empty key"),
                refused("event.a.[]=1", "event.a.[]", "reserved"),
                // unknown operators and types
                refused("event.a__foo=1", "event.a__foo", "unknown operator 'foo'"),
                refused("event.a__EQ=1", "event.a__EQ", "unknown operator 'EQ'"),
                refused("event.my__field=1", "event.my__field", "unknown operator 'field'"),
                refused("event.a__b.c=1", "event.a__b.c", "unknown operator 'b.c'"),
                refused("event.a:float=1", "event.a:float", "unknown type 'float'"),
                refused("event.a:Integer=1", "event.a:Integer", "unknown type 'Integer'"),
                refused("event.a:integer__gt=1", "event.a:integer__gt", "unknown type 'integer__gt'"),
                // impossible combinations
                refused("event.a__gt=1", "event.a__gt", "needs type integer or numeric, not string"),
                refused("event.a__lte:boolean=true", "event.a__lte:boolean", "needs type integer or numeric"),
                refused("event.a__like:integer=1", "event.a__like:integer", "needs type string, not integer"),
                refused("event.a__gt:integer=none", "event.a__gt:integer", "'none' is allowed only"),
                refused("event.a__like=none", "event.a__like", "'none' is allowed only"),
                // values that do not convert
                refused("event.a:integer=abc", "event.a:integer", "expected an integer, got 'abc'"),
                refused("event.a:integer=4.5", "event.a:integer", "expected an integer, got '4.5'"),
                refused("event.a:integer=99999999999999999999", "event.a:integer", "out of range"),
                refused("event.a__in:integer=1,x", "event.a__in:integer", "got 'x'"),
                refused("event.a:numeric=NaN", "event.a:numeric", "expected a finite number"),
                refused("event.a:numeric=Infinity", "event.a:numeric", "expected a finite number"),
                refused("event.a:numeric=1e999", "event.a:numeric", "expected a finite number"),
                refused("event.a:numeric=1.", "event.a:numeric", "expected a finite number"),
                refused("event.a__gte:numeric=", "event.a__gte:numeric", "empty value"),
                refused("event.a:boolean=True", "event.a:boolean", "expected true or false, got 'True'"),
                refused("event.a:boolean=1", "event.a:boolean", "expected true or false, got '1'"),
                // empty values, repeats
                refused("event.a=", "event.a", "empty value"),
                refused("event.a", "event.a", "empty value"),
                refused("event.a__in=a,,b", "event.a__in", "empty item"),
                refused("event.a__nin=a,", "event.a__nin", "empty item"),
                refused("event.a=1&event.a=2", "event.a", "repeated parameter"),
                refused("event.a=1&event.a__eq:string=2", "event.a__eq:string", "repeats the filter 'event.a'"),
                refused("event.a%3Ainteger=1&event.a:integer=2", "event.a:integer", "repeated parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void parse_invalidQuery_isRefusedNamingTheParameter(String query, String parameter, String why) {
        assertRefused(() -> GeneralEventFilter.parse(query), parameter, why);
    }

    @Test
    void parse_specExample_printsBackUnchanged() {
        GeneralEventFilter f = GeneralEventFilter.parse(SPEC_EXAMPLE);
        assertThat(f.toQueryString()).isEqualTo(SPEC_EXAMPLE);
        assertThat(f.userFilters()).containsExactly(
                UserFilter.of("field_1", Operator.GT, FieldType.NUMERIC, "36.6"),
                UserFilter.of("field_2.field_3", Operator.IN, FieldType.STRING, "value", "none"),
                UserFilter.of("field_4", Operator.EQ, FieldType.INTEGER, "5"));
    }

    @Test
    void toQueryString_omitsDefaultOperatorAndType_andOrdersFixedParametersFirst() {
        GeneralEventFilter f = GeneralEventFilter.parse("event.a__eq:string=x+y&cities=B,A&event_type=t"
                + "&account_id=" + ACCOUNT.toUpperCase() + "&event.b__in=2,1,2");
        assertThat(f.toQueryString())
                .isEqualTo("event_type=t&account_id=" + ACCOUNT + "&cities=B,A&event.a=x+y&event.b__in=2,1");
        assertThat(f.toQueryParameters()).containsExactly(Map.entry("event_type", "t"),
                Map.entry("account_id", ACCOUNT), Map.entry("cities", "B,A"), Map.entry("event.a", "x y"),
                Map.entry("event.b__in", "2,1"));
    }

    @Test
    void toQueryString_keysHoldingUnderscoresOrColons_keepAnExplicitOperatorAndType() {
        GeneralEventFilter f = GeneralEventFilter.builder()
                .where(UserFilter.of("my__key", Operator.EQ, FieldType.STRING, "v"))
                .where(UserFilter.of("a:b", Operator.IN, FieldType.STRING, "v"))
                .where(UserFilter.of("x_", Operator.IN, FieldType.INTEGER, "1"))
                .build();
        assertThat(f.toQueryString()).isEqualTo("event.my__key__eq=v&event.a:b__in:string=v&event.x___in:integer=1");
        assertThat(GeneralEventFilter.parse(f.toQueryString())).isEqualTo(f);
    }

    @Test
    void parse_userFilterValues_splitOnCommasOnlyForInAndNin() {
        GeneralEventFilter f = GeneralEventFilter.parse("event.a=x,y&event.b__in=x,y&event.c__like=x%2Cy");
        assertThat(f.userFilters()).extracting(UserFilter::values)
                .containsExactly(List.of("x,y"), List.of("x", "y"), List.of("x,y"));
    }

    @Test
    void parse_userFiltersKeepTheirOrder() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("event.z", List.of("1"));
        parameters.put("event.a", List.of("2"));
        parameters.put("sources", List.of("s"));
        GeneralEventFilter f = GeneralEventFilter.parse(parameters);
        assertThat(f.toQueryString()).isEqualTo("sources=s&event.z=1&event.a=2");
    }

    @Test
    void parse_decodedMap_valueListOfTwo_isARepeatedParameter() {
        assertRefused(() -> GeneralEventFilter.parse(Map.of("event.a", List.of("1", "2"))), "event.a",
                "repeated parameter");
    }

    @Test
    void parse_emptyQuery_isTheEmptyFilter() {
        assertThat(GeneralEventFilter.parse("")).isEqualTo(GeneralEventFilter.empty());
        assertThat(GeneralEventFilter.parse("").isEmpty()).isTrue();
        assertThat(GeneralEventFilter.parse("").toFilter()).isEqualTo(Filter.any());
        assertThat(GeneralEventFilter.parse("event.a=1").isEmpty()).isFalse();
    }

    @Test
    void builder_buildsWhatTheQueryReads() {
        GeneralEventFilter built = GeneralEventFilter.builder()
                .eventTypes("door_opened", "door_closed")
                .accountId(UUID.fromString(ACCOUNT))
                .sources("cam 1")
                .geoPosition(GeoBounds.around(36.616, 55.752))
                .where(UserFilter.of("temperature", Operator.GTE, FieldType.NUMERIC, "36.6"))
                .build();
        assertThat(built).isEqualTo(GeneralEventFilter.parse("event_type=door_opened,door_closed&account_id="
                + ACCOUNT + "&sources=cam+1&geo_position=origin_longitude,36.616,origin_latitude,55.752"
                + "&event.temperature__gte:numeric=36.6"));
    }

    @Test
    void builder_sameUserFilterNameTwice_isRefused() {
        GeneralEventFilter.Builder builder = GeneralEventFilter.builder()
                .where(UserFilter.of("a", Operator.GT, FieldType.INTEGER, "1"));
        assertRefused(() -> builder.where(UserFilter.of("a", Operator.GT, FieldType.INTEGER, "2")),
                "event.a__gt:integer", "repeated parameter");
        builder.where(UserFilter.of("a", Operator.LT, FieldType.INTEGER, "5"));
        assertThat(builder.build().userFilters()).hasSize(2);
    }

    @Test
    void toBuilder_without_removesFixedParametersAndUserFilters() {
        GeneralEventFilter f = GeneralEventFilter.parse("event_type=t&event.a=1&event.b__gt:integer=2");
        GeneralEventFilter g = f.toBuilder().without("event_type").without("event.b__gt:integer").build();
        assertThat(g.toQueryString()).isEqualTo("event.a=1");
        assertThat(f.toQueryString()).isEqualTo("event_type=t&event.a=1&event.b__gt:integer=2");
        assertRefused(() -> f.toBuilder().without("gender"), "gender", "unknown parameter");
    }

    @Test
    void builder_invalidFixedValues_areRefusedNamingTheParameter() {
        assertRefused(() -> GeneralEventFilter.builder().eventTypes(), "event_type", "at least one value");
        assertRefused(() -> GeneralEventFilter.builder().eventTypes("a,b"), "event_type", "contains a comma");
        assertRefused(() -> GeneralEventFilter.builder().cities(""), "cities", "empty value");
    }

    @Test
    void equalFilters_haveEqualHashCodes() {
        GeneralEventFilter a = GeneralEventFilter.parse("event_type=t&event.a=1");
        GeneralEventFilter b = GeneralEventFilter.parse("event.a__eq=1&event_type=t");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(GeneralEventFilter.parse("event_type=t&event.a=2"));
        assertThat(a).hasToString("GeneralEventFilter{event_type=t, event.a=1}");
    }
}
