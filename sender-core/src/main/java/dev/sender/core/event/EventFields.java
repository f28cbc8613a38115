package dev.sender.core.event;

import dev.sender.core.filter.Field;

/**
 * Where LUNA messages carry what filters read (SPEC §3), as {@link Field}s rooted at the message a subscriber
 * receives. Face and body attributes read the aggregate first and fall back to the detections when the
 * aggregate lacks a value.
 */
public final class EventFields {

    private static final String FACE_AGGREGATE = "event.aggregate_estimations.face.attributes.";
    private static final String FACE_DETECTIONS = "event.detections[].samples.face.detection.attributes.";
    private static final String BODY_AGGREGATE = "event.aggregate_estimations.body.attributes.";
    private static final String BODY_DETECTIONS = "event.detections[].samples.body.detection.attributes.";

    /** The message's {@code handler_id}. */
    public static final Field HANDLER_ID = Field.of("handler_id");
    /** A general message's {@code event_type}. */
    public static final Field EVENT_TYPE = Field.of("event_type");
    /** A general message's {@code account_id}. */
    public static final Field ACCOUNT_ID = Field.of("account_id");

    /** {@code event.source}. */
    public static final Field SOURCE = Field.of("event.source");
    /** {@code event.stream_id}. */
    public static final Field STREAM_ID = Field.of("event.stream_id");
    /** Every element of {@code event.tags}. */
    public static final Field TAGS = Field.of("event.tags[]");
    /** {@code event.user_data}. */
    public static final Field USER_DATA = Field.of("event.user_data");
    /** Every {@code label} of {@code event.matches}. */
    public static final Field MATCH_LABELS = Field.of("event.matches[].label");
    /** The greatest {@code similarity} of any candidate of any match: the top candidate's similarity. */
    public static final Field TOP_SIMILARITY = Field.of("event.matches[].candidates[].similarity").max();

    /** {@code event.face_attributes.basic_attributes.age}. */
    public static final Field AGE = Field.of("event.face_attributes.basic_attributes.age");
    /** {@code event.face_attributes.basic_attributes.gender}. */
    public static final Field GENDER = Field.of("event.face_attributes.basic_attributes.gender");
    /** {@code event.face_attributes.basic_attributes.ethnicities.predominant_ethnicity}. */
    public static final Field ETHNICITY =
            Field.of("event.face_attributes.basic_attributes.ethnicities.predominant_ethnicity");

    /** Liveness prediction of the face aggregate, else of any face detection. */
    public static final Field LIVENESS = face("liveness.prediction");
    /** Deepfake prediction of the face aggregate, else of any face detection. */
    public static final Field DEEPFAKE = face("deepfake.prediction");
    /** Predominant mask of the face aggregate, else of any face detection. */
    public static final Field MASK = face("mask.predominant_mask");
    /** Predominant emotion of the face aggregate, else of any face detection. */
    public static final Field EMOTION = face("emotions.predominant_emotion");

    /** {@code event.location.city}. */
    public static final Field CITY = Field.of("event.location.city");
    /** {@code event.location.area}. */
    public static final Field AREA = Field.of("event.location.area");
    /** {@code event.location.district}. */
    public static final Field DISTRICT = Field.of("event.location.district");
    /** {@code event.location.street}. */
    public static final Field STREET = Field.of("event.location.street");
    /** {@code event.location.house_number}. */
    public static final Field HOUSE_NUMBER = Field.of("event.location.house_number");
    /** {@code event.location.geo_position.longitude}. */
    public static final Field LONGITUDE = Field.of("event.location.geo_position.longitude");
    /** {@code event.location.geo_position.latitude}. */
    public static final Field LATITUDE = Field.of("event.location.geo_position.latitude");

    /** Apparent gender of the body aggregate, else of any body detection. */
    public static final Field APPARENT_GENDER = body("basic_attributes.apparent_gender");
    /** Apparent age of the body aggregate, else of any body detection. */
    public static final Field APPARENT_AGE = body("basic_attributes.apparent_age");
    /** Headwear state of the body aggregate, else of any body detection. */
    public static final Field HEADWEAR_STATE = body("upper_body.headwear.state");
    /** Headwear colour of the body aggregate, else of any body detection. */
    public static final Field HEADWEAR_COLOR = body("upper_body.headwear.apparent_color");
    /** Sleeve length of the body aggregate, else of any body detection. */
    public static final Field SLEEVE_LENGTH = body("upper_body.sleeve.length");
    /** Every upper clothing colour of the body aggregate, else of any body detection. */
    public static final Field UPPER_CLOTHING_COLORS = body("upper_body.upper_clothing.colors[]");
    /** Every lower garment colour of the body aggregate, else of any body detection. */
    public static final Field LOWER_GARMENT_COLORS = body("lower_body.lower_garment.colors[]");
    /** Lower garment type of the body aggregate, else of any body detection. */
    public static final Field LOWER_GARMENT_TYPE = body("lower_body.lower_garment.type");
    /** Shoes colour of the body aggregate, else of any body detection. */
    public static final Field SHOES_COLOR = body("lower_body.shoes.apparent_color");
    /** Backpack state of the body aggregate, else of any body detection. */
    public static final Field BACKPACK_STATE = body("accessories.backpack.state");

    private EventFields() {
    }

    private static Field face(String relative) {
        return Field.of(FACE_AGGREGATE + relative).orElse(Field.of(FACE_DETECTIONS + relative));
    }

    private static Field body(String relative) {
        return Field.of(BODY_AGGREGATE + relative).orElse(Field.of(BODY_DETECTIONS + relative));
    }
}
