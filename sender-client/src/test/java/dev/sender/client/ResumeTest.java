package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.ErrorCode;
import dev.sender.core.HistoryOptions;
import dev.sender.core.Position;
import dev.sender.core.RequestId;
import dev.sender.core.StartAt;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.filters.HandlerEventFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions that resume (SPEC §9), end to end with real servers and sockets: a server restarted on the same
 * broker while a publisher keeps publishing loses nothing and repeats nothing; a history that was trimmed, lost or
 * never kept is reported as a gap, not hidden; applications that store positions start where they left off.
 */
class ResumeTest {

    private static final HistoryOptions LARGE_HISTORY = new HistoryOptions(100_000, Duration.ofMinutes(5), 256L << 20);

    /** Publishes numbered events to {@code broker}, one publication a millisecond, until stopped. */
    private static final class Publisher implements AutoCloseable {
        private final AtomicInteger published = new AtomicInteger();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Publisher(Broker broker, UUID account) {
            timer.scheduleAtFixedRate(() -> {
                publish(broker, account, published.get());
                published.incrementAndGet();
            }, 0, 1, TimeUnit.MILLISECONDS);
        }

        /** Stops publishing; returns how many events were published. */
        int stop() {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the publisher did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return published.get();
        }

        @Override
        public void close() {
            stop();
        }
    }

    private static void publish(Broker broker, UUID account, int n) {
        broker.publish(new HandlerPublication(account, Events.HANDLER, Events.CREATED, Events.ENDED,
                RequestId.generate(), List.of(Events.numbered(n)))).toCompletableFuture().join();
    }

    private static void publishRange(Broker broker, UUID account, int from, int to) {
        for (int n = from; n < to; n++) {
            publish(broker, account, n);
        }
    }

    private static int number(HandlerEventMessage message) {
        return Integer.parseInt(message.event().eventId().orElseThrow().substring(1));
    }

