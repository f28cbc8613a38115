package dev.sender.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients of a run received: counts, latencies from the scheduled send time (HdrHistogram, only
 * while measuring), close codes, and the delivery window that keeps a saturating publisher from outrunning
 * the subscribers (each delivery returns one permit).
 */
final class Deliveries implements Receiver {

    private final LongAdder delivered = new LongAdder();
    private final Recorder latencies = new Recorder(3);
    private final Map<Integer, Integer> closes = new ConcurrentHashMap<>();
    private final AtomicInteger closed = new AtomicInteger();
    private final Semaphore window;
    private volatile boolean measuring;

    /** Deliveries with a window of {@code permits} outstanding messages (0: no window). */
    Deliveries(int permits) {
        this.window = permits > 0 ? new Semaphore(permits) : null;
    }

    @Override
    public void onMessage(int connection, long sentNanos, long receivedNanos) {
        delivered.increment();
        if (window != null) {
            window.release();
        }
        if (measuring && sentNanos > 0 && receivedNanos > sentNanos) {
            latencies.recordValue(Math.min(receivedNanos - sentNanos, 3_600_000_000_000L));
        }
    }

    @Override
    public void onClose(int connection, int code) {
        if (closes.putIfAbsent(connection, code) == null) {
            closed.incrementAndGet();
        }
    }

    /**
     * Takes {@code deliveries} permits, waiting while too many messages are on their way, until
     * {@code deadlineNanos} at most (messages owed to a subscriber the server closed never return theirs).
     *
     * @return whether the permits were taken
     */
    boolean acquire(int deliveries, long deadlineNanos) throws InterruptedException {
        return window == null
                || window.tryAcquire(deliveries, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
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
}
