package dev.sender.filters;

import static dev.sender.filters.Drafts.BODY_AGGREGATE;
import static dev.sender.filters.Drafts.BODY_DETECTION;
import static dev.sender.filters.Drafts.FACE_AGGREGATE;
import static dev.sender.filters.Drafts.FACE_DETECTION;
import static dev.sender.filters.Drafts.handlerId;
import static dev.sender.filters.Drafts.remove;
import static dev.sender.filters.Drafts.secondDetection;
import static dev.sender.filters.Drafts.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.Drafts.Edit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter of SPEC §3 against variations of the LUNA sample event: an event that matches, one that does
 * not, one that lacks the field, and the aggregate-versus-detections rule of face and body attributes.
 */
class HandlerEventFilterMatchingTest {

    private static final String OTHER_UUID = "8950722f-3fd4-4223-b48f-03f95f0e8dfb";
    private static final String STREAM = "346a5645-ec89-4806-820a-dbcb6e0dc38f";

    static Stream<Arguments> parameters() {
        return Stream.of(
                // handler_ids: the message's handler_id, UUIDs compared case-insensitively
                matches("handler_ids=" + Drafts.SAMPLE_HANDLER_ID),
                matches("handler_ids=" + OTHER_UUID + "," + Drafts.SAMPLE_HANDLER_ID),
                matches("handler_ids=" + Drafts.SAMPLE_HANDLER_ID.toUpperCase()),
                matches("handler_ids=" + Drafts.SAMPLE_HANDLER_ID, handlerId(Drafts.SAMPLE_HANDLER_ID.toUpperCase())),
                rejects("handler_ids=" + OTHER_UUID),
                rejects("handler_ids=" + OTHER_UUID, handlerId("not-a-uuid")),
                // sources
                matches("sources=3rd+Avenue"),
                matches("sources=cam1,3rd%20Avenue"),
                rejects("sources=cam1"),
                rejects("sources=3rd+avenue"),
                rejects("sources=3rd+Avenue", remove("source")),
                rejects("sources=3rd+Avenue", set("source", "null")),
                rejects("sources=5", set("source", "5")),
                // stream_ids
                matches("stream_ids=" + STREAM, set("stream_id", q(STREAM))),
                matches("stream_ids=" + STREAM.toUpperCase(), set("stream_id", q(STREAM))),
                matches("stream_ids=" + OTHER_UUID + "," + STREAM, set("stream_id", q(STREAM.toUpperCase()))),
                rejects("stream_ids=" + OTHER_UUID, set("stream_id", q(STREAM))),
                rejects("stream_ids=" + STREAM, remove("stream_id")),
                rejects("stream_ids=" + STREAM),
                // tags: all of them
                matches("tags=tag1"),
                matches("tags=tag2,tag1"),
                rejects("tags=tag1,tag3"),
                rejects("tags=tag3"),
                rejects("tags=tag1", remove("tags")),
                rejects("tags=tag1", set("tags", "[]")),
                rejects("tags=tag1", set("tags", "\"tag1\"")),
                // user_data: substring
                matches("user_data=me+ev"),
                matches("user_data=some+event"),
                matches("user_data=cd", set("user_data", "\"abcd\"")),
                matches("user_data=cd", set("user_data", "\"cdef\"")),
                rejects("user_data=Some"),
                rejects("user_data=some+events"),
                rejects("user_data=some", remove("user_data")),
                // matching_candidates_labels: any label
                matches("matching_candidates_labels=bad+guys"),
                matches("matching_candidates_labels=x,good+guys"),
                rejects("matching_candidates_labels=guys"),
                rejects("matching_candidates_labels=good+guys", remove("matches")),
                // object_similarity: the greatest similarity of all candidates (0.5 and 0.3 in the sample)
                matches("object_similarity__gte=0.5"),
                matches("object_similarity__gte=0.4"),
                rejects("object_similarity__gte=0.6"),
                matches("object_similarity__lt=0.6"),
                rejects("object_similarity__lt=0.5"),
                rejects("object_similarity__lt=0.4"),
                matches("object_similarity__lt=0.4", set("matches.0.candidates.0.similarity", "0.35")),
                matches("object_similarity__gte=0.9", set("matches.1.candidates.1", "{\"similarity\": 0.95}")),
                rejects("object_similarity__gte=0", remove("matches")),
                rejects("object_similarity__lt=1", remove("matches")),
                rejects("object_similarity__lt=1", set("matches", "[]")),
                // age
                matches("age__gte=50"),
                rejects("age__gte=51"),
                matches("age__lt=51"),
                rejects("age__lt=50"),
                matches("age__gte=40&age__lt=60"),
                rejects("age__gte=51&age__lt=60"),
                rejects("age__gte=0", remove("face_attributes.basic_attributes.age")),
                rejects("age__gte=0", set("face_attributes.basic_attributes.age", "\"50\"")),
                // gender (0 in the sample)
                matches("gender=0"),
                rejects("gender=1"),
                matches("gender=1", set("face_attributes.basic_attributes.gender", "1")),
                rejects("gender=0", remove("face_attributes.basic_attributes.gender")),
                rejects("gender=0", set("face_attributes.basic_attributes.gender", "\"0\"")),
                // ethnic_groups (asian = 2)
                matches("ethnic_groups=2"),
                matches("ethnic_groups=1,2"),
                rejects("ethnic_groups=3"),
                rejects("ethnic_groups=2", remove("face_attributes.basic_attributes.ethnicities")),
                // face attributes of the aggregate: spoof, fake, medical_mask, surprise
                matches("liveness=0"),
                rejects("liveness=1,2"),
                matches("deepfake=0"),
                rejects("deepfake=1"),
                matches("masks=1"),
                rejects("masks=2,3"),
                matches("emotions=7"),
                rejects("emotions=1,2,3,4,5,6"),
                // geo_position (36.616, 55.752): |lon − X| ≤ DX and |lat − Y| ≤ DY
                matches("geo_position=origin_longitude,36.616,origin_latitude,55.752"),
                matches("geo_position=origin_latitude,55.752,origin_longitude,36.616"),
                matches("geo_position=origin_longitude,36.626,origin_latitude,55.742"),
                rejects("geo_position=origin_longitude,36.627,origin_latitude,55.752"),
                rejects("geo_position=origin_longitude,36.616,origin_latitude,55.763"),
                matches("geo_position=origin_longitude,36.7,origin_latitude,55.752,longitude_delta,0.1"),
                matches("geo_position=origin_longitude,36.616,origin_latitude,55,latitude_delta,1"),
                matches("geo_position=origin_longitude,36.616,origin_latitude,55.752,longitude_delta,0,latitude_delta,0"),
                rejects("geo_position=origin_longitude,36.616,origin_latitude,55.752", remove("location.geo_position")),
                rejects("geo_position=origin_longitude,36.616,origin_latitude,55.752",
                        set("location.geo_position.longitude", "\"36.616\"")),
                // location strings
                matches("cities=Moscow"),
                matches("cities=moscow,New-York,Moscow"),
                rejects("cities=moscow"),
                rejects("cities=Moscow", remove("location")),
                matches("areas=CAO,central+park"),
                rejects("areas=central+park"),
                rejects("areas=CAO", remove("location.area")),
                matches("districts=mitino"),
                rejects("districts=arbat"),
                rejects("districts=mitino", set("location.district", "null")),
                matches("streets=arbat,schepkina"),
                rejects("streets=arbat"),
                rejects("streets=schepkina", remove("location.street")),
                matches("house_numbers=1,1/2str3"),
                matches("house_numbers=1%2F2str3"),
                rejects("house_numbers=1"),
                rejects("house_numbers=1/2str3", remove("location.house_number")),
                // body attributes of the aggregate: female, age 0, no headwear, short sleeves, black, no backpack
                matches("apparent_gender=0"),
                rejects("apparent_gender=1,2"),
                matches("apparent_age__gte=0"),
                rejects("apparent_age__gte=1"),
                matches("apparent_age__lt=1"),
                rejects("apparent_age__lt=0"),
                matches("headwear_states=0"),
                rejects("headwear_states=1,2"),
                rejects("headwear_colors=black"),
                matches("headwear_colors=black", set(BODY_AGGREGATE + "upper_body.headwear.apparent_color", "\"black\"")),
                matches("sleeve_lengths=short"),
                rejects("sleeve_lengths=long,undefined"),
                matches("upper_clothing_colors=red,black"),
                rejects("upper_clothing_colors=red"),
                matches("upper_clothing_colors=white",
                        set(BODY_AGGREGATE + "upper_body.upper_clothing.colors", "[\"red\", \"white\"]")),
                rejects("lower_garment_colors=black"),
                matches("lower_garment_colors=khaki,beige",
                        set(BODY_AGGREGATE + "lower_body.lower_garment.colors", "[\"beige\"]")),
                rejects("lower_garment_types=trousers"),
                matches("lower_garment_types=trousers",
                        set(BODY_AGGREGATE + "lower_body.lower_garment.type", "\"trousers\"")),
                rejects("shoes_colors=white"),
                matches("shoes_colors=other,white", set(BODY_AGGREGATE + "lower_body.shoes.apparent_color", "\"white\"")),
                matches("backpack_states=0"),
                rejects("backpack_states=1"),
                // no parameter; several parameters (AND)
                matches(""),
                matches("gender=0&sources=3rd+Avenue&tags=tag1&cities=Moscow"),
                rejects("gender=0&sources=cam1"));
    }

