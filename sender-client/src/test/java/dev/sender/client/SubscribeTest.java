package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sender.core.LunaHeaders;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.Gender;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.filters.UserFilter;
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way to subscribe and consume, against a real server: typed and raw filters, pull, stream, Flow, listener. */
class SubscribeTest {

    private static final HandlerEventFilter MEN_30_PLUS = HandlerEventFilter.builder()
            .gender(Gender.MALE).ageAtLeast(30).build();

    private static TestServer server;
    private SenderClient client;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newClient() {
        client = server.client(UUID.randomUUID()).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private String publishPeople() {
        return client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(
                Events.person("young-man", 1, 20), Events.person("man", 1, 40), Events.person("woman", 0, 50),
                Events.person("older-man", 1, 70)));
    }

    @Test
    void next_returnsTypedMessagesThatPassTheFilter_inPublishOrder_withTheirRawJson() {
        try (Subscription<HandlerEventMessage> men = client.subscribe(MEN_30_PLUS)) {
            assertThat(men.state()).isEqualTo(Subscription.State.OPEN);
            assertThat(men.uri().toString()).endsWith("/2/ws?age__gte=30&gender=1").startsWith("ws://localhost:");

            String requestId = publishPeople();

            HandlerEventMessage first = men.next();
            assertThat(first.event().eventId()).hasValue("man");
            assertThat(first.event().age()).hasValue(40);
            assertThat(first.event().gender()).hasValue(Gender.MALE);
            assertThat(first.handlerId()).isEqualTo(Events.HANDLER);
            assertThat(first.eventCreateTime()).isEqualTo(Events.CREATED);
            assertThat(first.eventEndTime()).isEqualTo(Events.ENDED);
            assertThat(first.requestId()).isEqualTo(requestId);
            assertThat(first.toJson()).contains("\"extra\":{\"kept\":1.0}").contains("\"Luna-Request-id\":\"" + requestId);
            assertThat(men.next(Recorder.TIMEOUT).map(m -> m.event().eventId().orElseThrow())).hasValue("older-man");
            assertThat(men.next(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void rawParameters_areSentAsALunaPythonUserWritesThem() {
        try (Subscription<HandlerEventMessage> men = client.subscribe(Map.of("gender", 1, "age__gte", 30));
             Subscription<HandlerEventMessage> lists = client.subscribe(Map.of(
                     "gender", Gender.MALE, "sources", List.of("cam1", "cam 2"), "age__lt", new int[] {50}))) {
            assertThat(lists.uri().getRawQuery()).contains("sources=cam1,cam+2").contains("gender=1")
                    .contains("age__lt=50");

            publishPeople();

            assertThat(men.next().event().eventId()).hasValue("man");
            assertThat(men.next().event().eventId()).hasValue("older-man");
            assertThat(lists.next().event().eventId()).hasValue("young-man");
            assertThat(lists.next().event().eventId()).hasValue("man");
            assertThat(lists.next(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void stream_deliversInOrder_andEndsWhenTheApplicationCloses() {
        Subscription<HandlerEventMessage> men = client.subscribe(MEN_30_PLUS);
        AtomicInteger seen = new AtomicInteger();
        CompletableFuture<List<String>> collected = CompletableFuture.supplyAsync(() -> men.stream()
                .peek(m -> seen.incrementAndGet())
                .map(m -> m.event().eventId().orElseThrow())
                .toList());

        publishPeople();
        await().atMost(Recorder.TIMEOUT).until(() -> seen.get() == 2);
        men.close();

        assertThat(collected.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join())
                .containsExactly("man", "older-man");
    }

    @Test
    void stream_withLimit_andClosingTheStreamClosesTheSubscription() {
        Subscription<HandlerEventMessage> men = client.subscribe(MEN_30_PLUS);
        publishPeople();

        try (var stream = men.stream()) {
            assertThat(stream.limit(2).map(m -> m.event().age().orElseThrow()).toList()).containsExactly(40, 70);
        }

        assertThat(men.state()).isEqualTo(Subscription.State.CLOSED);
    }

    @Test
    void publisher_deliversNoMoreThanRequested_untilMoreIsRequested() {
        Subscription<HandlerEventMessage> all = client.subscribe(HandlerEventFilter.empty());
        RecordingSubscriber<HandlerEventMessage> subscriber = new RecordingSubscriber<>(1);
        all.publisher().subscribe(subscriber);

        client.publish(Events.HANDLER, Events.CREATED, Events.ENDED,
                List.of(Events.numbered(1), Events.numbered(2), Events.numbered(3), Events.numbered(4)));

        await().atMost(Recorder.TIMEOUT).until(() -> subscriber.ids().size() == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> subscriber.ids().size() == 1);
        assertThat(subscriber.ids()).containsExactly("e1");

        subscriber.subscription.get().request(2);
        await().atMost(Recorder.TIMEOUT).until(() -> subscriber.ids().size() == 3);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> subscriber.ids().size() == 3);
        assertThat(subscriber.ids()).containsExactly("e1", "e2", "e3");

        subscriber.subscription.get().request(Long.MAX_VALUE);
        await().atMost(Recorder.TIMEOUT).until(() -> subscriber.ids().size() == 4);
        assertThat(subscriber.threads).allSatisfy(t -> assertThat(t).startsWith("sender-client-"));

        subscriber.subscription.get().cancel();
        assertThat(all.state()).isEqualTo(Subscription.State.CLOSED);
        assertThat(subscriber.terminal).isEmpty();
    }

    @Test
    void publisher_slowSubscriberRequestingOneAtATime_getsEveryMessageOnce_inOrder_neverMoreThanRequested()
            throws InterruptedException {
        int total = 300;
        Subscription<HandlerEventMessage> all = client.subscribe(HandlerEventFilter.empty());
        PacedSubscriber subscriber = new PacedSubscriber();
        all.publisher().subscribe(subscriber);
        // Everything is published before the subscriber takes the second message: the rest waits in the buffer.
        for (int batch = 0; batch < total / 50; batch++) {
            List<Event> events = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                events.add(Events.numbered(batch * 50 + i));
            }
            client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, events);
        }

        List<String> taken = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            HandlerEventMessage message = subscriber.received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("message %d within 10 s", i).isNotNull();
            taken.add(message.event().eventId().orElseThrow());
            assertThat(subscriber.received).as("nothing beyond the demand").isEmpty();
            subscriber.request(1);
        }

        assertThat(taken).isEqualTo(IntStream.rangeClosed(1, total).mapToObj(i -> "e" + i).toList());
        assertThat(subscriber.received.poll(200, TimeUnit.MILLISECONDS)).as("nothing more was published").isNull();
        assertThat(subscriber.overDelivered).as("onNext beyond the demand").hasValue(0);
        assertThat(subscriber.terminal).isEmpty();
        assertThat(all.state()).isEqualTo(Subscription.State.OPEN);
    }

    @Test
    void publisher_whoseSubscriberLetsTheBufferFill_getsWhatItRequested_thenTheOverflowError() {
        try (SenderClient small = server.client(UUID.randomUUID()).messageBuffer(3).build()) {
            Subscription<HandlerEventMessage> all = small.subscribe(HandlerEventFilter.empty());
            RecordingSubscriber<HandlerEventMessage> subscriber = new RecordingSubscriber<>(2);
            all.publisher().subscribe(subscriber);
            await().atMost(Recorder.TIMEOUT).until(() -> subscriber.subscription.get() != null);

            small.publish(Events.HANDLER, Events.CREATED, Events.ENDED,
                    IntStream.rangeClosed(1, 8).mapToObj(Events::numbered).toList());

            await().atMost(Recorder.TIMEOUT).until(() -> !subscriber.terminal.isEmpty());
            assertThat(subscriber.ids()).containsExactly("e1", "e2");
            assertThat(subscriber.terminal).singleElement().asString().contains("SubscriptionClosedException")
                    .contains("message buffer overflow");
            assertThat(all.state()).isEqualTo(Subscription.State.CLOSED);
            subscriber.subscription.get().request(10);
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                    .until(() -> subscriber.ids().size() == 2 && subscriber.terminal.size() == 1);
        }
    }

    @Test
    void publisher_completesAfterWhatWasReceived_whenTheApplicationCloses() {
        Subscription<HandlerEventMessage> all = client.subscribe(HandlerEventFilter.empty());
        RecordingSubscriber<HandlerEventMessage> subscriber = new RecordingSubscriber<>(1);
        all.publisher().subscribe(subscriber);
        client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.numbered(1), Events.numbered(2)));
        await().atMost(Recorder.TIMEOUT).until(() -> subscriber.ids().size() == 1);

        all.close();
        assertThat(subscriber.terminal).isEmpty();
        subscriber.subscription.get().request(10);

        await().atMost(Recorder.TIMEOUT).until(() -> subscriber.terminal.contains("complete"));
        // e2 is delivered before the completion when it had arrived before the close.
        assertThat(subscriber.ids()).first().isEqualTo("e1");
        assertThat(subscriber.terminal).containsExactly("complete");
    }

    @Test
    void publisher_refusesASecondSubscriber_andANonPositiveRequest() {
        Subscription<HandlerEventMessage> all = client.subscribe(HandlerEventFilter.empty());
        RecordingSubscriber<HandlerEventMessage> first = new RecordingSubscriber<>(0);
        RecordingSubscriber<HandlerEventMessage> second = new RecordingSubscriber<>(0);
        all.publisher().subscribe(first);
        all.publisher().subscribe(second);

        assertThat(second.terminal).singleElement().asString().contains("IllegalStateException");
        assertThatThrownBy(all::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("Flow");

        await().atMost(Recorder.TIMEOUT).until(() -> first.subscription.get() != null);
        first.subscription.get().request(0);
        await().atMost(Recorder.TIMEOUT).until(() -> !first.terminal.isEmpty());
        assertThat(first.terminal).singleElement().asString().contains("IllegalArgumentException").contains("3.9");
        await().atMost(Recorder.TIMEOUT).until(() -> all.state() == Subscription.State.CLOSED);
    }

    @Test
    void listener_receivesOpenMessagesCloseAndStates_inOrder_offTheIoThreads() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        Subscription<HandlerEventMessage> men = client.subscribe(MEN_30_PLUS, recorder);
        publishPeople();
        assertThat(recorder.awaitMessage().event().eventId()).hasValue("man");
        assertThat(recorder.awaitMessage().event().eventId()).hasValue("older-man");

        men.close();

        await().atMost(Recorder.TIMEOUT).until(() -> recorder.lines.contains("state OPEN->CLOSED"));
        assertThat(recorder.lines).containsExactly("state CONNECTING->OPEN", "open", "message man", "message older-man",
                "close 1000", "state OPEN->CLOSED");
        assertThat(recorder.threads).allSatisfy(t -> assertThat(t).startsWith("sender-client-").doesNotContain("Grizzly"));
        assertThatThrownBy(men::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("listener");
    }

    @Test
    void aListenerThatThrows_isLoggedAndKeepsReceiving() {
        AtomicInteger calls = new AtomicInteger();
        client.subscribe(HandlerEventFilter.empty(), new SubscriptionListener<EventMessage>() {
            @Override
            public void onMessage(EventMessage message) {
                calls.incrementAndGet();
                throw new IllegalStateException("a bug in the application");
            }
        });

        client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.numbered(1), Events.numbered(2)));

        await().atMost(Recorder.TIMEOUT).until(() -> calls.get() == 2);
    }

    @Test
    void general_typedAndUserDefinedFilters() {
        GeneralEventFilter feverAtTheDoor = GeneralEventFilter.builder()
                .eventTypes("door_opened")
                .where(UserFilter.of("temperature", Operator.GT, FieldType.NUMERIC, "37.5"))
                .build();
        UUID account = UUID.randomUUID();
        try (Subscription<GeneralEventMessage> typed = client.subscribeGeneral(feverAtTheDoor);
             Subscription<GeneralEventMessage> raw = client.subscribeGeneral(Map.of(
                     "event_type", "door_opened", "event.temperature__gt:numeric", 37.5))) {
            client.publishGeneral("door_opened", Event.parse("{\"event_id\":\"cool\",\"temperature\":36.6}"));
            client.publishGeneral("window_opened", Event.parse("{\"event_id\":\"window\",\"temperature\":39}"));
            client.publishGeneral(new GeneralPublication(Event.parse("{\"event_id\":\"hot\",\"temperature\":38.2}"),
                    "door_opened", account.toString(), Events.CREATED, null, dev.sender.core.RequestId.generate()));

            for (Subscription<GeneralEventMessage> subscription : List.of(typed, raw)) {
                GeneralEventMessage message = subscription.next();
                assertThat(message.event().eventId()).hasValue("hot");
                assertThat(message.eventType()).isEqualTo("door_opened");
                assertThat(message.accountId()).isEqualTo(account.toString());
                assertThat(message.eventCreateTime()).isEqualTo(Events.CREATED);
                assertThat(message.eventEndTime()).isNull();
                assertThat(message.toJson()).contains("\"temperature\":38.2");
                assertThat(subscription.next(Duration.ofMillis(100))).isEmpty();
            }
        }
    }

    @Test
    void subscriptionsOfOneClient_areIndependent() {
        Subscription<HandlerEventMessage> women = client.subscribe(HandlerEventFilter.builder()
                .gender(Gender.FEMALE).build());
        try (Subscription<HandlerEventMessage> everyone = client.subscribe(HandlerEventFilter.empty())) {
            publishPeople();
            women.close();

            assertThat(everyone.stream().limit(4).map(m -> m.event().eventId().orElseThrow()).toList())
                    .containsExactly("young-man", "man", "woman", "older-man");
            assertThat(everyone.state()).isEqualTo(Subscription.State.OPEN);
        }
    }

    @Test
    void toJson_isTheFrameTheServerSent_andTheEventIsAsPublished() throws Exception {
        UUID account = UUID.randomUUID();
        Event man = Events.person("man", 1, 40);
        Event door = Event.parse("{\"door\": \"B\",  \"temperature\": 38.20, \"note\": \"caf\u00e9\"}");
        // With history=1, as the client subscribes: the frames carry the same positions.
        RawFrames handlerFrames = RawFrames.open(URI.create("ws://localhost:" + server.port() + "/2/ws?history=1"),
                account);
        RawFrames generalFrames = RawFrames.open(URI.create("ws://localhost:" + server.port()
                + "/2/general_events/ws?event_type=raw-frames&history=1"), null);
        try (SenderClient own = server.client(account).build();
             Subscription<HandlerEventMessage> handler = own.subscribe(HandlerEventFilter.empty());
             Subscription<GeneralEventMessage> general = own.subscribeGeneral(Map.of("event_type", "raw-frames"))) {
            own.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(man));
            own.publishGeneral("raw-frames", door);

            HandlerEventMessage handlerMessage = handler.next();
            GeneralEventMessage generalMessage = general.next();
            assertThat(handlerMessage.toJson()).isEqualTo(handlerFrames.next());
            assertThat(generalMessage.toJson()).isEqualTo(generalFrames.next());
            assertThat(handlerMessage.toJson()).endsWith(",\"position\":\"" + handlerMessage.position() + "\"}");
            assertThat(handlerMessage.event().json()).isEqualTo(man.json());
            assertThat(generalMessage.event().json()).isEqualTo(door.json()).contains("38.20");
        } finally {
            handlerFrames.close();
            generalFrames.close();
        }
    }

