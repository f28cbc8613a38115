package dev.sender.filters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.ErrorCode;
import dev.sender.core.event.Emotion;
import dev.sender.core.event.EventFields;
import dev.sender.core.event.ExpandedPaletteColor;
import dev.sender.core.event.Gender;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The snippets of docs/filters.md, so that the page never shows code that does not work. */
class DocsSnippetsTest {

    @Test
    void parsing() {
        HandlerEventFilter filter = HandlerEventFilter.parse("gender=1&age__gte=30&sources=cam1,cam2");
        HandlerEventFilter same = HandlerEventFilter.parse(Map.of(
                "gender", List.of("1"), "age__gte", List.of("30"), "sources", List.of("cam1,cam2")));
        assertThat(same).isEqualTo(filter);

        try {
            HandlerEventFilter.parse("age__gte=abc");
            throw new AssertionError("not refused");
        } catch (InvalidFilterException e) {
            assertThat(e.parameter()).isEqualTo("age__gte");
            assertThat(e.detail()).isEqualTo("Parameter 'age__gte': expected an integer, got 'abc'");
            assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS);
        }
    }

    @Test
    void handlerBuilder() {
        HandlerEventFilter adults = HandlerEventFilter.builder()
                .gender(Gender.MALE)
                .ageAtLeast(30)
                .sources("cam1", "cam2")
                .build();
        assertThat(adults.toQueryString()).isEqualTo("sources=cam1,cam2&age__gte=30&gender=1");

        HandlerEventFilter nearby = adults.toBuilder()
                .without("age__gte")
                .geoPosition(GeoBounds.around(36.616, 55.752))
                .emotions(Emotion.HAPPINESS, Emotion.SURPRISE)
                .upperClothingColors(ExpandedPaletteColor.RED)
                .objectSimilarityAtLeast(0.8)
                .build();
        assertThat(nearby.toQueryString()).isEqualTo(
                "sources=cam1,cam2&object_similarity__gte=0.8&gender=1&emotions=4,7"
                        + "&geo_position=origin_longitude,36.616,origin_latitude,55.752&upper_clothing_colors=red");
    }

    @Test
    void generalBuilder() {
        GeneralEventFilter doors = GeneralEventFilter.builder()
                .eventTypes("door_opened", "door_closed")
                .accountId(UUID.fromString("904e635f-3a47-4832-b4d6-d2d72ba78451"))
                .where(UserFilter.of("field_1", Operator.GT, FieldType.NUMERIC, "36.6"))
                .where(UserFilter.of("field_2.field_3", Operator.IN, FieldType.STRING, "value", "none"))
                .where(UserFilter.of("field_4", Operator.EQ, FieldType.INTEGER, "5"))
                .build();
        assertThat(doors.toQueryString()).isEqualTo(
                "event_type=door_opened,door_closed&account_id=904e635f-3a47-4832-b4d6-d2d72ba78451"
                        + "&event.field_1__gt:numeric=36.6&event.field_2.field_3__in=value,none"
                        + "&event.field_4:integer=5");
    }

    @Test
    void toCoreFilter() {
        Filter core = HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).build().toFilter();
        assertThat(core).isEqualTo(Filter.and(Filter.gte(EventFields.AGE, Value.number(30)),
                Filter.eq(EventFields.GENDER, Value.number(1))));
    }
}
