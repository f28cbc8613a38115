package dev.sender.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code replay}: how long a subscriber that asks for the history (SPEC §9) waits for it. {@code --events} events of
 * {@code --size} bytes are published over HTTP and retained; then, one after the other, {@code --warmup-replays}
 * untimed and {@code --repeat} timed subscribers open with {@code rewind=<events>}, each timed from sending its
 * handshake to receiving the last replayed event. With {@code --redis} the events are published on one instance
 * and replayed from Redis by the other.
 */
final class ReplayScenario {

    private static final long TIMEOUT_SECONDS = 60;

    private ReplayScenario() {
    }

    static Report run(Options options) throws Exception {
        int events = options.integer("events", 1000);
        int size = options.integer("size", 5120);
        int repeats = options.integer("repeat", 20);
        int warmups = options.integer("warmup-replays", 20);
        UUID account = UUID.randomUUID();
        List<Double> millis = new ArrayList<>();
        try (Targets targets = Targets.from(options)) {
            try (HttpPublisher publisher = new HttpPublisher(targets.publishTo(), account, Payloads.events(1, size))) {
                for (int i = 0; i < events; i++) {
                    if (!publisher.send(0, i, System.nanoTime())) {
                        throw new IllegalStateException("publication " + i + " was refused");
                    }
                }
            }
            for (int r = 0; r < warmups + repeats; r++) {
                double elapsed = replay(targets, account, events);
                if (r >= warmups) {
                    millis.add(elapsed);
                }
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        return new Report("replay").put("events", events).put("size", size)
                .put("broker", options.flag("redis") ? "redis" : options.has("target") ? "target" : "in-memory")
                .put("replays", repeats)
                .put("replay_ms", Report.median(millis))
                .put("replay_ms_min", sorted.get(0))
                .put("replay_ms_p90", sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1))
                .put("replay_ms_max", sorted.get(sorted.size() - 1));
    }

    /** Opens one subscriber with {@code rewind=events}; the milliseconds until its last replayed event arrived. */
    private static double replay(Targets targets, UUID account, int events) throws Exception {
        CountDownLatch received = new CountDownLatch(events);
        Receiver receiver = (connection, sentNanos, sequence, owner, length, receivedNanos) -> received.countDown();
        try (LeanClients clients = new LeanClients("sender-bench-replay", receiver)) {
            long start = System.nanoTime();
            clients.open(targets.subscribeTo(), null, "/2/ws?rewind=" + events,
                    Map.of("Luna-Account-Id", account.toString()), new SenderDecoder(), true);
            if (!received.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException((events - received.getCount()) + " of " + events
                        + " replayed events arrived within " + TIMEOUT_SECONDS + " s");
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
