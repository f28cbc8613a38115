package dev.sender.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.filter.Filter;
import dev.sender.filters.HandlerEventFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The LUNA events and subscription queries the benchmarks share.
 *
 * <p>{@code luna-sample-event.json} is the event of the LUNA reference's sample message (SPEC §2.1), compacted
 * (10.6 KiB). {@code luna-event-5k.json} (5.2 KiB) is the same event as a handler that estimates no face quality,
 * no 68 landmarks and no iris landmarks publishes it, not linked to a face: the sample without
 * {@code face_quality}, {@code landmarks68}, {@code iris_landmarks} and {@code face}, with a UUID
 * {@code stream_id} (the sample says {@code "string"}) and a {@code lower_body} in its body attributes. It keeps
 * the face and body attributes, the aggregate, the detection, both matches and the location.
 */
final class LunaSamples {

    /** The account the sample's matched face belongs to; the benchmarks publish to it. */
    static final UUID ACCOUNT_ID = UUID.fromString("904e635f-3a47-4832-b4d6-d2d72ba78451");
    /** The sample message's {@code handler_id}. */
    static final String HANDLER_ID = "557d54ec-29ad-4f3c-93b4-c9092ef12515";
    /** The 5 KiB event's {@code stream_id}. */
    static final String STREAM_ID = "8f4f0070-c464-460b-bf78-fac1c1abfbe8";
    static final String CREATE_TIME = "2019-08-24T14:15:22Z";
    static final String END_TIME = "2019-08-24T14:15:22Z";
    static final String REQUEST_ID = "1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a";

    /** A common subscription: three parameters, all of which the 5 KiB event passes. */
    static final String TYPICAL_QUERY = "gender=0&age__gte=30&sources=cam1,3rd+Avenue";

    /**
     * Every handler-event parameter but {@code headwear_colors} (the event's person wears no headwear), each
     * passed by the 5 KiB event and, for lists, by the last item, so that a matcher evaluates all of them.
     */
    static final String WORST_QUERY = String.join("&",
            "handler_ids=0b7c1c1e-5d2a-4f8e-9a3b-6c1d2e3f4a5b," + HANDLER_ID,
            "sources=cam1,cam2,3rd+Avenue",
            "stream_ids=1c9e2f4a-7b3d-4e5f-8a6b-9c0d1e2f3a4b," + STREAM_ID,
            "tags=tag1,tag2",
            "user_data=event",
            "matching_candidates_labels=vip,bad+guys",
            "object_similarity__gte=0.3",
            "object_similarity__lt=0.9",
            "age__gte=18",
            "age__lt=60",
            "gender=0",
            "ethnic_groups=3,2",
            "liveness=1,0",
            "deepfake=1,0",
            "masks=2,1",
            "emotions=4,5,7",
            "geo_position=origin_longitude,36.6,origin_latitude,55.75,longitude_delta,0.05,latitude_delta,0.05",
            "cities=Kazan,Moscow",
            "areas=SAO,CAO",
            "districts=arbat,mitino",
            "streets=tverskaya,schepkina",
            "house_numbers=1,1%2F2str3",
            "apparent_gender=1,0",
            "apparent_age__gte=0",
            "apparent_age__lt=100",
            "headwear_states=1,0",
            "sleeve_lengths=long,short",
            "upper_clothing_colors=red,black",
            "lower_garment_colors=black,blue",
            "lower_garment_types=shorts,trousers",
            "shoes_colors=white,black",
            "backpack_states=1,0");

    /** {@link #WORST_QUERY} whose first parameter, {@code handler_ids}, rejects the event. */
    static final String MISS_EARLY_QUERY =
            WORST_QUERY.replace("0b7c1c1e-5d2a-4f8e-9a3b-6c1d2e3f4a5b," + HANDLER_ID,
                    "0b7c1c1e-5d2a-4f8e-9a3b-6c1d2e3f4a5b");

    /** Every parameter of the handler-event catalogue: what a server reads when its subscribers use them all. */
    static final String EVERY_PARAMETER_QUERY = WORST_QUERY + "&headwear_colors=other,black";

    private static final Event EVENT_5K = Event.parse(load("luna-event-5k.json"));
    private static final Event SAMPLE_EVENT = Event.parse(load("luna-sample-event.json"));

    private LunaSamples() {
    }

    /** The 5.2 KiB event. */
    static Event event5k() {
        return EVENT_5K;
    }

    /** The 10.6 KiB event of the LUNA reference's sample message. */
    static Event sampleEvent() {
        return SAMPLE_EVENT;
    }

    /** {@code event} without {@code aggregate_estimations}: face and body attributes come from its detections. */
    static Event withoutAggregate(Event event) {
        ObjectNode tree = event.toTree();
        tree.remove("aggregate_estimations");
        return Event.of(tree);
    }

    /** The message a subscriber receives for {@code event}, with the sample's handler id, times and request id. */
    static HandlerEventMessage message(Event event) {
        return new HandlerEventMessage(event, HANDLER_ID, CREATE_TIME, END_TIME, REQUEST_ID);
    }

    /** A publication of {@code event} alone to {@link #ACCOUNT_ID}. */
    static HandlerPublication publication(Event event) {
        return new HandlerPublication(ACCOUNT_ID, HANDLER_ID, CREATE_TIME, END_TIME, REQUEST_ID, List.of(event));
    }

    /** The core filter of a subscription query, as the server builds it. */
    static Filter filter(String rawQuery) {
        return HandlerEventFilter.parse(rawQuery).toFilter();
    }

    private static String load(String name) {
        try (InputStream in = LunaSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
