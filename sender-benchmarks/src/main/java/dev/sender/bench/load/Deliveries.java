package dev.sender.bench.load;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients of a run received: counts, latencies from the scheduled send time (HdrHistogram, only
 * while measuring), close codes, and the delivery window that keeps a saturating publisher from outrunning
 * any subscriber: each subscriber registered with {@link #expect} has its own window of messages on their way,
 * an event takes one permit of each subscriber of its group, and each delivery returns one. Subscribers are also
 * accounted for one by one: each message's length and owner are checked and its sequence remembered, so that
 * {@link #audit} tells losses, duplicates, misroutes and malformed messages apart.
 */
final class Deliveries implements Receiver {

    private final LongAdder delivered = new LongAdder();
    private final Recorder latencies = new Recorder(3);
    private final Map<Integer, Integer> closes = new ConcurrentHashMap<>();
    private final Map<Integer, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<Integer, List<Subscriber>> groups = new ConcurrentHashMap<>();
    private final AtomicInteger closed = new AtomicInteger();
    private final int window;
    private volatile boolean measuring;

    /** Deliveries with a window of {@code perSubscriber} outstanding messages per subscriber (0: no window). */
    Deliveries(int perSubscriber) {
        this.window = perSubscriber;
    }

    /**
     * Accounts for connection {@code connection} as a subscriber of group {@code group} of {@code groups}, whose
     * messages are {@code length} bytes long (-1: any length).
     */
    void expect(int connection, int group, int groups, long length) {
        Subscriber subscriber = new Subscriber(group, groups, length, window);
        subscribers.put(connection, subscriber);
        this.groups.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    @Override
    public void onMessage(int connection, long sentNanos, long sequence, int owner, long length, long receivedNanos) {
        delivered.increment();
        if (measuring && sentNanos > 0 && receivedNanos > sentNanos) {
            latencies.recordValue(Math.min(receivedNanos - sentNanos, 3_600_000_000_000L));
        }
        Subscriber subscriber = subscribers.get(connection);
        if (subscriber != null) {
            if (subscriber.window != null) {
                subscriber.window.release();
            }
            subscriber.account(sequence, owner, length);
        }
    }

    @Override
    public void onClose(int connection, int code) {
        if (closes.putIfAbsent(connection, code) == null) {
            closed.incrementAndGet();
        }
    }

    /**
     * Takes a permit of every subscriber of {@code group}, waiting while too many messages are on their way to
     * one, until {@code deadlineNanos} at most (messages owed to a subscriber the server closed never return
     * theirs).
     *
     * @return whether the permits were taken
     */
    boolean acquire(int group, long deadlineNanos) throws InterruptedException {
        if (window == 0) {
            return true;
        }
        List<Subscriber> receivers = groups.getOrDefault(group, List.of());
        for (int i = 0; i < receivers.size(); i++) {
            if (!receivers.get(i).window.tryAcquire(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                for (int j = 0; j < i; j++) {
                    receivers.get(j).window.release();
                }
                return false;
            }
        }
        return true;
    }

    /** Starts recording latencies, dropping what was recorded before. */
    void startMeasuring() {
        latencies.reset();
        measuring = true;
    }

    /** Stops recording and returns the latencies recorded while measuring. */
    Histogram stopMeasuring() {
        measuring = false;
        return latencies.getIntervalHistogram();
    }

    long delivered() {
        return delivered.sum();
    }

    int closedCount() {
        return closed.get();
    }

    /**
     * The accounts of the registered subscribers against what was published; call once the clients stopped.
     *
     * @param published the events published for a group, by {@code sequence / groups}
     */
    Audit audit(IntFunction<BitSet> published) {
        long lost = 0;
        long duplicates = 0;
        long misroutes = 0;
        long malformed = 0;
        long fewest = subscribers.isEmpty() ? 0 : Long.MAX_VALUE;
        long most = 0;
        for (Subscriber s : subscribers.values()) {
            BitSet missing = (BitSet) published.apply(s.group).clone();
            missing.andNot(s.seen);
            lost += missing.cardinality();
            duplicates += s.duplicates;
            misroutes += s.misroutes;
            malformed += s.malformed;
            fewest = Math.min(fewest, s.delivered);
            most = Math.max(most, s.delivered);
        }
        return new Audit(subscribers.size(), lost, duplicates, misroutes, malformed, fewest, most);
    }

    /**
     * The accounts of a run's subscribers.
     *
     * @param subscribers subscribers accounted for
     * @param lost events published for a subscriber that it never received, summed over subscribers
     * @param duplicates events a subscriber received more than once (each extra copy counts)
     * @param misroutes messages received by a subscriber of another group than the event's owner
     * @param malformed messages whose length is not the published one, or whose stamp cannot be read
     * @param fewest messages received by the subscriber that received the fewest
     * @param most messages received by the subscriber that received the most
     */
    record Audit(int subscribers, long lost, long duplicates, long misroutes, long malformed, long fewest,
            long most) {
    }

    /** One subscriber's account, kept by the clients' thread only. */
    private static final class Subscriber {
        final int group;
        final int groups;
        final long length;
        final BitSet seen = new BitSet();
        final Semaphore window;
        long delivered;
        long duplicates;
        long misroutes;
        long malformed;

        Subscriber(int group, int groups, long length, int window) {
            this.group = group;
            this.groups = groups;
            this.length = length;
            this.window = window > 0 ? new Semaphore(window) : null;
        }

        void account(long sequence, int owner, long messageLength) {
            delivered++;
            if (sequence < 0 || owner < 0 || length >= 0 && messageLength != length) {
                malformed++;
            }
            if (sequence < 0 || owner < 0) {
                return;
            }
            if (owner != group || sequence % groups != group) {
                misroutes++;
                return;
            }
            int index = (int) (sequence / groups);
            if (seen.get(index)) {
                duplicates++;
            } else {
                seen.set(index);
            }
        }
    }
}
