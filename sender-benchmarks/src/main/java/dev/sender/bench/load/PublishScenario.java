package dev.sender.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** {@code publish}: HTTP publish requests per second, one 5 KiB event each, from P closed-loop connections. */
final class PublishScenario {

    private PublishScenario() {
    }

    static Report run(Options options) throws Exception {
        int publishers = options.integer("publishers", 8);
        int size = options.integer("size", 5120);
        int warmup = options.integer("warmup", DeliveryRun.DEFAULT_WARMUP_SECONDS);
        int duration = options.integer("duration", 10);
        List<byte[]> events = Payloads.events(1, size);
        UUID account = UUID.randomUUID();
        Recorder latencies = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long measureFrom;
        long measureTo;
        long acceptedBefore;
        long acceptedAfter;
        Histogram histogram;
        try (Targets targets = Targets.from(options)) {
            long deadline = System.nanoTime() + (warmup + duration) * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < publishers; i++) {
                HttpPublisher publisher = new HttpPublisher(targets.publishTo(), account, events);
                Thread t = new Thread(() -> {
                    try (publisher) {
                        while (System.nanoTime() < deadline) {
                            long start = System.nanoTime();
                            boolean ok = publisher.send(0, 0, start);
                            latencies.recordValue(System.nanoTime() - start);
                            (ok ? accepted : refused).incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }, "bench-publisher-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            Thread.sleep(warmup * 1000L);
            latencies.reset();
            acceptedBefore = accepted.get();
            measureFrom = System.nanoTime();
            Thread.sleep(duration * 1000L);
            acceptedAfter = accepted.get();
            measureTo = System.nanoTime();
            histogram = latencies.getIntervalHistogram();
            for (Thread t : threads) {
                t.join();
            }
        }
        return new Report("publish").put("publishers", publishers).put("size", size)
                .put("requests_per_sec", (acceptedAfter - acceptedBefore) * 1e9 / (measureTo - measureFrom))
                .latencies("", histogram).put("refused", refused.get());
    }
}