    @ParameterizedTest(name = "{0}: {1} → {3}")
    @MethodSource("parameters")
    void parameter_matchesAsSpecified(String query, String event, HandlerEventMessage message, boolean expected) {
        assertThat(HandlerEventFilter.parse(query).toFilter().matches(message)).isEqualTo(expected);
    }

    /**
     * A face or body attribute: where it sits relative to the aggregate and detection attributes, a value
     * that the query accepts and one it does not.
     */
    record Attribute(String query, String aggregate, String detection, String relative, String accepted,
            String other) {
        @Override
        public String toString() {
            return query;
        }

        Edit aggregateIs(String json) {
            return set(aggregate + relative, json);
        }

        Edit detectionIs(String json) {
            return set(detection + relative, json);
        }

        Edit noAggregate() {
            return remove(aggregate + relative);
        }

        Edit noDetection() {
            return remove(detection + relative);
        }

        boolean matches(Edit... edits) {
            return HandlerEventFilter.parse(query).toFilter().matches(Drafts.handlerMessage(edits));
        }
    }

    static Stream<Attribute> attributes() {
        return Stream.of(
                face("liveness=1", "liveness.prediction", "\"real\"", "\"spoof\""),
                face("deepfake=1", "deepfake.prediction", "\"real\"", "\"fake\""),
                face("masks=2", "mask.predominant_mask", "\"missing\"", "\"medical_mask\""),
                face("emotions=4,5", "emotions.predominant_emotion", "\"happiness\"", "\"surprise\""),
                body("apparent_gender=1", "basic_attributes.apparent_gender", "1", "0"),
                body("apparent_age__gte=30", "basic_attributes.apparent_age", "40", "20"),
                body("apparent_age__lt=30", "basic_attributes.apparent_age", "20", "40"),
                body("headwear_states=1", "upper_body.headwear.state", "1", "0"),
                body("headwear_colors=white", "upper_body.headwear.apparent_color", "\"white\"", "\"black\""),
                body("sleeve_lengths=long", "upper_body.sleeve.length", "\"long\"", "\"short\""),
                body("upper_clothing_colors=red,blue", "upper_body.upper_clothing.colors",
                        "[\"white\", \"blue\"]", "[\"white\"]"),
                body("lower_garment_colors=red", "lower_body.lower_garment.colors", "[\"red\"]", "[\"black\"]"),
                body("lower_garment_types=skirt", "lower_body.lower_garment.type", "\"skirt\"", "\"trousers\""),
                body("shoes_colors=white", "lower_body.shoes.apparent_color", "\"white\"", "\"black\""),
                body("backpack_states=1", "accessories.backpack.state", "1", "0"));
    }

