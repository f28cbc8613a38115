package dev.sender.redis.internal;

import dev.sender.core.Position;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A position in a topic's history stream: the ID of the stream entry that holds the event's publication
 * ({@code <millis>-<sequence>}, as Redis gives it) and the event's index in the publication, written
 * {@code <millis>-<sequence>.<index>}, such as {@code 1700000000000-0.2} (SPEC §9's charset). Positions order as
 * their entries do in the stream, then by index, which is the order in which every node delivers the events.
 *
 * @param millis the entry ID's milliseconds part: Redis' clock when it stored the publication
 * @param sequence the entry ID's sequence part
 * @param index the event's index in the publication, from 0
 */
public record StreamPosition(long millis, long sequence, int index) implements Comparable<StreamPosition> {

    /** How the positions this broker issues order; a position it cannot have issued comes before all others. */
    public static final Comparator<Position> ORDER = Comparator.comparing(StreamPosition::parse,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final Comparator<StreamPosition> NATURAL = Comparator.comparingLong(StreamPosition::millis)
            .thenComparingLong(StreamPosition::sequence).thenComparingInt(StreamPosition::index);

    /**
     * The position of the event at {@code index} of the publication stored at {@code entryId}.
     *
     * @throws IllegalArgumentException when {@code entryId} is not a stream entry ID
     */
    public static StreamPosition of(String entryId, int index) {
        StreamPosition entry = parseEntryId(entryId);
        if (entry == null || index < 0) {
            throw new IllegalArgumentException("not a stream entry ID and event index: " + entryId + ", " + index);
        }
        return new StreamPosition(entry.millis, entry.sequence, index);
    }

    /** The position {@code position} stands for, or null when this broker cannot have issued it. */
    public static @Nullable StreamPosition parse(Position position) {
        String text = position.value();
        int dot = text.indexOf('.');
        if (dot < 0) {
            return null;
        }
        StreamPosition entry = parseEntryId(text.substring(0, dot));
        long index = digits(text, dot + 1, text.length());
        if (entry == null || index < 0 || index > Integer.MAX_VALUE) {
            return null;
        }
        return new StreamPosition(entry.millis, entry.sequence, (int) index);
    }

    /** The entry ID {@code <millis>-<sequence>} as a position at index 0, or null when it is not one. */
    public static @Nullable StreamPosition parseEntryId(String entryId) {
        int dash = entryId.indexOf('-');
        if (dash < 0) {
            return null;
        }
        long millis = digits(entryId, 0, dash);
        long sequence = digits(entryId, dash + 1, entryId.length());
        return millis < 0 || sequence < 0 ? null : new StreamPosition(millis, sequence, 0);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when it is not one (empty, not digits, too long). */
    private static long digits(String text, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The ID of the stream entry, {@code <millis>-<sequence>}. */
    public String entryId() {
        return millis + "-" + sequence;
    }

    /** The position as subscribers see it. */
    public Position position() {
        return Position.of(entryId() + "." + index);
    }

    @Override
    public int compareTo(StreamPosition other) {
        return NATURAL.compare(this, other);
    }

    @Override
    public String toString() {
        return entryId() + "." + index;
    }
}