    private static List<Integer> take(Subscription<HandlerEventMessage> subscription, int count) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(number(subscription.next(Recorder.TIMEOUT).orElseThrow(
                    () -> new AssertionError("message " + out.size() + " of " + count + " after " + out))));
        }
        return out;
    }

    private static void restart(TestServer server, Subscription<?>... subscriptions) {
        server.stop();
        await().atMost(Recorder.TIMEOUT).until(() -> List.of(subscriptions).stream()
                .allMatch(s -> s.state() == Subscription.State.RECONNECTING));
        server.startAgain(b -> b);
        await().atMost(Recorder.TIMEOUT).until(() -> List.of(subscriptions).stream()
                .allMatch(s -> s.state() == Subscription.State.OPEN));
    }

    @Test
    void serverRestartedTwiceOnTheSameBroker_whileAPublisherPublishes_deliversEveryEventOnce_inOrder() {
        UUID account = UUID.randomUUID();
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(), LARGE_HISTORY);
             TestServer server = TestServer.start(broker);
             SenderClient client = server.client(account).build()) {
            Subscription<HandlerEventMessage> pulled = client.subscribe(HandlerEventFilter.empty());
            Subscription<HandlerEventMessage> pushed = client.subscribe(HandlerEventFilter.empty(), recorder);
            int published;
            try (Publisher publisher = new Publisher(broker, account)) {
                await().atMost(Recorder.TIMEOUT).until(() -> publisher.published.get() > 200);
                restart(server, pulled, pushed);
                await().atMost(Recorder.TIMEOUT).until(() -> publisher.published.get() > 1500);
                restart(server, pulled, pushed);
                await().atMost(Recorder.TIMEOUT).until(() -> publisher.published.get() > 2500);
                published = publisher.stop();
            }

            List<Integer> expected = IntStream.range(0, published).boxed().toList();
            assertThat(take(pulled, published)).isEqualTo(expected);
            List<Integer> pushedNumbers = new ArrayList<>();
            for (int i = 0; i < published; i++) {
                pushedNumbers.add(number(recorder.awaitMessage()));
            }
            assertThat(pushedNumbers).isEqualTo(expected);
            assertThat(pulled.next(Duration.ofMillis(200))).isEmpty();
            assertThat(recorder.drainIds()).isEmpty();
            assertThat(recorder.lines).doesNotContain("events lost");
            assertThat(recorder.errors).allMatch(e -> e instanceof SenderException s && s.status() == 0,
                    "failed reconnect attempts only");
        }
    }

    @Test
    void historyTrimmedWhileDisconnected_isReportedOnce_thenTheOldestRetainedEventsFollow() {
        UUID account = UUID.randomUUID();
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(),
                new HistoryOptions(5, Duration.ofMinutes(5), 1L << 20));
             TestServer server = TestServer.start(broker);
             SenderClient client = server.client(account).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
            publish(broker, account, 0);
            HandlerEventMessage first = subscription.next();

            server.stop();
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.RECONNECTING);
            publishRange(broker, account, 1, 21);
            server.startAgain(b -> b);
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.OPEN);
            publish(broker, account, 21);

            EventsLostException gap = catchThrowableOfType(EventsLostException.class, subscription::next);
            assertThat(gap.after()).isEqualTo(first.position());
            assertThat(gap.status()).isZero();
            assertThat(take(subscription, 6)).containsExactly(16, 17, 18, 19, 20, 21);
        }
    }

    @Test
    void historyOff_subscribesWithoutIt_andEachReconnectIsReportedAsAGap() {
        UUID account = UUID.randomUUID();
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(), HistoryOptions.OFF);
             TestServer server = TestServer.start(broker);
             SenderClient client = server.client(account).connectionListener(recorder).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
            publish(broker, account, 0);
            HandlerEventMessage first = subscription.next();
            assertThat(first.position()).isNull();

            server.stop();
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.RECONNECTING);
            publish(broker, account, 1);
            server.startAgain(b -> b);
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.OPEN);
            publish(broker, account, 2);

            EventsLostException gap = catchThrowableOfType(EventsLostException.class, subscription::next);
            assertThat(gap.after()).isNull();
            assertThat(gap.getMessage()).contains("keeps no history");
            assertThat(take(subscription, 1)).containsExactly(2);
            assertThat(recorder.connectionLines).contains("events lost");
        }
    }

    @Test
    void resumeOff_subscribesAsLunaClientsDo_missingWhatWasPublishedMeanwhile_withoutReportingIt() {
        UUID account = UUID.randomUUID();
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(), LARGE_HISTORY);
             TestServer server = TestServer.start(broker);
             SenderClient client = server.client(account).resume(false).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
            publish(broker, account, 0);
            assertThat(subscription.next().position()).isNull();

            server.stop();
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.RECONNECTING);
            publish(broker, account, 1);
            server.startAgain(b -> b);
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.OPEN);
            publish(broker, account, 2);

            assertThat(take(subscription, 1)).containsExactly(2);
        }
    }

    @Test
    void applicationThatStoresPositions_continuesAfterItsOwnRestart_withSince() {
        UUID account = UUID.randomUUID();
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(), LARGE_HISTORY);
             TestServer server = TestServer.start(broker)) {
            Position saved;
            try (SenderClient first = server.client(account).build();
                 Subscription<HandlerEventMessage> subscription = first.subscribe(HandlerEventFilter.empty())) {
                publishRange(broker, account, 0, 5);
                take(subscription, 3);
                saved = subscription.next().position();
            }
            publishRange(broker, account, 5, 8);

            try (SenderClient again = server.client(account).build();
                 Subscription<HandlerEventMessage> resumed = again.subscribe(HandlerEventFilter.empty(),
                         StartAt.after(saved))) {
                publish(broker, account, 8);

                assertThat(take(resumed, 5)).containsExactly(4, 5, 6, 7, 8);
                assertThat(resumed.uri().getRawQuery()).isNull();
            }
        }
    }

    @Test
    void rewind_replaysTheLastEventsThatPassTheFilter_thenLiveOnes_alsoAsARawParameter() {
        UUID account = UUID.randomUUID();
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(), LARGE_HISTORY);
             TestServer server = TestServer.start(broker);
             SenderClient client = server.client(account).build()) {
            publishRange(broker, account, 0, 10);

            Subscription<HandlerEventMessage> typed = client.subscribe(HandlerEventFilter.empty(), StartAt.last(3));
            Subscription<HandlerEventMessage> raw = client.subscribe(Map.of("rewind", 2));
            publish(broker, account, 10);

            assertThat(take(typed, 4)).containsExactly(7, 8, 9, 10);
            assertThat(take(raw, 3)).containsExactly(8, 9, 10);
        }
    }

    @Test
    void sinceAPositionTheServerNoLongerHolds_isAGapBeforeTheFirstMessage_toEveryWayOfConsuming() throws Exception {
        UUID account = UUID.randomUUID();
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(), LARGE_HISTORY);
             TestServer server = TestServer.start(broker);
             SenderClient client = server.client(account).build()) {
            StartAt forgotten = StartAt.after(Position.of("from-another-broker.7"));
            Subscription<HandlerEventMessage> pulled = client.subscribe(HandlerEventFilter.empty(), forgotten);
            client.subscribe(HandlerEventFilter.empty(), forgotten, recorder);
            Subscription<HandlerEventMessage> flowing = client.subscribe(HandlerEventFilter.empty(), forgotten);
            CompletableFuture<Throwable> flowError = new CompletableFuture<>();
            flowing.publisher().subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(HandlerEventMessage item) {
                }

                @Override
                public void onError(Throwable throwable) {
                    flowError.complete(throwable);
                }

                @Override
                public void onComplete() {
                    flowError.complete(null);
                }
            });
            publish(broker, account, 0);

            EventsLostException gap = catchThrowableOfType(EventsLostException.class, pulled::next);
            assertThat(gap.after()).isEqualTo(Position.of("from-another-broker.7"));
            assertThat(take(pulled, 1)).containsExactly(0);
            assertThat(number(recorder.awaitMessage())).isZero();
            await().atMost(Recorder.TIMEOUT).until(() -> recorder.lines.contains("message e0"));
            assertThat(recorder.lines).containsSubsequence("open", "events lost", "message e0");
            assertThat(flowError.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(EventsLostException.class);
            await().atMost(Recorder.TIMEOUT).until(() -> flowing.state() == Subscription.State.CLOSED);
        }
    }

    @Test
    void rewindOverTheHistorySize_isTheServersRefusal_notAFallback() {
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(),
                new HistoryOptions(10, Duration.ofMinutes(5), 1L << 20));
             TestServer server = TestServer.start(broker);
             SenderClient client = server.client(UUID.randomUUID()).build()) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> client.subscribe(HandlerEventFilter.empty(), StartAt.last(11)));

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.is(ErrorCode.BAD_QUERY_PARAMETERS)).isTrue();
            assertThat(e.detail()).contains("'rewind'");
        }
    }

    @Test
    void badHistoryRawParameters_areRefusedBeforeAnyConnection() {
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).build()) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> client.subscribe(Map.of("since", "a b")))).hasMessageContaining("'since'");
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> client.subscribe(Map.of("rewind", 0)))).hasMessageContaining("'rewind'");
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> client.subscribe(Map.of("history", 2)))).hasMessageContaining("'history'");
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> client.subscribe(Map.of("since", "", "rewind", 1)))).hasMessageContaining("'since'");
        }
    }
}
