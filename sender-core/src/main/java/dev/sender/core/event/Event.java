package dev.sender.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Value;
import dev.sender.core.internal.json.EventBytes;
import dev.sender.core.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An event object exactly as it was published: its JSON is kept byte for byte, unknown fields included, and
 * is what subscribers receive. Typed accessors read the fields filters and applications use most; anything
 * else is reachable through {@link #toTree()}.
 *
 * <p>Attribute accessors follow the filters' rule (SPEC §3): face and body attributes come from
 * {@code aggregate_estimations}, or from the first detection that has them when the aggregate lacks them.
 *
 * <pre>{@code
 * Event event = Event.parse("{\"source\":\"cam1\",\"face_attributes\":{\"basic_attributes\":{\"age\":31}}}");
 * event.source();   // Optional[cam1]
 * event.age();      // OptionalInt[31]
 * }</pre>
 */
public final class Event {

    static {
        EventBytes.install(MethodHandles.lookup(), event -> event.json);
    }

    /** The event's JSON, possibly within a larger text whose bytes are never changed. */
    private final EventBytes.Slice json;
    private volatile @Nullable JsonNode tree;

    Event(byte[] json) {
        this(new EventBytes.Slice(json, 0, json.length));
    }

    Event(EventBytes.Slice json) {
        this.json = json;
    }

    /**
     * This event, its JSON read from {@code array} at {@code offset}, which must hold the same bytes: a message
     * keeps one copy of its event, within its own JSON, rather than two.
     */
    Event within(byte[] array, int offset) {
        return new Event(new EventBytes.Slice(array, offset, json.length()));
    }

    /**
     * The event whose JSON object is {@code json}.
     *
     * @param json the JSON text of one object, such as the elements of a publication's {@code events}
     * @return the event, whose {@link #json()} is {@code json} byte for byte
     * @throws InvalidJsonException when {@code json} is not one JSON object, or holds an unpaired surrogate
     *     character, which UTF-8 cannot carry
     */
    public static Event parse(String json) {
        requireWellFormed(json);
        return new Event(validatedObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Refuses what {@code getBytes(UTF_8)} would silently turn into {@code ?}. */
    private static void requireWellFormed(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                i++;
            } else {
                throw InvalidJsonException.notJson("unpaired surrogate character at index " + i, null);
            }
        }
    }

    /**
     * The event whose JSON object is {@code json}, in UTF-8; the array is copied.
     *
     * @param json the UTF-8 bytes of one JSON object
     * @return the event, whose {@link #json()} is {@code json} decoded
     * @throws InvalidJsonException when {@code json} is not one JSON object
     */
    public static Event parse(byte[] json) {
        return new Event(validatedObject(json.clone()));
    }

    /**
     * The event whose JSON is {@code object} serialised.
     *
     * @param object the event as a Jackson tree; later changes to it do not reach the event
     * @return the event
     */
    public static Event of(ObjectNode object) {
        try {
            return new Event(Json.MAPPER.writeValueAsBytes(Objects.requireNonNull(object, "object")));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] validatedObject(byte[] json) {
        try (JsonParser parser = Json.utf8Parser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InvalidJsonException.schema("", "must be an object");
            }
            Json.consumeValidated(parser);
            if (parser.nextToken() != null) {
                throw InvalidJsonException.notJson("content after the object", null);
            }
            return json;
        } catch (IOException e) {
            throw InvalidJsonException.notJson(Json.describe(e), e);
        }
    }

    /** {@return the event's JSON, as published} */
    public String json() {
        return new String(json.array(), json.offset(), json.length(), StandardCharsets.UTF_8);
    }

    /** {@return size of the event's JSON in bytes} */
    public int jsonLength() {
        return json.length();
    }

    /** {@return a fresh tree of the event's JSON, which the caller may change} */
    public ObjectNode toTree() {
        return tree().deepCopy();
    }

    private ObjectNode tree() {
        JsonNode t = tree;
        if (t == null) {
            try {
                t = Json.MAPPER.readTree(json.array(), json.offset(), json.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tree = t;
        }
        return (ObjectNode) t;
    }

    /** {@return the event's {@code event_id}, when it has one} */
    public Optional<String> eventId() {
        return text(Field.of("event.event_id"));
    }

    /** {@return the event's {@code source}, when it has one} */
    public Optional<String> source() {
        return text(EventFields.SOURCE);
    }

    /** {@return the event's {@code stream_id}, when it has one} */
    public Optional<String> streamId() {
        return text(EventFields.STREAM_ID);
    }

    /** {@return {@code tags}, empty when missing} */
    public List<String> tags() {
        return readable(EventFields.TAGS, JsonNode::isTextual).stream().map(JsonNode::textValue).toList();
    }

    /** {@return the event's {@code external_id}, when it has one} */
    public Optional<String> externalId() {
        return text(Field.of("event.external_id"));
    }

    /** {@return the event's {@code user_data}, when it has one} */
    public Optional<String> userData() {
        return text(EventFields.USER_DATA);
    }

    /** {@return the event's {@code track_id}, when it has one} */
    public Optional<String> trackId() {
        return text(Field.of("event.track_id"));
    }

    /** {@return {@code location}, when the event has one} */
    public Optional<Location> location() {
        JsonNode location = tree().get("location");
        if (location == null || !location.isObject()) {
            return Optional.empty();
        }
        OptionalDouble lon = number(EventFields.LONGITUDE);
        OptionalDouble lat = number(EventFields.LATITUDE);
        Location.GeoPosition geo = lon.isPresent() && lat.isPresent()
                ? new Location.GeoPosition(lon.getAsDouble(), lat.getAsDouble()) : null;
        return Optional.of(new Location(text(EventFields.CITY).orElse(null), text(EventFields.AREA).orElse(null),
                text(EventFields.DISTRICT).orElse(null), text(EventFields.STREET).orElse(null),
                text(EventFields.HOUSE_NUMBER).orElse(null), geo));
    }

    /** {@return the event's {@code face_attributes.basic_attributes.age}, when it has one} */
    public OptionalInt age() {
        return integer(EventFields.AGE);
    }

    /** {@return the event's {@code face_attributes.basic_attributes.gender}, when it has one} */
    public Optional<Gender> gender() {
        return attribute(EventFields.GENDER, Gender.class);
    }

    /** {@return the event's predominant ethnicity ({@code face_attributes.basic_attributes.ethnicities}), if any} */
    public Optional<Ethnicity> ethnicity() {
        return attribute(EventFields.ETHNICITY, Ethnicity.class);
    }

    /** {@return liveness prediction of the face} */
    public Optional<Liveness> liveness() {
        return attribute(EventFields.LIVENESS, Liveness.class);
    }

    /** {@return deepfake prediction of the face} */
    public Optional<Deepfake> deepfake() {
        return attribute(EventFields.DEEPFAKE, Deepfake.class);
    }

    /** {@return predominant mask of the face} */
    public Optional<Mask> mask() {
        return attribute(EventFields.MASK, Mask.class);
    }

    /** {@return predominant emotion of the face} */
    public Optional<Emotion> emotion() {
        return attribute(EventFields.EMOTION, Emotion.class);
    }

    /** {@return apparent gender of the body} */
    public Optional<ApparentGender> apparentGender() {
        return attribute(EventFields.APPARENT_GENDER, ApparentGender.class);
    }

    /** {@return apparent age of the body} */
    public OptionalInt apparentAge() {
        return integer(EventFields.APPARENT_AGE);
    }

    /** {@return whether the body wears headwear} */
    public Optional<PresenceState> headwearState() {
        return attribute(EventFields.HEADWEAR_STATE, PresenceState.class);
    }

    /** {@return colour of the body's headwear} */
    public Optional<ShortPaletteColor> headwearColor() {
        return attribute(EventFields.HEADWEAR_COLOR, ShortPaletteColor.class);
    }

    /** {@return sleeve length of the body's upper clothing} */
    public Optional<SleeveLength> sleeveLength() {
        return attribute(EventFields.SLEEVE_LENGTH, SleeveLength.class);
    }

    /** {@return colours of the body's upper clothing, empty when unknown} */
    public List<ExpandedPaletteColor> upperClothingColors() {
        return attributes(EventFields.UPPER_CLOTHING_COLORS, ExpandedPaletteColor.class);
    }

    /** {@return colours of the body's lower garment, empty when unknown} */
    public List<ExpandedPaletteColor> lowerGarmentColors() {
        return attributes(EventFields.LOWER_GARMENT_COLORS, ExpandedPaletteColor.class);
    }

    /** {@return type of the body's lower garment} */
    public Optional<LowerGarmentType> lowerGarmentType() {
        return attribute(EventFields.LOWER_GARMENT_TYPE, LowerGarmentType.class);
    }

    /** {@return colour of the body's shoes} */
    public Optional<ShortPaletteColor> shoesColor() {
        return attribute(EventFields.SHOES_COLOR, ShortPaletteColor.class);
    }

    /** {@return whether the body carries a backpack} */
    public Optional<PresenceState> backpackState() {
        return attribute(EventFields.BACKPACK_STATE, PresenceState.class);
    }

    /** {@return {@code matches}, empty when missing} */
    public List<Match> matches() {
        JsonNode matches = tree().get("matches");
        if (matches == null || !matches.isArray()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        for (JsonNode match : matches) {
            List<Match.Candidate> candidates = new ArrayList<>();
            for (JsonNode candidate : match.path("candidates")) {
                String kind = candidate.has("face") ? "face" : "event";
                JsonNode id = candidate.path(kind).path(kind + "_id");
                candidates.add(new Match.Candidate(kind, id.isTextual() ? id.textValue() : null,
                        candidate.path("similarity").asDouble()));
            }
            JsonNode label = match.get("label");
            out.add(new Match(label != null && label.isTextual() ? label.textValue() : null, candidates));
        }
        return out;
    }

    /** {@return the greatest similarity of any candidate of any match: the top match's similarity} */
    public OptionalDouble topSimilarity() {
        return readable(EventFields.TOP_SIMILARITY, JsonNode::isNumber).stream().mapToDouble(JsonNode::doubleValue)
                .max();
    }

    /**
     * The non-null JSON values at {@code field}, a path rooted at the message ({@code event.…}); the
     * field's fallback is read when its own path has none.
     *
     * @param field where to read, such as {@code Field.of("event.location.city")}
     * @return the values found, several when the path iterates arrays; empty when there is none
     */
    public List<JsonNode> read(Field field) {
        return readable(field, node -> true);
    }

    /**
     * The values at {@code field} that {@code readable} accepts, from the field's own path or, when it has
     * none, from its fallback: the filters' rule, under which a missing value, a null and one of another JSON
     * type all count as lacking.
     */
    private List<JsonNode> readable(Field field, Predicate<JsonNode> readable) {
        for (Field f = field; f != null; f = f.fallback()) {
            List<String> path = f.path();
            if (!path.get(0).equals("event")) {
                continue;
            }
            List<JsonNode> out = new ArrayList<>();
            collect(tree(), path, 1, out);
            out.removeIf(readable.negate());
            if (!out.isEmpty()) {
                return out;
            }
        }
        return List.of();
    }

    private static void collect(JsonNode node, List<String> path, int index, List<JsonNode> out) {
        if (index == path.size()) {
            if (!node.isNull()) {
                out.add(node);
            }
            return;
        }
        String segment = path.get(index);
        if (segment.equals(Field.EACH)) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    collect(element, path, index + 1, out);
                }
            }
        } else if (node.isObject()) {
            JsonNode child = node.get(segment);
            if (child != null) {
                collect(child, path, index + 1, out);
            }
        }
    }

    private Optional<String> text(Field field) {
        return readable(field, JsonNode::isTextual).stream().map(JsonNode::textValue).findFirst();
    }

    private OptionalDouble number(Field field) {
        return readable(field, JsonNode::isNumber).stream().mapToDouble(JsonNode::doubleValue).findFirst();
    }

    /** The first number at the field, if it is an integer that fits an int (as filters, any number is read). */
    private OptionalInt integer(Field field) {
        return readable(field, JsonNode::isNumber).stream().limit(1)
                .filter(n -> n.isIntegralNumber() && n.canConvertToInt()).mapToInt(JsonNode::intValue).findFirst();
    }

    private <E extends Enum<E> & EventAttribute> Optional<E> attribute(Field field, Class<E> type) {
        List<E> found = attributes(field, type);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private <E extends Enum<E> & EventAttribute> List<E> attributes(Field field, Class<E> type) {
        boolean numbers = type.getEnumConstants()[0].jsonValue() instanceof Value.Num;
        List<E> out = new ArrayList<>();
        for (JsonNode node : readable(field, numbers ? JsonNode::isNumber : JsonNode::isTextual)) {
            for (E constant : type.getEnumConstants()) {
                if (sameValue(constant.jsonValue(), node)) {
                    out.add(constant);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean sameValue(Value value, JsonNode node) {
        if (value instanceof Value.Str s) {
            return node.isTextual() && node.textValue().equals(s.value());
        }
        return value instanceof Value.Num n && node.isNumber() && node.doubleValue() == n.value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event other && Arrays.equals(json.array(), json.offset(), json.offset() + json.length(),
                other.json.array(), other.json.offset(), other.json.offset() + other.json.length());
    }

    @Override
    public int hashCode() {
        int hash = 1;
        byte[] bytes = json.array();
        for (int i = json.offset(), end = json.offset() + json.length(); i < end; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    /** The event's JSON. */
    @Override
    public String toString() {
        return json();
    }
}
