package dev.sender.core.internal.history;

import dev.sender.core.Position;
import dev.sender.core.event.EventMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The retained events of one topic, oldest first, in a circular buffer that grows up to the topic's size and is
 * let go once empty. Not thread-safe: its owner locks it around every call but {@link #oldestSeq()}.
 */
final class HistoryRing {

    private static final EventMessage[] NO_MESSAGES = new EventMessage[0];
    private static final long[] NO_LONGS = new long[0];

    private final int maxSize;
    /** What every ring of the broker holds in all, kept exact by each ring. */
    private final AtomicLong totalEvents;
    private final AtomicLong totalBytes;
    private EventMessage[] messages = NO_MESSAGES;
    private long[] seqs = NO_LONGS;
    /** {@link System#nanoTime()} of each append. */
    private long[] times = NO_LONGS;
    private int head;
    private int count;
    /** Every event of this topic with a sequence number above it is retained. */
    private long trimmedUpTo;
    private @Nullable Position latest;
    /** The sequence number of the oldest event, or {@link Long#MAX_VALUE}; read without the lock. */
    private volatile long oldestSeq = Long.MAX_VALUE;

    /**
     * An empty ring keeping at most {@code maxSize} events, created when {@code issued} was the latest sequence
     * number issued (events of the topic before, if any, are not retained), counting into the totals.
     */
    HistoryRing(int maxSize, long issued, AtomicLong totalEvents, AtomicLong totalBytes) {
        this.maxSize = maxSize;
        this.trimmedUpTo = issued;
        this.totalEvents = totalEvents;
        this.totalBytes = totalBytes;
    }

    /** Appends {@code message}, whose position has sequence number {@code seq}, dropping the oldest when full. */
    void append(EventMessage message, long seq, long now) {
        if (count == maxSize) {
            dropOldest();
        }
        if (count == messages.length) {
            grow();
        }
        int at = index(count);
        messages[at] = message;
        seqs[at] = seq;
        times[at] = now;
        if (count++ == 0) {
            oldestSeq = seq;
        }
        latest = message.position();
        totalEvents.incrementAndGet();
        totalBytes.addAndGet(message.jsonLength());
    }

    /** Drops the events appended before {@code deadline}, a {@link System#nanoTime()}. */
    void expire(long deadline) {
        while (count > 0 && times[head] - deadline < 0) {
            dropOldest();
        }
    }

    /** Drops the oldest event, if any. */
    void dropOldest() {
        if (count == 0) {
            return;
        }
        EventMessage message = messages[head];
        trimmedUpTo = seqs[head];
        messages[head] = null;
        head = index(1);
        count--;
        totalEvents.decrementAndGet();
        totalBytes.addAndGet(-message.jsonLength());
        if (count == 0) {
            messages = NO_MESSAGES;
            seqs = NO_LONGS;
            times = NO_LONGS;
            head = 0;
            oldestSeq = Long.MAX_VALUE;
        } else {
            oldestSeq = seqs[head];
        }
    }

    /** The sequence number of the oldest event, or {@link Long#MAX_VALUE} when empty; for reading unlocked. */
    long oldestSeq() {
        return oldestSeq;
    }

    /** The position of the topic's latest event, retained or not; null when none was published. */
    @Nullable Position latest() {
        return latest;
    }

    /** Whether every event of the topic after sequence number {@code seq} is retained. */
    boolean holdsAllAfter(long seq) {
        return seq >= trimmedUpTo;
    }

    /** The retained events with a sequence number above {@code seq}, oldest first. */
    List<EventMessage> after(long seq) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (seqs[index(middle)] <= seq) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        List<EventMessage> out = new ArrayList<>(count - low);
        for (int i = low; i < count; i++) {
            out.add(messages[index(i)]);
        }
        return out;
    }

    /** Every retained event, oldest first. */
    List<EventMessage> all() {
        return after(Long.MIN_VALUE);
    }

    private int index(int offset) {
        int at = head + offset;
        return at < messages.length ? at : at - messages.length;
    }

    private void grow() {
        int capacity = Math.min(maxSize, Math.max(16, messages.length * 2));
        EventMessage[] nextMessages = new EventMessage[capacity];
        long[] nextSeqs = new long[capacity];
        long[] nextTimes = new long[capacity];
        for (int i = 0; i < count; i++) {
            int at = index(i);
            nextMessages[i] = messages[at];
            nextSeqs[i] = seqs[at];
            nextTimes[i] = times[at];
        }
        messages = nextMessages;
        seqs = nextSeqs;
        times = nextTimes;
        head = 0;
    }

    @Override
    public String toString() {
        return "HistoryRing[" + count + " events, latest " + latest + "]";
    }
}
