package dev.sender.filters;

import static dev.sender.filters.Drafts.BODY_AGGREGATE;
import static dev.sender.filters.Drafts.FACE_AGGREGATE;
import static dev.sender.filters.Drafts.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.ApparentGender;
import dev.sender.core.event.Deepfake;
import dev.sender.core.event.Emotion;
import dev.sender.core.event.Ethnicity;
import dev.sender.core.event.EventAttribute;
import dev.sender.core.event.ExpandedPaletteColor;
import dev.sender.core.event.Gender;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.Liveness;
import dev.sender.core.event.LowerGarmentType;
import dev.sender.core.event.Mask;
import dev.sender.core.event.PresenceState;
import dev.sender.core.event.ShortPaletteColor;
import dev.sender.core.event.SleeveLength;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every enumerated value of SPEC §3, written out from the SPEC table rather than derived from the enums: the
 * query token, and the JSON value an event carries for it. An event carrying the value matches its token and
 * no other token of the parameter.
 */
class EnumeratedValuesTest {

    private static final String BASIC = "face_attributes.basic_attributes.";
    private static final String[] PALETTE = {"black", "blue", "green", "gray", "orange", "purple", "red", "white",
        "yellow", "pink", "brown", "beige", "khaki", "multicolored", "undefined"};

    /** The parameter, a query token, where the event carries the value, and the JSON value for the token. */
    record Row(String parameter, String token, String path, String json) {
        @Override
        public String toString() {
            return parameter + "=" + token + " ↔ " + json;
        }
    }

    private static final List<Row> ROWS = rows();

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        codes(rows, "gender", BASIC + "gender", "0", "0", "1", "1");
        codes(rows, "ethnic_groups", BASIC + "ethnicities.predominant_ethnicity",
                "1", "\"african_american\"", "2", "\"asian\"", "3", "\"caucasian\"", "4", "\"indian\"");
        codes(rows, "liveness", FACE_AGGREGATE + "liveness.prediction",
                "0", "\"spoof\"", "1", "\"real\"", "2", "\"unknown\"");
        codes(rows, "deepfake", FACE_AGGREGATE + "deepfake.prediction", "0", "\"fake\"", "1", "\"real\"");
        codes(rows, "masks", FACE_AGGREGATE + "mask.predominant_mask",
                "1", "\"medical_mask\"", "2", "\"missing\"", "3", "\"occluded\"");
        codes(rows, "emotions", FACE_AGGREGATE + "emotions.predominant_emotion",
                "1", "\"anger\"", "2", "\"disgust\"", "3", "\"fear\"", "4", "\"happiness\"", "5", "\"neutral\"",
                "6", "\"sadness\"", "7", "\"surprise\"");
        codes(rows, "apparent_gender", BODY_AGGREGATE + "basic_attributes.apparent_gender",
                "0", "0", "1", "1", "2", "2");
        codes(rows, "headwear_states", BODY_AGGREGATE + "upper_body.headwear.state", "0", "0", "1", "1", "2", "2");
        words(rows, "headwear_colors", BODY_AGGREGATE + "upper_body.headwear.apparent_color", false,
                "black", "other", "white", "undefined");
        words(rows, "sleeve_lengths", BODY_AGGREGATE + "upper_body.sleeve.length", false,
                "short", "long", "undefined");
        words(rows, "upper_clothing_colors", BODY_AGGREGATE + "upper_body.upper_clothing.colors", true, PALETTE);
        words(rows, "lower_garment_colors", BODY_AGGREGATE + "lower_body.lower_garment.colors", true, PALETTE);
        words(rows, "lower_garment_types", BODY_AGGREGATE + "lower_body.lower_garment.type", false,
                "trousers", "shorts", "skirt", "undefined");
        words(rows, "shoes_colors", BODY_AGGREGATE + "lower_body.shoes.apparent_color", false,
                "black", "other", "white", "undefined");
        codes(rows, "backpack_states", BODY_AGGREGATE + "accessories.backpack.state", "0", "0", "1", "1", "2", "2");
        return rows;
    }

    private static void codes(List<Row> rows, String parameter, String path, String... tokensAndJson) {
        for (int i = 0; i < tokensAndJson.length; i += 2) {
            rows.add(new Row(parameter, tokensAndJson[i], path, tokensAndJson[i + 1]));
        }
    }

    private static void words(List<Row> rows, String parameter, String path, boolean array, String... words) {
        for (String word : words) {
            rows.add(new Row(parameter, word, path, array ? "[\"" + word + "\"]" : "\"" + word + "\""));
        }
    }

    static Stream<Row> rowsStream() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsStream")
    void eventCarryingTheValue_matchesItsTokenOnly(Row row) {
        HandlerEventMessage message = Drafts.handlerMessage(set(row.path(), row.json()));

        for (Row other : ROWS) {
            if (other.parameter().equals(row.parameter())) {
                boolean matches = HandlerEventFilter.parse(other.parameter() + "=" + other.token()).toFilter()
                        .matches(message);
                assertThat(matches).as("%s=%s on %s", other.parameter(), other.token(), row.json())
                        .isEqualTo(other.token().equals(row.token()));
            }
        }
    }

    @Test
    void everyEnumeratedParameter_acceptsExactlyTheTokensOfTheSpec() {
        Map<String, Class<? extends EventAttribute>> types = Map.ofEntries(
                Map.entry("gender", Gender.class), Map.entry("ethnic_groups", Ethnicity.class),
                Map.entry("liveness", Liveness.class), Map.entry("deepfake", Deepfake.class),
                Map.entry("masks", Mask.class), Map.entry("emotions", Emotion.class),
                Map.entry("apparent_gender", ApparentGender.class), Map.entry("headwear_states", PresenceState.class),
                Map.entry("headwear_colors", ShortPaletteColor.class), Map.entry("sleeve_lengths", SleeveLength.class),
                Map.entry("upper_clothing_colors", ExpandedPaletteColor.class),
                Map.entry("lower_garment_colors", ExpandedPaletteColor.class),
                Map.entry("lower_garment_types", LowerGarmentType.class),
                Map.entry("shoes_colors", ShortPaletteColor.class), Map.entry("backpack_states", PresenceState.class));
        Map<String, List<String>> specTokens = ROWS.stream().collect(Collectors.groupingBy(Row::parameter,
                Collectors.mapping(Row::token, Collectors.toList())));

        assertThat(specTokens.keySet()).isEqualTo(types.keySet());
        types.forEach((parameter, type) -> assertThat(Stream.of(type.getEnumConstants())
                .map(EventAttribute::queryValue).toList()).as(parameter)
                .containsExactlyInAnyOrderElementsOf(specTokens.get(parameter)));
    }
}
