package dev.sender.filters;

import static dev.sender.filters.Drafts.accountId;
import static dev.sender.filters.Drafts.eventIs;
import static dev.sender.filters.Drafts.eventType;
import static dev.sender.filters.Drafts.remove;
import static dev.sender.filters.Drafts.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.GeneralEventMessage;
import dev.sender.filters.Drafts.Edit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter of SPEC §4 against general messages: the fixed parameters on the sample event, and every
 * operator, type and {@code none} combination of user filters on small events.
 */
class GeneralEventFilterMatchingTest {

    private static final String ACCOUNT = "904e635f-3a47-4832-b4d6-d2d72ba78451";
    private static final String OTHER_UUID = "8950722f-3fd4-4223-b48f-03f95f0e8dfb";
    private static final String STREAM = "346a5645-ec89-4806-820a-dbcb6e0dc38f";

    static Stream<Arguments> fixedParameters() {
        return Stream.of(
                matches("event_type=door_opened", eventType("door_opened")),
                matches("event_type=a,door_opened", eventType("door_opened")),
                rejects("event_type=Door_opened", eventType("door_opened")),
                rejects("event_type=a,b", eventType("door_opened")),
                matches("account_id=" + ACCOUNT, accountId(ACCOUNT)),
                matches("account_id=" + ACCOUNT.toUpperCase(), accountId(ACCOUNT)),
                matches("account_id=" + ACCOUNT, accountId(ACCOUNT.toUpperCase())),
                rejects("account_id=" + OTHER_UUID, accountId(ACCOUNT)),
                rejects("account_id=" + ACCOUNT, accountId(null)),
                matches("sources=3rd+Avenue"),
                rejects("sources=cam1"),
                rejects("sources=3rd+Avenue", remove("source")),
                matches("stream_ids=" + STREAM, set("stream_id", "\"" + STREAM.toUpperCase() + "\"")),
                rejects("stream_ids=" + OTHER_UUID, set("stream_id", "\"" + STREAM + "\"")),
                rejects("stream_ids=" + STREAM, remove("stream_id")),
                matches("geo_position=origin_longitude,36.62,origin_latitude,55.75"),
                rejects("geo_position=origin_longitude,36.62,origin_latitude,55.75,latitude_delta,0.001"),
                rejects("geo_position=origin_longitude,36.62,origin_latitude,55.75", remove("location")),
                matches("cities=Moscow"),
                rejects("cities=Paris"),
                matches("areas=CAO"),
                rejects("areas=SAO"),
                matches("districts=mitino"),
                rejects("districts=arbat"),
                matches("streets=schepkina"),
                rejects("streets=arbat"),
                matches("house_numbers=1/2str3"),
                rejects("house_numbers=1", remove("location.house_number")),
                matches(""),
                matches("event_type=sample_type&cities=Moscow&event.user_data=some+event"),
                rejects("event_type=sample_type&cities=Paris"));
    }

    @ParameterizedTest(name = "{0}: {1} → {3}")
    @MethodSource("fixedParameters")
    void fixedParameter_matchesAsSpecified(String query, String event, GeneralEventMessage message,
            boolean expected) {
        assertThat(GeneralEventFilter.parse(query).toFilter().matches(message)).isEqualTo(expected);
    }