    private static Attribute face(String query, String relative, String accepted, String other) {
        return new Attribute(query, FACE_AGGREGATE, FACE_DETECTION, relative, accepted, other);
    }

    private static Attribute body(String query, String relative, String accepted, String other) {
        return new Attribute(query, BODY_AGGREGATE, BODY_DETECTION, relative, accepted, other);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_aggregateAccepted_matches(Attribute a) {
        assertThat(a.matches(a.aggregateIs(a.accepted()), a.detectionIs(a.other()))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_aggregateOther_rejectsEvenWhenADetectionIsAccepted(Attribute a) {
        assertThat(a.matches(a.aggregateIs(a.other()), a.detectionIs(a.accepted()))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_aggregateMissing_matchesAnAcceptedDetection(Attribute a) {
        assertThat(a.matches(a.noAggregate(), a.detectionIs(a.accepted()))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_aggregateNull_matchesAnAcceptedDetection(Attribute a) {
        assertThat(a.matches(a.aggregateIs("null"), a.detectionIs(a.accepted()))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_aggregateOfWrongType_matchesAnAcceptedDetection(Attribute a) {
        assertThat(a.matches(a.aggregateIs("{\"unexpected\": true}"), a.detectionIs(a.accepted()))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_aggregateMissing_matchesWhenAnyDetectionIsAccepted(Attribute a) {
        assertThat(a.matches(a.noAggregate(), a.detectionIs(a.other()),
                secondDetection("samples." + (a.detection().contains("face") ? "face" : "body")
                        + ".detection.attributes." + a.relative(), a.accepted()))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_aggregateMissing_rejectsWhenNoDetectionIsAccepted(Attribute a) {
        assertThat(a.matches(a.noAggregate(), a.detectionIs(a.other()))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void attribute_lackingEverywhere_rejects(Attribute a) {
        assertThat(a.matches(a.noAggregate(), a.noDetection())).isFalse();
        assertThat(a.matches(a.noAggregate(), remove("detections"))).isFalse();
    }

    @Test
    void objectSimilarity_readsTheTopCandidateOnly() {
        // 0.3 < 0.4 for one candidate, but the top candidate's 0.5 is what counts.
        assertThat(HandlerEventFilter.parse("object_similarity__lt=0.4").toFilter()
                .matches(Drafts.handlerMessage())).isFalse();
        assertThat(HandlerEventFilter.parse("object_similarity__gte=0.5&object_similarity__lt=0.6").toFilter()
                .matches(Drafts.handlerMessage())).isTrue();
    }

    private static Arguments matches(String query, Edit... edits) {
        return Arguments.of(query, Drafts.describe(edits), Drafts.handlerMessage(edits), true);
    }

    private static Arguments rejects(String query, Edit... edits) {
        return Arguments.of(query, Drafts.describe(edits), Drafts.handlerMessage(edits), false);
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }
}
