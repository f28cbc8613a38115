package dev.sender.bench.load;

import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerEventMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events of a given size for group {@code g} of a run: every field a group's filters read carries the group,
 * so that a filter of any family matches the events of its group and no other. Each event starts with the
 * send time ({@link Timestamps}).
 */
final class Payloads {

    /** The filter families subscribers of a group may use (SPEC §3 parameters). */
    static final List<String> FAMILIES = List.of("sources", "tags", "cities", "age", "user_data", "geo", "stream_ids");

    private Payloads() {
    }

    /** The event JSON of group {@code group}, padded to {@code size} bytes; the send time is zeros. */
    static byte[] event(int group, int size) {
        String head = Timestamps.header(group) + ",\"source\":\"cam-" + group + "\",\"tags\":[\"tag-"
                + group + "\"],\"stream_id\":\"" + streamId(group) + "\",\"user_data\":\"|ud-" + group
                + "|\",\"face_attributes\":{\"basic_attributes\":{\"age\":" + (group * 5 + 2) + ",\"gender\":1}},"
                + "\"location\":{\"city\":\"city-" + group + "\",\"geo_position\":{\"longitude\":" + group
                + ".0,\"latitude\":10.0}},\"pad\":\"";
        String tail = "\"}";
        int pad = Math.max(0, size - head.length() - tail.length());
        return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    /** The query string of a subscriber of group {@code group} using filter family {@code family}. */
    static String query(int group, String family) {
        return switch (family) {
            case "sources" -> "sources=cam-" + group;
            case "tags" -> "tags=tag-" + group;
            case "cities" -> "cities=city-" + group;
            case "age" -> "age__gte=" + (group * 5) + "&age__lt=" + (group * 5 + 5);
            case "user_data" -> "user_data=%7Cud-" + group + "%7C";
            case "geo" -> "geo_position=origin_longitude," + group + ",origin_latitude,10,longitude_delta,0.1";
            case "stream_ids" -> "stream_ids=" + streamId(group);
            default -> throw new IllegalArgumentException("unknown filter family " + family);
        };
    }

    /** A deterministic stream id of a group. */
    static UUID streamId(int group) {
        return UUID.nameUUIDFromBytes(("stream-" + group).getBytes(StandardCharsets.US_ASCII));
    }

    /** Where the send-time digits of {@code json} start. */
    static int timestampOffset(byte[] json, int from) {
        outer:
        for (int i = from; i + Timestamps.MARKER.length <= json.length; i++) {
            for (int j = 0; j < Timestamps.MARKER.length; j++) {
                if (json[i + j] != Timestamps.MARKER[j]) {
                    continue outer;
                }
            }
            return i + Timestamps.MARKER.length;
        }
        throw new IllegalArgumentException("no send time in the payload");
    }

    /**
     * The message Sender sends a subscriber for each of {@code events}, with a request id and times of the same
     * width as Sender's: what the reference endpoints write, and the frame length every WebSocket side checks.
     */
    static List<byte[]> messages(List<byte[]> events) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] event : events) {
            out.add(new HandlerEventMessage(Event.parse(event), "bench-handler", "2026-11-27T00:00:00Z",
                    "2026-11-27T00:00:01Z", "1795801667,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a").toJson()
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Groups 0..count-1 of events of {@code size} bytes. */
    static List<byte[]> events(int groups, int size) {
        List<byte[]> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            out.add(event(g, size));
        }
        return out;
    }
}
