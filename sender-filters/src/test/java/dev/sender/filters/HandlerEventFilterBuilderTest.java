package dev.sender.filters;

import static dev.sender.filters.Rejections.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.core.event.ApparentGender;
import dev.sender.core.event.Deepfake;
import dev.sender.core.event.Emotion;
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
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The typed builder: what it builds, and the values it refuses at once. */
class HandlerEventFilterBuilderTest {

    private static final UUID ID = UUID.fromString("8950722f-3fd4-4223-b48f-03f95f0e8dfb");

    @Test
    void builder_readmeExample_printsAndParsesBack() {
        HandlerEventFilter f = HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).sources("cam1", "cam2")
                .build();
        assertThat(f.toQueryString()).isEqualTo("sources=cam1,cam2&age__gte=30&gender=1");
        assertThat(HandlerEventFilter.parse(f.toQueryString())).isEqualTo(f).hasSameHashCodeAs(f);
        assertThat(f.toFilter()).isEqualTo(Filter.and(
                Filter.in(EventFields.SOURCE, Value.string("cam1"), Value.string("cam2")),
                Filter.gte(EventFields.AGE, Value.number(30)),
                Filter.eq(EventFields.GENDER, Value.number(1))));
    }

    @Test
    void builder_everyParameter_printsInSpecOrder() {
        HandlerEventFilter f = HandlerEventFilter.builder()
                .backpackStates(PresenceState.PRESENT)
                .shoesColors(ShortPaletteColor.WHITE)
                .lowerGarmentTypes(LowerGarmentType.SKIRT, LowerGarmentType.SHORTS)
                .lowerGarmentColors(ExpandedPaletteColor.KHAKI)
                .upperClothingColors(ExpandedPaletteColor.MULTICOLORED, ExpandedPaletteColor.RED)
                .sleeveLengths(SleeveLength.LONG)
                .headwearColors(ShortPaletteColor.OTHER)
                .headwearStates(PresenceState.ABSENT, PresenceState.UNDEFINED)
                .apparentAgeBelow(60)
                .apparentAgeAtLeast(18)
                .apparentGenders(ApparentGender.UNDEFINED)
                .houseNumbers("1/2str3")
                .streets("arbat")
                .districts("mitino")
                .areas("central park")
                .cities("Moscow", "New-York")
                .geoPosition(new GeoBounds(36.616, 55.752, 0.5, 0.25))
                .emotions(Emotion.ANGER)
                .masks(Mask.OCCLUDED)
                .deepfake(Deepfake.REAL)
                .liveness(Liveness.REAL, Liveness.UNKNOWN)
                .ethnicGroups(Ethnicity.INDIAN)
                .gender(Gender.FEMALE)
                .ageBelow(70)
                .ageAtLeast(20)
                .objectSimilarityBelow(0.99)
                .objectSimilarityAtLeast(0.5)
                .matchingCandidatesLabels("good guys")
                .userData("some data")
                .tags("a", "b")
                .streamIds(ID)
                .sources("cam")
                .handlerIds(ID)
                .build();
        assertThat(f.toQueryString()).isEqualTo("handler_ids=" + ID + "&sources=cam&stream_ids=" + ID
                + "&tags=a,b&user_data=some+data&matching_candidates_labels=good+guys&object_similarity__gte=0.5"
                + "&object_similarity__lt=0.99&age__gte=20&age__lt=70&gender=0&ethnic_groups=4&liveness=1,2"
                + "&deepfake=1&masks=3&emotions=1"
                + "&geo_position=origin_longitude,36.616,origin_latitude,55.752,longitude_delta,0.5,latitude_delta,0.25"
                + "&cities=Moscow,New-York&areas=central+park&districts=mitino&streets=arbat&house_numbers=1/2str3"
                + "&apparent_gender=2&apparent_age__gte=18&apparent_age__lt=60&headwear_states=0,2"
                + "&headwear_colors=other&sleeve_lengths=long&upper_clothing_colors=multicolored,red"
                + "&lower_garment_colors=khaki&lower_garment_types=skirt,shorts&shoes_colors=white&backpack_states=1");
        assertThat(HandlerEventFilter.parse(f.toQueryString())).isEqualTo(f);
        assertThat(f.toQueryParameters()).hasSize(33);
    }

    @Test
    void setter_calledTwice_replacesTheValue() {
        assertThat(HandlerEventFilter.builder().sources("a").sources("b").build().toQueryString())
                .isEqualTo("sources=b");
    }

    @Test
    void builder_usedAfterBuild_leavesTheBuiltFilterAlone() {
        HandlerEventFilter.Builder builder = HandlerEventFilter.builder().sources("a");
        String[] cities = {"Moscow"};
        HandlerEventFilter built = builder.cities(cities).build();

        builder.sources("b").gender(Gender.MALE);
        cities[0] = "Paris";

        assertThat(built.toQueryString()).isEqualTo("sources=a&cities=Moscow");
        assertThatThrownBy(() -> built.toQueryParameters().put("gender", "1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builder_repeatedItems_collapse() {
        assertThat(HandlerEventFilter.builder().sources("a", "b", "a").build().toQueryParameters())
                .containsEntry("sources", "a,b");
    }

    @Test
    void toBuilder_makesAVariantAndLeavesTheOriginal() {
        HandlerEventFilter f = HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).build();
        HandlerEventFilter g = f.toBuilder().without("age__gte").ageBelow(20).build();
        assertThat(g.toQueryString()).isEqualTo("age__lt=20&gender=1");
        assertThat(f.toQueryString()).isEqualTo("age__gte=30&gender=1");
        assertThat(f.toBuilder().without("gender").without("age__gte").build().isEmpty()).isTrue();
        assertRefused(() -> f.toBuilder().without("event_type"), "event_type", "unknown parameter");
    }

    @Test
    void builder_valuesNoQueryCouldCarry_areRefusedNamingTheParameter() {
        HandlerEventFilter.Builder b = HandlerEventFilter.builder();
        assertRefused(() -> b.sources("a,b"), "sources", "contains a comma");
        assertRefused(() -> b.sources(), "sources", "at least one value");
        assertRefused(() -> b.cities("Moscow", ""), "cities", "empty value");
        assertRefused(() -> b.tags("x".repeat(37)), "tags", "longer than 36 characters");
        assertRefused(() -> b.userData(""), "user_data", "empty value");
        assertRefused(() -> b.userData("\uDC00"), "user_data", "unpaired surrogate");
        assertRefused(() -> b.objectSimilarityAtLeast(1.01), "object_similarity__gte", "between 0 and 1");
        assertRefused(() -> b.objectSimilarityBelow(Double.NaN), "object_similarity__lt", "between 0 and 1");
        assertRefused(() -> b.apparentAgeAtLeast(101), "apparent_age__gte", "between 0 and 100");
        assertRefused(() -> b.apparentAgeBelow(-1), "apparent_age__lt", "between 0 and 100");
        assertRefused(() -> b.ethnicGroups(), "ethnic_groups", "at least one value");
        assertThat(b.build().isEmpty()).isTrue();
    }

    @Test
    void builder_nullArguments_failNamingTheParameter() {
        HandlerEventFilter.Builder b = HandlerEventFilter.builder();
        assertThatNullPointerException().isThrownBy(() -> b.gender(null)).withMessage("gender");
        assertThatNullPointerException().isThrownBy(() -> b.sources((String[]) null)).withMessage("sources");
        assertThatNullPointerException().isThrownBy(() -> b.sources("a", null)).withMessage("sources");
        assertThatNullPointerException().isThrownBy(() -> b.geoPosition(null)).withMessage("geo_position");
        assertThatNullPointerException().isThrownBy(() -> HandlerEventFilter.parse((String) null))
                .withMessage("rawQuery");
    }

    @Test
    void equality_dependsOnValuesNotOnTheOrderTheyWereSet() {
        HandlerEventFilter a = HandlerEventFilter.builder().gender(Gender.MALE).cities("x").build();
        HandlerEventFilter b = HandlerEventFilter.builder().cities("x").gender(Gender.MALE).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).hasToString(b.toString());
        assertThat(a).isNotEqualTo(HandlerEventFilter.builder().gender(Gender.FEMALE).cities("x").build());
        assertThat(HandlerEventFilter.builder().build()).isSameAs(HandlerEventFilter.empty());
    }
}
