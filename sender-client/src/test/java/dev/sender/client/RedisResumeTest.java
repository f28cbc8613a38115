package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.HistoryOptions;
import dev.sender.core.RequestId;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.redis.RedisBroker;
import dev.sender.redis.testing.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Resuming on another instance (SPEC §9, scale-out): two Sender instances share one real Redis, whose streams hold
 * the history; the instance a subscription is connected to stops, and the subscription reconnects to the other
 * one (started on the same port, as behind a load balancer) while a third instance keeps publishing.
 */
class RedisResumeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HistoryOptions HISTORY = new HistoryOptions(100_000, Duration.ofMinutes(5), 1L << 30);

    @Test
    void subscriptionMovedBetweenInstances_whileAnotherPublishes_receivesEveryEventOnce_inOrder() {
        UUID account = UUID.randomUUID();
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (RedisServerProcess redis = RedisServerProcess.start();
             RedisBroker brokerA = connect(redis);
             RedisBroker brokerB = connect(redis);
             RedisBroker publishing = connect(redis);
             TestServer server = TestServer.start(brokerA);
             SenderClient client = server.client(account).build()) {
            Subscription<HandlerEventMessage> pulled = client.subscribe(HandlerEventFilter.empty());
            Subscription<HandlerEventMessage> pushed = client.subscribe(HandlerEventFilter.empty(), recorder);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger published = new AtomicInteger();
            CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    int n = published.get();
                    publishing.publish(new HandlerPublication(account, Events.HANDLER, Events.CREATED, Events.ENDED,
                            RequestId.generate(), List.of(Events.numbered(n)))).toCompletableFuture().join();
                    published.incrementAndGet();
                    LockSupport.parkNanos(500_000);
                }
            });

            await().atMost(PATIENCE).until(() -> published.get() > 200);
            moveTo(server, brokerB, pulled, pushed);
            await().atMost(PATIENCE).until(() -> published.get() > 800);
            moveTo(server, brokerA, pulled, pushed);
            await().atMost(PATIENCE).until(() -> published.get() > 1200);
            running.set(false);
            publisher.join();

            int total = published.get();
            List<Integer> expected = IntStream.range(0, total).boxed().toList();
            List<Integer> pulledNumbers = new ArrayList<>();
            List<Integer> pushedNumbers = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                pulledNumbers.add(number(pulled.next(PATIENCE).orElseThrow(() -> new AssertionError(
                        "message " + pulledNumbers.size() + " of " + total))));
                pushedNumbers.add(number(recorder.awaitMessage()));
            }
            assertThat(pulledNumbers).isEqualTo(expected);
            assertThat(pushedNumbers).isEqualTo(expected);
            assertThat(pulled.next(Duration.ofMillis(300))).isEmpty();
            assertThat(recorder.lines).doesNotContain("events lost");
        }
    }

    /** An instance on {@code redis} whose history holds every event of the test, however long a move takes. */
    private static RedisBroker connect(RedisServerProcess redis) {
        return RedisBroker.builder(redis.uri()).history(HISTORY).connect();
    }

    /** Stops the instance the subscriptions are connected to and starts one on {@code broker} in its place. */
    private static void moveTo(TestServer server, RedisBroker broker, Subscription<?>... subscriptions) {
        server.stop();
        await().atMost(PATIENCE).until(() -> List.of(subscriptions).stream()
                .allMatch(s -> s.state() == Subscription.State.RECONNECTING));
        server.startAgain(b -> b.broker(broker));
        await().atMost(PATIENCE).until(() -> List.of(subscriptions).stream()
                .allMatch(s -> s.state() == Subscription.State.OPEN));
    }

    private static int number(HandlerEventMessage message) {
        return Integer.parseInt(message.event().eventId().orElseThrow().substring(1));
    }
}
