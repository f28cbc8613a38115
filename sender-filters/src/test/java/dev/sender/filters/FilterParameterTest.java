package dev.sender.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.filters.FilterParameter.Choice;
import dev.sender.filters.FilterParameter.ValueType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The descriptions of the parameters agree with the SPEC tables and with what the parsers accept. */
class FilterParameterTest {

    private static final Map<String, FilterParameter> HANDLER = HandlerEventFilter.parameters().stream()
            .collect(Collectors.toMap(FilterParameter::name, Function.identity()));

    @Test
    void handlerParameters_areThoseOfTheSpecTable_inItsOrder() {
        assertThat(HandlerEventFilter.parameters()).extracting(FilterParameter::name).containsExactly(
                "handler_ids", "sources", "stream_ids", "tags", "user_data", "matching_candidates_labels",
                "object_similarity__gte", "object_similarity__lt", "age__gte", "age__lt", "gender", "ethnic_groups",
                "liveness", "deepfake", "masks", "emotions", "geo_position", "cities", "areas", "districts", "streets",
                "house_numbers", "apparent_gender", "apparent_age__gte", "apparent_age__lt", "headwear_states",
                "headwear_colors", "sleeve_lengths", "upper_clothing_colors", "lower_garment_colors",
                "lower_garment_types", "shoes_colors", "backpack_states");
    }

    @Test
    void generalParameters_areTheFixedOnesOfTheSpec() {
        assertThat(GeneralEventFilter.parameters()).extracting(FilterParameter::name).containsExactly("event_type",
                "account_id", "sources", "stream_ids", "geo_position", "cities", "areas", "districts", "streets",
                "house_numbers");
        assertThat(GeneralEventFilter.parameters().get(1)).isEqualTo(
                new FilterParameter("account_id", ValueType.UUID, false, List.of(), null, null, null));
    }

    @Test
    void descriptions_sayTypeListRangeAndChoices() {
        assertThat(HANDLER.get("gender")).isEqualTo(new FilterParameter("gender", ValueType.CHOICE, false,
                List.of(new Choice("0", "female"), new Choice("1", "male")), null, null, null));
        assertThat(HANDLER.get("emotions").list()).isTrue();
        assertThat(HANDLER.get("emotions").choices()).extracting(Choice::label).containsExactly("anger", "disgust",
                "fear", "happiness", "neutral", "sadness", "surprise");
        assertThat(HANDLER.get("upper_clothing_colors").choices()).first().isEqualTo(new Choice("black", "black"));
        assertThat(HANDLER.get("apparent_age__gte")).isEqualTo(new FilterParameter("apparent_age__gte",
                ValueType.INTEGER, false, List.of(), BigDecimal.ZERO, BigDecimal.valueOf(100), null));
        assertThat(HANDLER.get("age__lt")).isEqualTo(
                new FilterParameter("age__lt", ValueType.INTEGER, false, List.of(), null, null, null));
        assertThat(HANDLER.get("object_similarity__gte").type()).isEqualTo(ValueType.NUMBER);
        assertThat(HANDLER.get("object_similarity__gte").minimum()).isEqualByComparingTo("0");
        assertThat(HANDLER.get("object_similarity__gte").maximum()).isEqualByComparingTo("1");
        assertThat(HANDLER.get("tags")).isEqualTo(
                new FilterParameter("tags", ValueType.TEXT, true, List.of(), null, null, 36));
        assertThat(HANDLER.get("handler_ids")).isEqualTo(
                new FilterParameter("handler_ids", ValueType.UUID, true, List.of(), null, null, null));
        assertThat(HANDLER.get("geo_position").type()).isEqualTo(ValueType.GEO_BOX);
        assertThat(HANDLER.get("user_data").list()).isFalse();
    }

    static Stream<FilterParameter> choiceParameters() {
        return HandlerEventFilter.parameters().stream().filter(p -> p.type() == ValueType.CHOICE);
    }

    @ParameterizedTest
    @MethodSource("choiceParameters")
    void everyChoice_parses_andNothingElseDoes(FilterParameter parameter) {
        for (Choice choice : parameter.choices()) {
            assertThatCode(() -> HandlerEventFilter.parse(parameter.name() + "=" + choice.value()))
                    .as("%s=%s", parameter.name(), choice.value()).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> HandlerEventFilter.parse(parameter.name() + "=" + "9"))
                .isInstanceOf(InvalidFilterException.class);
    }

    static Stream<FilterParameter> boundedNumbers() {
        return HandlerEventFilter.parameters().stream().filter(p -> p.minimum() != null);
    }

    @ParameterizedTest
    @MethodSource("boundedNumbers")
    void range_isWhatTheParserAccepts(FilterParameter parameter) {
        BigDecimal step = parameter.type() == ValueType.INTEGER ? BigDecimal.ONE : new BigDecimal("0.001");
        for (BigDecimal inside : List.of(parameter.minimum(), parameter.maximum())) {
            assertThatCode(() -> HandlerEventFilter.parse(parameter.name() + "=" + inside.toPlainString()))
                    .doesNotThrowAnyException();
        }
        for (BigDecimal outside : List.of(parameter.minimum().subtract(step), parameter.maximum().add(step))) {
            assertThatThrownBy(() -> HandlerEventFilter.parse(parameter.name() + "=" + outside.toPlainString()))
                    .as("%s=%s", parameter.name(), outside).isInstanceOf(InvalidFilterException.class);
        }
    }

    @Test
    void choicesOnlyWithTheirType() {
        assertThatThrownBy(() -> new FilterParameter("x", ValueType.TEXT, false, List.of(new Choice("a", "a")), null,
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> new FilterParameter("x", ValueType.CHOICE, false, List.of(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