    @Test
    void oneClient_usedFromManyThreadsAtOnce_givesEachSubscriptionItsOwnMessages() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String source = "thread-" + t;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try (Subscription<HandlerEventMessage> mine = client.subscribe(
                            HandlerEventFilter.builder().sources(source).build())) {
                        for (int i = 0; i < perThread; i++) {
                            client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Event.parse(
                                    "{\"event_id\":\"" + source + "-" + i + "\",\"source\":\"" + source + "\"}")));
                        }
                        assertThat(client.version().api()).isEqualTo(2);
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            ids.add(mine.next(Recorder.TIMEOUT).orElseThrow().event().eventId().orElseThrow());
                        }
                        assertThat(mine.next(Duration.ofMillis(100))).isEmpty();
                        return ids;
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                String source = "thread-" + t;
                assertThat(results.get(t).get(60, TimeUnit.SECONDS))
                        .isEqualTo(IntStream.range(0, perThread).mapToObj(i -> source + "-" + i).toList());
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The text frames of a WebSocket opened with the JDK's own client, as the server sent them. */
    private static final class RawFrames implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final HttpClient http = HttpClient.newHttpClient();
        private WebSocket webSocket;

        static RawFrames open(URI uri, UUID account) throws Exception {
            RawFrames raw = new RawFrames();
            WebSocket.Builder builder = raw.http.newWebSocketBuilder();
            if (account != null) {
                builder.header(LunaHeaders.ACCOUNT_ID, account.toString());
            }
            raw.webSocket = builder.buildAsync(uri, raw).get(10, TimeUnit.SECONDS);
            return raw;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }

        @Override
        public void close() {
            webSocket.abort();
        }
    }

    /**
     * A slow Flow subscriber: it requests one message at first, queues what it receives for the test to take, and
     * asks for more only when the test says so; it counts every message received beyond what it requested.
     */
    static final class PacedSubscriber implements Flow.Subscriber<HandlerEventMessage> {
        final BlockingQueue<HandlerEventMessage> received = new LinkedBlockingQueue<>();
        final List<String> terminal = new CopyOnWriteArrayList<>();
        /** Messages received beyond the demand: 0 unless the publisher breaks its promise. */
        final AtomicInteger overDelivered = new AtomicInteger();
        private final AtomicLong demand = new AtomicLong();
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            request(1);
        }

        void request(long n) {
            demand.addAndGet(n);
            subscription.request(n);
        }

        @Override
        public void onNext(HandlerEventMessage item) {
            if (demand.decrementAndGet() < 0) {
                overDelivered.incrementAndGet();
            }
            received.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            terminal.add("error " + throwable);
        }

        @Override
        public void onComplete() {
            terminal.add("complete");
        }
    }

    /** A Flow subscriber that requests {@code initial} at first and records what it receives. */
    static final class RecordingSubscriber<M extends EventMessage> implements Flow.Subscriber<M> {
        final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        final List<M> received = new CopyOnWriteArrayList<>();
        final List<String> terminal = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        private final long initial;

        RecordingSubscriber(long initial) {
            this.initial = initial;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            if (initial > 0) {
                s.request(initial);
            }
        }

        @Override
        public void onNext(M item) {
            threads.add(Thread.currentThread().getName());
            received.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            terminal.add("error " + throwable);
        }

        @Override
        public void onComplete() {
            terminal.add("complete");
        }

        List<String> ids() {
            return received.stream().map(m -> m.event().eventId().orElse("?")).toList();
        }
    }
}
