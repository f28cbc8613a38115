package dev.sender.redis.internal;

import dev.sender.core.HistoryOptions;
import dev.sender.core.Position;
import dev.sender.core.StartAt;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.spi.MessageFilter;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisStreamCommands;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic's retained events from its stream, newest first, for a subscription that starts from history.
 *
 * <p>Redis trims the stream loosely ({@code MAXLEN ~}, {@code MINID ~}: whole blocks of entries at a time), and
 * to at least one entry and twice the TTL more than the history, so it may hold more than the history: the read
 * keeps to it exactly. The retained events are the latest {@code history-size} events, counted event by event (an
 * entry holds a whole publication), whose entry is no older than {@code history-ttl} by Redis' clock.
 *
 * <p>A resume after a position is <em>recovered</em> when the read can prove that no event after it was lost:
 * the position is that of an event still stored (retained, or the one just before the oldest retained), so the
 * events after it are all retained. A position the broker never issued, one whose entry has been trimmed, or one
 * from a history Redis has lost is not recovered, and the replay is then every retained event that matches.
 */
public final class HistoryReader {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryReader.class);
    /** Entries read per command. */
    static final int BATCH = 100;

    private final RedisStreamCommands<String, byte[]> commands;
    private final HistoryOptions history;

    /** A reader over {@code commands} (synchronous, so with the connection's command timeout) of {@code history}. */
    public HistoryReader(RedisStreamCommands<String, byte[]> commands, HistoryOptions history) {
        this.commands = commands;
        this.history = history;
    }

    /**
     * What a read found.
     *
     * @param latest the position of the topic's newest retained event; null when none is retained
     * @param recovered whether every event after the position asked for is retained (true for other starts)
     * @param messages the events to replay, oldest first, each at its position
     */
    public record Replay(@Nullable Position latest, boolean recovered, List<EventMessage> messages) {
    }

    /**
     * The position of {@code topic}'s newest retained event, or null when none is.
     *
     * @param redisNow Redis' clock now, in milliseconds
     */
    public @Nullable Position latest(Topic topic, long redisNow) {
        List<StreamMessage<String, byte[]>> newest = commands.xrevrange(HistoryKeys.stream(topic),
                Range.unbounded(), Limit.from(1));
        for (StreamMessage<String, byte[]> entry : newest) {
            List<EventMessage> messages = messages(topic, entry);
            if (!messages.isEmpty() && millis(entry) >= redisNow - history.ttl().toMillis()) {
                return messages.get(messages.size() - 1).position();
            }
        }
        return null;
    }

    /**
     * Reads what a subscription starting at {@code start} replays: the retained events after a position, or the
     * last {@code n} retained events, that pass {@code filter}.
     *
     * @param start {@link StartAt.After} or {@link StartAt.Last}
     * @param redisNow Redis' clock now, in milliseconds
     */
    public Replay read(Topic topic, StartAt start, MessageFilter filter, long redisNow) {
        Scan scan = new Scan(start, filter, redisNow - history.ttl().toMillis());
        String stream = HistoryKeys.stream(topic);
        Range<String> range = Range.unbounded();
        while (true) {
            List<StreamMessage<String, byte[]>> batch = commands.xrevrange(stream, range, Limit.from(BATCH));
            for (StreamMessage<String, byte[]> entry : batch) {
                List<EventMessage> messages = messages(topic, entry);
                for (int i = messages.size() - 1; i >= 0; i--) {
                    if (!scan.offer(messages.get(i), millis(entry))) {
                        return scan.replay();
                    }
                }
            }
            if (batch.size() < BATCH) {
                return scan.replay();
            }
            String oldest = batch.get(batch.size() - 1).getId();
            range = Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(oldest));
        }
    }

    /** The messages of an entry at their positions; none for an entry that is not a publication. */
    private static List<EventMessage> messages(Topic topic, StreamMessage<String, byte[]> entry) {
        byte[] payload = entry.getBody().get(DeadlinePublisher.PAYLOAD_FIELD);
        if (payload == null || StreamPosition.parseEntryId(entry.getId()) == null) {
            return List.of();
        }
        try {
            return LivePayloads.messages(LivePayloads.read(topic, payload), entry.getId());
        } catch (InvalidJsonException e) {
            LOG.debug("Skipping entry {} of {}: not a publication ({})", entry.getId(), topic, e.getMessage());
            return List.of();
        }
    }

    private static long millis(StreamMessage<String, byte[]> entry) {
        StreamPosition id = StreamPosition.parseEntryId(entry.getId());
        return id == null ? 0 : id.millis();
    }

    /** One read's progress through the events, newest first. */
    private final class Scan {

        private final MessageFilter filter;
        private final long oldestMillis;
        /** Replays the last {@code wanted} matching events; unbounded for a resume. */
        private final int wanted;
        /** The position resumed after, while it may still be met; null once it cannot be (or for other starts). */
        private @Nullable StreamPosition after;
        private boolean recovered;
        private @Nullable Position latest;
        private int retained;
        private final List<EventMessage> newestFirst = new ArrayList<>();

        Scan(StartAt start, MessageFilter filter, long oldestMillis) {
            this.filter = filter;
            this.oldestMillis = oldestMillis;
            this.wanted = start instanceof StartAt.Last last ? last.count() : Integer.MAX_VALUE;
            Position position = start instanceof StartAt.After a ? a.position() : null;
            this.after = position == null ? null : StreamPosition.parse(position);
            // Without a position (since=), or starting from the last events, there is no gap to report.
            this.recovered = !(start instanceof StartAt.After) || position == null;
        }

        /** Takes the next older event; false when the read is over. */
        boolean offer(EventMessage message, long entryMillis) {
            StreamPosition position = StreamPosition.parse(message.position());
            if (retained == history.size() || entryMillis < oldestMillis) {
                // The first event not retained: a resume from it misses nothing.
                recovered |= after != null && after.equals(position);
                return false;
            }
            retained++;
            if (latest == null) {
                latest = message.position();
            }
            if (after != null && position != null && position.compareTo(after) <= 0) {
                if (position.equals(after)) {
                    recovered = true;
                    return false;
                }
                after = null; // never issued, or lost with its entry: replay everything retained
            }
            if (filter.matches(message)) {
                newestFirst.add(message);
            }
            return newestFirst.size() < wanted;
        }

        Replay replay() {
            List<EventMessage> messages = new ArrayList<>(newestFirst);
            Collections.reverse(messages);
            return new Replay(latest, recovered, messages);
        }
    }
}
