package dev.sender.bench.load;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;

/**
 * Publishing threads. With a rate, open-loop: event k is due at {@code start + k / rate} and carries that
 * scheduled time, however late it leaves, so that latency includes any queueing (no coordinated omission).
 * Without a rate, saturating: each thread publishes as fast as the delivery window lets it, so the load is the
 * most the subscribers can take without dropping, and events carry their actual send time. Every event carries
 * its sequence number; the loop remembers which were accepted, for the subscribers' accounts.
 */
final class PublishLoop {

    /** Creates the publisher of thread {@code index}. */
    interface PublisherFactory {
        Publisher create(int index) throws Exception;
    }

    private final int threads;
    private final double rate;
    private final int groups;
    private final IntToLongFunction receiversOfGroup;
    private final Deliveries deliveries;
    private final AtomicLongArray publishedPerGroup;
    private final BitSet[] publishedEvents;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> running = new ArrayList<>();
    private volatile long deadline;

    PublishLoop(int threads, double rate, int groups, IntToLongFunction receiversOfGroup, Deliveries deliveries) {
        this.threads = threads;
        this.rate = rate;
        this.groups = groups;
        this.receiversOfGroup = receiversOfGroup;
        this.deliveries = deliveries;
        this.publishedPerGroup = new AtomicLongArray(groups);
        this.publishedEvents = new BitSet[groups];
        for (int g = 0; g < groups; g++) {
            publishedEvents[g] = new BitSet();
        }
    }

    /** Starts publishing until {@code durationNanos} from now. */
    void start(PublisherFactory factory, long durationNanos) throws Exception {
        long start = System.nanoTime();
        deadline = start + durationNanos;
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            publishers.add(factory.create(i));
        }
        for (int i = 0; i < threads; i++) {
            Publisher publisher = publishers.get(i);
            Thread t = new Thread(() -> run(publisher, start), "bench-publisher-" + i);
            t.setDaemon(true);
            running.add(t);
            t.start();
        }
    }

    private void run(Publisher publisher, long start) {
        try (publisher) {
            while (true) {
                long k = sequence.getAndIncrement();
                int group = (int) (k % groups);
                long due;
                if (rate > 0) {
                    due = start + (long) (k * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                } else {
                    if (!deliveries.acquire(group, deadline)) {
                        return;
                    }
                    due = System.nanoTime();
                }
                if (due >= deadline || System.nanoTime() >= deadline) {
                    return;
                }
                if (publisher.send(group, k, due)) {
                    publishedPerGroup.incrementAndGet(group);
                    synchronized (publishedEvents) {
                        publishedEvents[group].set((int) (k / groups));
                    }
                } else {
                    failures.incrementAndGet();
                }
            }
        } catch (Exception e) {
            failures.incrementAndGet();
        }
    }

    /** Waits for every thread to finish. */
    void join() throws InterruptedException {
        for (Thread t : running) {
            t.join();
        }
    }

    /** Events accepted. */
    long published() {
        long sum = 0;
        for (int g = 0; g < groups; g++) {
            sum += publishedPerGroup.get(g);
        }
        return sum;
    }

    /** The sequences of the events accepted for {@code group}, by {@code sequence / groups}. */
    BitSet published(int group) {
        synchronized (publishedEvents) {
            return (BitSet) publishedEvents[group].clone();
        }
    }

    /** Deliveries the accepted events owe the subscribers. */
    long expectedDeliveries() {
        long sum = 0;
        for (int g = 0; g < groups; g++) {
            sum += publishedPerGroup.get(g) * receiversOfGroup.applyAsLong(g);
        }
        return sum;
    }

    /** Events refused, or lost to a failed connection. */
    long failures() {
        return failures.get();
    }
}
