package dev.sender.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.testkit.SampleEvents;
import org.junit.jupiter.api.Test;

class EventTest {

    @Test
    void accessors_readTheSampleEvent() {
        Event event = SampleEvents.event();

        assertThat(event.eventId()).contains("557d54ec-29ad-4f3c-93b4-c9092ef12515");
        assertThat(event.source()).contains("3rd Avenue");
        assertThat(event.streamId()).contains("string");
        assertThat(event.tags()).containsExactly("tag1", "tag2");
        assertThat(event.userData()).contains("some event");
        assertThat(event.trackId()).contains("useful_track_id_number_1");
        assertThat(event.age()).hasValue(50);
        assertThat(event.gender()).contains(Gender.FEMALE);
        assertThat(event.ethnicity()).contains(Ethnicity.ASIAN);
        assertThat(event.liveness()).contains(Liveness.SPOOF);
        assertThat(event.deepfake()).contains(Deepfake.FAKE);
        assertThat(event.mask()).contains(Mask.MEDICAL_MASK);
        assertThat(event.emotion()).contains(Emotion.SURPRISE);
        assertThat(event.apparentGender()).contains(ApparentGender.FEMALE);
        assertThat(event.apparentAge()).hasValue(0);
        assertThat(event.headwearState()).contains(PresenceState.ABSENT);
        assertThat(event.sleeveLength()).contains(SleeveLength.SHORT);
        assertThat(event.upperClothingColors()).containsExactly(ExpandedPaletteColor.BLACK);
        assertThat(event.backpackState()).contains(PresenceState.ABSENT);
        assertThat(event.shoesColor()).isEmpty();
        assertThat(event.location()).hasValueSatisfying(location -> {
            assertThat(location.city()).isEqualTo("Moscow");
            assertThat(location.houseNumber()).isEqualTo("1/2str3");
            assertThat(location.geoPosition()).isEqualTo(new Location.GeoPosition(36.616, 55.752));
        });
        assertThat(event.matches()).hasSize(2);
        assertThat(event.matches().get(1).candidates().get(0))
                .isEqualTo(new Match.Candidate("event", "426542d6-5509-4e5b-8a01-e2abd5c0a8c7", 0.3));
        assertThat(event.topSimilarity()).hasValue(0.5);
    }

    @Test
    void emotion_fallsBackToDetectionsWhenTheAggregateLacksIt() {
        Event event = SampleEvents.event(tree -> tree.remove("aggregate_estimations"));

        assertThat(event.emotion()).contains(Emotion.NEUTRAL);
        assertThat(event.liveness()).contains(Liveness.SPOOF);
    }

    @Test
    void attributes_fallBackToDetectionsWhenTheAggregateHoldsAnotherJsonType_asFiltersDo() {
        Event event = SampleEvents.event(tree -> {
            ((ObjectNode) tree.at("/aggregate_estimations/face/attributes/emotions"))
                    .putObject("predominant_emotion");
            ((ObjectNode) tree.at("/aggregate_estimations/body/attributes/basic_attributes"))
                    .put("apparent_age", "30").put("apparent_gender", "male");
            ((ObjectNode) tree.at("/detections/0/samples/body/detection/attributes/basic_attributes"))
                    .put("apparent_age", 30).put("apparent_gender", 1);
        });

        assertThat(event.emotion()).contains(Emotion.NEUTRAL);
        assertThat(event.apparentAge()).hasValue(30);
        assertThat(event.apparentGender()).contains(ApparentGender.MALE);
    }

    @Test
    void bodyAccessors_readEveryBodyAttributeOfTheAggregate() {
        Event event = SampleEvents.event(tree -> {
            ObjectNode body = (ObjectNode) tree.at("/aggregate_estimations/body/attributes");
            ((ObjectNode) body.at("/upper_body/headwear")).put("apparent_color", "other");
            ObjectNode lowerBody = body.putObject("lower_body");
            ObjectNode garment = lowerBody.putObject("lower_garment");
            garment.put("type", "skirt");
            garment.putArray("colors").add("khaki").add("red");
            lowerBody.putObject("shoes").put("apparent_color", "white");
        });

        assertThat(event.headwearColor()).contains(ShortPaletteColor.OTHER);
        assertThat(event.lowerGarmentType()).contains(LowerGarmentType.SKIRT);
        assertThat(event.lowerGarmentColors()).containsExactly(ExpandedPaletteColor.KHAKI, ExpandedPaletteColor.RED);
        assertThat(event.shoesColor()).contains(ShortPaletteColor.WHITE);
    }

    @Test
    void accessors_ofAnEventLackingTheFields_areEmpty() {
        Event event = Event.parse("{\"source\":1,\"tags\":\"tag1\",\"face_attributes\":{\"basic_attributes\":"
                + "{\"age\":\"50\",\"gender\":null}}}");

        assertThat(event.source()).isEmpty();
        assertThat(event.tags()).isEmpty();
        assertThat(event.age()).isEmpty();
        assertThat(event.gender()).isEmpty();
        assertThat(event.location()).isEmpty();
        assertThat(event.matches()).isEmpty();
        assertThat(event.topSimilarity()).isEmpty();
        assertThat(event.upperClothingColors()).isEmpty();
    }

    @Test
    void toTree_isACopyTheCallerMayChange() {
        Event event = Event.parse("{\"a\":1}");

        event.toTree().put("a", 2);

        assertThat(event.toTree().get("a").intValue()).isEqualTo(1);
        assertThat(event.json()).isEqualTo("{\"a\":1}");
    }

    @Test
    void parse_refusesAnythingButOneObject() {
        assertThatThrownBy(() -> Event.parse("[]")).isInstanceOf(InvalidJsonException.class);
        assertThatThrownBy(() -> Event.parse("{} 1")).isInstanceOf(InvalidJsonException.class);
        assertThatThrownBy(() -> Event.parse("{\"a\":}")).isInstanceOf(InvalidJsonException.class);
        assertThat(Event.parse(" {\"a\":1} ").jsonLength()).isEqualTo(9);
    }

    @Test
    void parse_refusesAStringUtf8CannotCarry_ratherThanAlterIt() {
        assertThatThrownBy(() -> Event.parse("{\"a\":\"\uD800\"}")).isInstanceOfSatisfying(InvalidJsonException.class,
                e -> assertThat(e.kind()).isEqualTo(InvalidJsonException.Kind.NOT_JSON));
        assertThatThrownBy(() -> Event.parse("{\"a\":\"x\uDC00\"}")).isInstanceOf(InvalidJsonException.class);
        assertThat(Event.parse("{\"a\":\"😀\"}").json()).isEqualTo("{\"a\":\"😀\"}");
    }

    @Test
    void events_areEqualByTheirBytes() {
        assertThat(Event.parse("{\"a\":1}")).isEqualTo(Event.parse("{\"a\":1}"))
                .isNotEqualTo(Event.parse("{\"a\": 1}"));
    }
}
