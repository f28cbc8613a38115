package dev.sender.bench.load;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code slow}: the others' latency at a fixed rate, first with every subscriber reading, then with one more
 * subscriber that never reads; and how long the server takes to close the stalled one (it polls the server's
 * {@code sender_slow_subscriber_disconnects_total} and its subscription gauge).
 */
final class SlowScenario {

    private SlowScenario() {
    }

    static Report run(Options options) throws Exception {
        int subscribers = options.integer("subscribers", 100);
        int size = options.integer("size", 5120);
        double rate = options.number("rate", 100);
        DeliveryRun.Shape shape = new DeliveryRun.Shape(subscribers, 1, rate, options.integer("publishers", 2),
                Duration.ofSeconds(options.integer("warmup", DeliveryRun.DEFAULT_WARMUP_SECONDS)),
                Duration.ofSeconds(options.integer("duration", 10)), 0);
        List<byte[]> events = Payloads.events(1, size);

        DeliveryRun.Result baseline = FanoutScenario.runSender(options, shape, events, false, false);
        AtomicLong closedAfterNanos = new AtomicLong(-1);
        DeliveryRun.Result stalled;
        UUID account = UUID.randomUUID();
        try (Targets targets = Targets.from(options)) {
            long[] start = new long[1];
            Thread watcher = watch(targets.publishTo(), start, closedAfterNanos);
            stalled = DeliveryRun.run(shape, (clients, i, local) -> {
                Map<String, String> headers = Map.of("Luna-Account-Id", account.toString());
                if (i == 0) {
                    clients.open(targets.subscribeTo(), local, "/2/ws", headers, new SenderDecoder(), false);
                    start[0] = System.nanoTime();
                    watcher.start();
                }
                return clients.open(targets.subscribeTo(), local, "/2/ws?" + Payloads.query(0, "sources"), headers,
                        new SenderDecoder(), true);
            }, () -> true, index -> new HttpPublisher(targets.publishTo(), account, events),
                    group -> Payloads.messages(events).get(group).length, Map.of());
            watcher.interrupt();
        }
        double p99Without = FanoutScenario.percentile(baseline, 99);
        double p99With = FanoutScenario.percentile(stalled, 99);
        return new Report("slow").put("subscribers", subscribers).put("size", size).put("rate", rate)
                .put("delivered_per_sec", stalled.deliveredPerSecond())
                .latencies("", stalled.latencies())
                .put("p99_ms_without_stalled", p99Without).put("p99_ms_with_stalled", p99With)
                .put("p99_increase", p99Without > 0 ? p99With / p99Without - 1 : null)
                .put("stalled_closed_after_s", closedAfterNanos.get() < 0 ? null : closedAfterNanos.get() / 1e9)
                .put("dropped", stalled.dropped()).put("disconnected_others", stalled.disconnected())
                .put("bare_jetty_per_sec", null).put("ratio", null);
    }

    /** Polls the server's metrics until it has closed a subscriber, and notes when. */
    private static Thread watch(InetSocketAddress server, long[] start, AtomicLong closedAfterNanos) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/metrics"))
                .build();
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    String body = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
                    if (closed(body)) {
                        closedAfterNanos.set(System.nanoTime() - start[0]);
                        return;
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                // interrupted at the end of the run
            }
        }, "bench-slow-watcher");
        t.setDaemon(true);
        return t;
    }

    private static boolean closed(String metrics) {
        return metrics.lines().anyMatch(l -> l.startsWith("sender_slow_subscriber_disconnects_total ")
                && !l.endsWith(" 0.0"));
    }
}