    static Stream<Arguments> userFilters() {
        return Stream.of(
                // eq string (the default operator and type)
                on("event.s=a", "{\"s\": \"a\"}", true),
                on("event.s__eq:string=a", "{\"s\": \"a\"}", true),
                on("event.s=a", "{\"s\": \"b\"}", false),
                on("event.s=a", "{}", false),
                on("event.s=a", "{\"s\": null}", false),
                on("event.s=1", "{\"s\": 1}", false),
                on("event.s=a,b", "{\"s\": \"a,b\"}", true),
                on("event.s=a,b", "{\"s\": \"a\"}", false),
                on("event.s=a+b", "{\"s\": \"a b\"}", true),
                on("event.nested.deeper.k=v", "{\"nested\": {\"deeper\": {\"k\": \"v\"}}}", true),
                on("event.nested.deeper.k=v", "{\"nested\": {\"k\": \"v\"}}", false),
                on("event.nested.k=v", "{\"nested\": [{\"k\": \"v\"}]}", false),
                // eq integer: "4" is not an integer, nor is 4.5 or 4.0
                on("event.i:integer=4", "{\"i\": 4}", true),
                on("event.i:integer=-4", "{\"i\": -4}", true),
                on("event.i:integer=4", "{\"i\": 5}", false),
                on("event.i:integer=4", "{\"i\": \"4\"}", false),
                on("event.i:integer=4", "{\"i\": 4.0}", false),
                on("event.i:integer=4", "{\"i\": 4.5}", false),
                // eq numeric: any JSON number of that value
                on("event.f:numeric=4.5", "{\"f\": 4.5}", true),
                on("event.f:numeric=4", "{\"f\": 4}", true),
                on("event.f:numeric=4", "{\"f\": 4.0}", true),
                on("event.f:numeric=4.0", "{\"f\": 4}", true),
                on("event.f:numeric=45e-1", "{\"f\": 4.5}", true),
                on("event.f:numeric=4.5", "{\"f\": \"4.5\"}", false),
                on("event.f:numeric=4.5", "{\"f\": 4.6}", false),
                // eq boolean: 1 is not a boolean
                on("event.b:boolean=true", "{\"b\": true}", true),
                on("event.b:boolean=false", "{\"b\": false}", true),
                on("event.b:boolean=true", "{\"b\": false}", false),
                on("event.b:boolean=true", "{\"b\": 1}", false),
                on("event.b:boolean=true", "{\"b\": \"true\"}", false),
                on("event.b:boolean=false", "{}", false),
                // eq none: null or missing
                on("event.s=none", "{}", true),
                on("event.s=none", "{\"s\": null}", true),
                on("event.s=none", "{\"s\": \"none\"}", false),
                on("event.s=none", "{\"s\": \"a\"}", false),
                on("event.s:integer=none", "{\"s\": 0}", false),
                on("event.s:integer=none", "{}", true),
                // ne: present, of the type, different
                on("event.s__ne=a", "{\"s\": \"b\"}", true),
                on("event.s__ne=a", "{\"s\": \"a\"}", false),
                on("event.s__ne=a", "{}", false),
                on("event.s__ne=a", "{\"s\": null}", false),
                on("event.s__ne=a", "{\"s\": 1}", false),
                on("event.i__ne:integer=4", "{\"i\": 5}", true),
                on("event.i__ne:integer=4", "{\"i\": 4}", false),
                on("event.i__ne:integer=4", "{\"i\": 5.5}", false),
                on("event.i__ne:integer=4", "{\"i\": \"5\"}", false),
                on("event.f__ne:numeric=4.5", "{\"f\": 4}", true),
                on("event.f__ne:numeric=4.5", "{\"f\": 4.5}", false),
                on("event.b__ne:boolean=true", "{\"b\": false}", true),
                on("event.b__ne:boolean=true", "{\"b\": 0}", false),
                // ne none: any present non-null value of any type, the string "none" included
                on("event.s__ne=none", "{\"s\": \"none\"}", true),
                on("event.s__ne=none", "{\"s\": \"a\"}", true),
                on("event.s__ne=none", "{\"s\": 1}", true),
                on("event.s__ne=none", "{\"s\": {}}", true),
                on("event.s__ne=none", "{\"s\": false}", true),
                on("event.s__ne:integer=none", "{\"s\": \"x\"}", true),
                on("event.s__ne=none", "{}", false),
                on("event.s__ne=none", "{\"s\": null}", false),
                // in
                on("event.s__in=a,b", "{\"s\": \"b\"}", true),
                on("event.s__in=a,b", "{\"s\": \"c\"}", false),
                on("event.s__in=a,b", "{}", false),
                on("event.s__in=a,b", "{\"s\": null}", false),
                on("event.s__in=a%2Cb", "{\"s\": \"a\"}", true),
                on("event.i__in:integer=1,2", "{\"i\": 2}", true),
                on("event.i__in:integer=1,2", "{\"i\": 2.5}", false),
                on("event.i__in:integer=1,2", "{\"i\": \"2\"}", false),
                on("event.f__in:numeric=1.5,2", "{\"f\": 2.0}", true),
                on("event.b__in:boolean=true", "{\"b\": true}", true),
                on("event.b__in:boolean=true", "{\"b\": false}", false),
                // in with none: the values, or null, or missing
                on("event.s__in=a,none", "{\"s\": \"a\"}", true),
                on("event.s__in=a,none", "{\"s\": null}", true),
                on("event.s__in=a,none", "{}", true),
                on("event.s__in=a,none", "{\"s\": \"b\"}", false),
                on("event.s__in=a,none", "{\"s\": \"none\"}", false),
                on("event.s__in=none", "{}", true),
                on("event.s__in=none", "{\"s\": \"a\"}", false),
                on("event.i__in:integer=3,none", "{\"i\": 3}", true),
                on("event.i__in:integer=3,none", "{\"i\": \"3\"}", false),
                // nin: present, of the type, and none of the values
                on("event.s__nin=a,b", "{\"s\": \"c\"}", true),
                on("event.s__nin=a,b", "{\"s\": \"a\"}", false),
                on("event.s__nin=a,b", "{}", false),
                on("event.s__nin=a,b", "{\"s\": null}", false),
                on("event.s__nin=a,b", "{\"s\": 1}", false),
                on("event.i__nin:integer=1,2", "{\"i\": 3}", true),
                on("event.i__nin:integer=1,2", "{\"i\": 3.5}", false),
                on("event.s__nin=a,none", "{\"s\": \"c\"}", true),
                on("event.s__nin=a,none", "{\"s\": \"a\"}", false),
                on("event.s__nin=a,none", "{}", false),
                on("event.s__nin=a,none", "{\"s\": null}", false),
                on("event.s__nin=none", "{\"s\": \"a\"}", true),
                on("event.s__nin=none", "{\"s\": 7}", true),
                on("event.s__nin=none", "{}", false),
                on("event.s__nin=none", "{\"s\": null}", false),
                // gt, gte, lt, lte: integer reads only integers, numeric any number
                on("event.i__gt:integer=3", "{\"i\": 4}", true),
                on("event.i__gt:integer=3", "{\"i\": 3}", false),
                on("event.i__gt:integer=3", "{\"i\": 4.5}", false),
                on("event.i__gt:integer=3", "{\"i\": \"4\"}", false),
                on("event.i__gt:integer=3", "{}", false),
                on("event.i__gte:integer=3", "{\"i\": 3}", true),
                on("event.i__gte:integer=3", "{\"i\": 2}", false),
                on("event.i__lt:integer=-3", "{\"i\": -4}", true),
                on("event.i__lt:integer=3", "{\"i\": 3}", false),
                on("event.i__lte:integer=3", "{\"i\": 3}", true),
                on("event.i__lte:integer=3", "{\"i\": 4}", false),
                on("event.f__gt:numeric=36.6", "{\"f\": 36.7}", true),
                on("event.f__gt:numeric=36.6", "{\"f\": 37}", true),
                on("event.f__gt:numeric=36.6", "{\"f\": 36.6}", false),
                on("event.f__gt:numeric=36.6", "{\"f\": \"37\"}", false),
                on("event.f__gte:numeric=36.6", "{\"f\": 36.6}", true),
                on("event.f__lt:numeric=36.6", "{\"f\": 36}", true),
                on("event.f__lt:numeric=36.6", "{\"f\": 36.6}", false),
                on("event.f__lte:numeric=36.6", "{\"f\": 36.6}", true),
                on("event.f__lte:numeric=36.6", "{\"f\": null}", false),
                on("event.f__gt:numeric=1&event.f__lt:numeric=2", "{\"f\": 1.5}", true),
                on("event.f__gt:numeric=1&event.f__lt:numeric=2", "{\"f\": 2.5}", false),
                // like: case-sensitive substring of a string
                on("event.s__like=bc", "{\"s\": \"abcd\"}", true),
                on("event.s__like=bc", "{\"s\": \"ABCD\"}", false),
                on("event.s__like=bc", "{\"s\": \"xyz\"}", false),
                on("event.s__like=1", "{\"s\": 1}", false),
                on("event.s__like=bc", "{}", false),
                on("event.s__like=a,b", "{\"s\": \"xa,by\"}", true),
                // several user filters combine with AND; keys holding "__" or ":" need an explicit operator or type
                on("event.field_1__gt:numeric=36.6&event.field_2.field_3__in=value,none&event.field_4:integer=5",
                        "{\"field_1\": 37, \"field_2\": {}, \"field_4\": 5}", true),
                on("event.field_1__gt:numeric=36.6&event.field_2.field_3__in=value,none&event.field_4:integer=5",
                        "{\"field_1\": 37, \"field_2\": {\"field_3\": \"other\"}, \"field_4\": 5}", false),
                on("event.my__key__eq=v", "{\"my__key\": \"v\"}", true),
                on("event.a:b:string=v", "{\"a:b\": \"v\"}", true));
    }

    @ParameterizedTest(name = "{0} on {1} → {3}")
    @MethodSource("userFilters")
    void userFilter_matchesAsSpecified(String query, String event, GeneralEventMessage message, boolean expected) {
        assertThat(GeneralEventFilter.parse(query).toFilter().matches(message)).isEqualTo(expected);
    }

    private static Arguments on(String query, String event, boolean expected) {
        return Arguments.of(query, event, Drafts.generalMessage(eventIs(event)), expected);
    }

    private static Arguments matches(String query, Edit... edits) {
        return Arguments.of(query, Drafts.describe(edits), Drafts.generalMessage(edits), true);
    }

    private static Arguments rejects(String query, Edit... edits) {
        return Arguments.of(query, Drafts.describe(edits), Drafts.generalMessage(edits), false);
    }
}
