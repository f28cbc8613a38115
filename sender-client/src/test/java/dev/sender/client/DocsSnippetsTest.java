package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.sender.core.ErrorCode;
import dev.sender.core.Position;
import dev.sender.core.RequestId;
import dev.sender.core.StartAt;
import dev.sender.core.event.Event;
import dev.sender.core.event.Gender;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.testkit.DocSnippets;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.filters.UserFilter;
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java snippets of docs/client.md, each compiled and run here against a real server; the first test checks
 * that every snippet of the page appears in this file exactly, so that the guide never shows code that does
 * not work.
 */
@Timeout(30)
class DocsSnippetsTest {

    private static final Path GUIDE = Path.of("..", "docs", "client.md");
    private static final Path THIS_FILE = Path.of("src", "test", "java", "dev", "sender", "client",
            "DocsSnippetsTest.java");

    private static TestServer server;

    private final UUID account = UUID.randomUUID();
    private final UUID otherAccount = UUID.randomUUID();
    private final Event carl = Event.parse("{\"source\":\"cam1\",\"face_attributes\":{\"basic_attributes\":"
            + "{\"age\":41,\"gender\":1}}}");
    private final List<HandlerEventMessage> processed = new CopyOnWriteArrayList<>();
    private SenderClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newClient() {
        client = server.client(account).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private void process(HandlerEventMessage message) {
        processed.add(message);
    }

    @Test
    void everyJavaSnippetOfTheGuide_isCompiledHere() throws IOException {
        assertThat(DocSnippets.assertEveryJavaBlockAppearsIn(GUIDE, THIS_FILE)).isEqualTo(18);
    }

    @Test
    void everyJavaCallOfTheSideBySideTable_isCompiledHere() throws IOException {
        String source = Files.readString(THIS_FILE, StandardCharsets.UTF_8).replaceAll("\\s+", "");
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String table = guide.substring(guide.indexOf("| Python (`luna3.sender.wsclient`) | Java (`dev.sender.client`) |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Pattern codeSpan = Pattern.compile("`([^`]+)`");
        int calls = 0;
        for (String row : table.split("\n")) {
            String[] cells = row.split(" \\| ");
            assertThat(cells).as("a row of two cells: %s", row).hasSize(2);
            Matcher span = codeSpan.matcher(cells[1]);
            while (span.find()) {
                if (span.group(1).contains("(")) {
                    assertThat(source).as("this call of the side-by-side table appears in DocsSnippetsTest: %s",
                            span.group(1)).contains(span.group(1).replaceAll("\\s+", ""));
                    calls++;
                }
            }
        }
        assertThat(calls).isGreaterThanOrEqualTo(20);
    }

    @Test
    void creatingAClient() {
        SenderClient client = SenderClient.builder()
                .origin(URI.create("http://127.0.0.1:5080"))
                .accountId(UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a"))
                .build();

        assertBuiltAsTheGuideSays(client);
    }

    @Test
    void lunaReferenceExample_inJava() {
        UUID lunaAccount = UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        try (SenderClient publishing = server.client(lunaAccount).build();
             PrintedLines console = PrintedLines.ofThisThread()) {
            // Publishes until the end: events published before a subscription opens never reach it.
            publisher.scheduleWithFixedDelay(() -> {
                publishing.publish("h", Events.CREATED, Events.ENDED, List.of(carl, Events.person("woman", 0, 30)));
                publishing.publishGeneral("some_event_type", Event.parse("{\"door\":\"B\"}"));
            }, 0, 20, TimeUnit.MILLISECONDS);
            URI origin = server.origin();

            SenderClient senderApi = SenderClient.builder().origin(origin).apiVersion(2)
                    .accountId(UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a")).build();
            // Note filtering by gender!
            try (Subscription<HandlerEventMessage> ws = senderApi.subscribe(Map.of("gender", 1))) {
                for (int i = 0; i < 3; i++) {
                    HandlerEventMessage resp = ws.next();
                    System.out.println(resp.toJson());
                }
            }

            try (Subscription<GeneralEventMessage> ws = senderApi.subscribeGeneral(
                    Map.of("event_type", "some_event_type"))) {
                for (int i = 0; i < 3; i++) {
                    GeneralEventMessage resp = ws.next();
                    System.out.println(resp.toJson());
                }
            }

            senderApi.close();

            // What the snippet printed: three men of the account (the women published with them were filtered
            // out by the server), then three general events of the type.
            List<String> printed = console.lines();
            assertThat(printed).hasSize(6);
            assertThat(printed.subList(0, 3)).map(HandlerEventMessage::parse).allSatisfy(man -> {
                assertThat(man.event().gender()).hasValue(Gender.MALE);
                assertThat(man.event().json()).isEqualTo(carl.json());
                assertThat(man.handlerId()).isEqualTo("h");
            });
            assertThat(printed.subList(3, 6)).map(GeneralEventMessage::parse).allSatisfy(general -> {
                assertThat(general.eventType()).isEqualTo("some_event_type");
                assertThat(general.event().json()).isEqualTo("{\"door\":\"B\"}");
            });
            assertThatThrownBy(() -> senderApi.subscribe(Map.of("gender", 1)))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            publisher.shutdownNow();
        }
    }

    @Test
    void creatingAClient_asLunaUsersDo() {
        SenderClient senderApi = SenderClient.builder().origin(URI.create("http://127.0.0.1:5080")).apiVersion(2)
                .accountId(UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a")).build();

        assertBuiltAsTheGuideSays(senderApi);
    }

    /**
     * {@code built} is a client of {@code http://127.0.0.1:5080}, API 2 and account 8b8b5937-...: with the test
     * server's origin instead, it subscribes to {@code /2/ws} and publishes for that account; once closed, every
     * call throws {@link IllegalStateException}.
     */
    private static void assertBuiltAsTheGuideSays(SenderClient built) {
        UUID lunaAccount = UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");
        assertThat(built).hasToString("SenderClient[http://127.0.0.1:5080, api 2, account " + lunaAccount + "]");

        Event published = Events.person(UUID.randomUUID().toString(), 1, 41);
        try (SenderClient here = built.toBuilder().origin(server.origin()).build();
             SenderClient sameAccount = server.client(lunaAccount).build();
             Subscription<HandlerEventMessage> subscription = sameAccount.subscribe(HandlerEventFilter.empty());
             Subscription<HandlerEventMessage> own = here.subscribe(HandlerEventFilter.empty())) {
            assertThat(own.uri()).hasScheme("ws").hasHost("localhost").hasPort(server.origin().getPort())
                    .hasPath("/2/ws");
            here.publish("handler-1", Events.CREATED, Events.ENDED, List.of(published));
            assertThat(subscription.next(Recorder.TIMEOUT)).hasValueSatisfying(
                    message -> assertThat(message.event().json()).isEqualTo(published.json()));
            assertThat(own.next(Recorder.TIMEOUT)).hasValueSatisfying(
                    message -> assertThat(message.event().json()).isEqualTo(published.json()));
        }

        built.close();
        built.close();   // idempotent
        assertThatThrownBy(() -> built.subscribe(HandlerEventFilter.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the SenderClient is closed");
        assertThatThrownBy(() -> built.publishGeneral("door_opened", Event.parse("{\"door\":\"B\"}")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the SenderClient is closed");
    }

    @Test
    void lunaCalls_inJava() {
        SenderClient senderApi = client;
        String handlerId = "handler-1";
        String eventCreateTime = Events.CREATED;
        String eventEndTime = Events.ENDED;
        List<Event> events = List.of(carl, carl, carl);
        HandlerPublication publication = new HandlerPublication(account, handlerId, eventCreateTime, eventEndTime,
                RequestId.generate(), List.of(carl, carl));
        String eventType = "door_opened";
        Event event = Event.parse("{\"door\":\"B\"}");
        GeneralPublication generalPublication = new GeneralPublication(event, eventType, null, null, null,
                RequestId.generate());

        try (Subscription<GeneralEventMessage> ws = senderApi.subscribeGeneral(Map.of("event_type", "door_opened"))) {
            try (Subscription<GeneralEventMessage> typed = senderApi.subscribeGeneral(
                    GeneralEventFilter.builder().eventTypes("door_opened").build())) {
                senderApi.publishGeneral(eventType, event);
                senderApi.publishGeneral(generalPublication);
                for (Subscription<GeneralEventMessage> general : List.of(ws, typed)) {
                    assertThat(general.next().event().json()).isEqualTo("{\"door\":\"B\"}");
                    assertThat(general.next().requestId()).isNull();
                }
            }
        }
        try (Subscription<HandlerEventMessage> ws = senderApi.subscribe(Map.of("gender", 1, "age__gte", 30))) {
            try (Subscription<HandlerEventMessage> typed = senderApi.subscribe(
                    HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).build())) {
                senderApi.publish(handlerId, eventCreateTime, eventEndTime, events);
                senderApi.publish(publication);

                HandlerEventMessage resp = ws.next();
                Optional<HandlerEventMessage> maybe = ws.next(Duration.ofSeconds(5));
                ws.stream().limit(3).forEach(m -> System.out.println(m.toJson()));

                assertThat(resp.toJson()).contains("\"handler_id\":\"handler-1\"");
                assertThat(resp.event().json()).isEqualTo(carl.json());
                assertThat(maybe).isPresent();
                assertThat(typed.stream().limit(5).count()).isEqualTo(5);
            }
            ws.close();
            assertThat(ws.state()).isEqualTo(Subscription.State.CLOSED);
        }
    }

    @Test
    void pulling() {
        Recording recording = new Recording();
        SenderClient client = recording.of(this.client);
        long start = System.nanoTime();

        HandlerEventFilter menOver30 = HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).build();
        try (Subscription<HandlerEventMessage> men = client.subscribe(menOver30)) {
            client.publish("handler-1", "2026-11-27T10:00:00Z", "2026-11-27T10:00:01Z", List.of(carl));
            HandlerEventMessage message = men.next();                                // waits, as recv() does
            Optional<HandlerEventMessage> another = men.next(Duration.ofSeconds(1));  // empty after 1 s
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(recording.taken).hasSize(2);
        assertThat(recording.taken.get(0)).isInstanceOfSatisfying(HandlerEventMessage.class, message -> {
            assertThat(message.event().json()).isEqualTo(carl.json());
            assertThat(message.event().age()).hasValue(41);
            assertThat(message.event().gender()).hasValue(Gender.MALE);
            assertThat(message.handlerId()).isEqualTo("handler-1");
            assertThat(message.eventCreateTime()).isEqualTo("2026-11-27T10:00:00Z");
            assertThat(message.eventEndTime()).isEqualTo("2026-11-27T10:00:01Z");
        });
        assertThat(recording.taken.get(1)).isEqualTo(Optional.empty());
        assertThat(recording.subscriptions).singleElement().satisfies(men -> {
            assertThat(men.uri().getPath()).isEqualTo("/2/ws");
            assertThat(men.state()).isEqualTo(Subscription.State.CLOSED);
        });
    }

    @Test
    void streams() {
        Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
        client.publish("h", Events.CREATED, Events.ENDED, List.of(Events.person("a", 1, 30),
                Events.person("b", 1, 41), Events.person("c", 0, 67)));

        try (Stream<HandlerEventMessage> messages = subscription.stream()) {
            messages.filter(m -> m.event().age().orElse(0) >= 40)
                    .limit(2)
                    .forEach(m -> System.out.println(m.toJson()));
        }

        assertThat(subscription.state()).isEqualTo(Subscription.State.CLOSED);
    }

    @Test
    void flow() {
        Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
        subscription.publisher().subscribe(new Flow.Subscriber<HandlerEventMessage>() {
            private Flow.Subscription demand;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                demand = s;
                demand.request(1);                        // one at a time
            }

            @Override
            public void onNext(HandlerEventMessage message) {
                process(message);
                demand.request(1);                        // ready for the next one
            }

            @Override
            public void onError(Throwable error) {
                System.err.println("subscription failed: " + error);
            }

            @Override
            public void onComplete() {
                System.out.println("subscription closed");
            }
        });

        client.publish("h", Events.CREATED, Events.ENDED, List.of(carl, carl, carl));
        await().atMost(Recorder.TIMEOUT).until(() -> processed.size() == 3);
    }

    @Test
    void listeners() {
        HandlerEventFilter menOver30 = HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).build();
        Subscription<HandlerEventMessage> pushed = client.subscribe(menOver30, new SubscriptionListener<>() {
            @Override
            public void onMessage(HandlerEventMessage message) {
                process(message);
            }

            @Override
            public void onStateChange(Subscription.State previous, Subscription.State current) {
                System.out.println("subscription " + previous + " -> " + current);
            }

            @Override
            public void onError(Throwable error) {
                System.err.println("subscription problem: " + error);
            }
        });

        client.publish("h", Events.CREATED, Events.ENDED, List.of(Events.person("young", 1, 20), carl));
        await().atMost(Recorder.TIMEOUT).until(() -> processed.size() == 1);
        assertThat(processed.get(0).event().age()).hasValue(41);
        pushed.close();
    }

    @Test
    void rawParameters() {
        Subscription<HandlerEventMessage> ws = client.subscribe(Map.of("gender", 1, "age__gte", 30));
        Subscription<HandlerEventMessage> cams = client.subscribe(Map.of("sources", List.of("cam1", "cam2"),
                "emotions", new int[] {4, 7}));
        Subscription<GeneralEventMessage> doors = client.subscribeGeneral(Map.of("event_type", "door_opened",
                "event.temperature__gt:numeric", 37.5));

        client.publish("h", Events.CREATED, Events.ENDED, List.of(carl));
        assertThat(ws.next().event().age()).hasValue(41);
        assertThat(cams.uri().getRawQuery()).contains("emotions=4,7").contains("sources=cam1,cam2");
        assertThat(doors.uri().getRawQuery()).contains("event.temperature__gt:numeric=37.5");
    }

    @Test
    void generalEvents() {
        Recording recording = new Recording();
        SenderClient client = recording.of(this.client);

        GeneralEventFilter feverAtTheDoor = GeneralEventFilter.builder()
                .eventTypes("door_opened")
                .where(UserFilter.of("temperature", Operator.GT, FieldType.NUMERIC, "37.5"))
                .build();
        try (Subscription<GeneralEventMessage> fevers = client.subscribeGeneral(feverAtTheDoor)) {
            client.publishGeneral("door_opened", Event.parse("{\"door\":\"B\",\"temperature\":38.2}"));
            GeneralEventMessage message = fevers.next();
            message.eventType();          // "door_opened"
            message.event().json();       // {"door":"B","temperature":38.2}
        }

        assertThat(recording.taken).singleElement().isInstanceOfSatisfying(GeneralEventMessage.class, message -> {
            assertThat(message.eventType()).isEqualTo("door_opened");
            assertThat(message.event().json()).isEqualTo("{\"door\":\"B\",\"temperature\":38.2}");
        });
        assertThat(recording.subscriptions).singleElement().satisfies(fevers -> {
            assertThat(fevers.uri().getPath()).isEqualTo("/2/general_events/ws");
            assertThat(fevers.uri().getRawQuery()).contains("event_type=door_opened")
                    .contains("event.temperature__gt:numeric=37.5");
            assertThat(fevers.state()).isEqualTo(Subscription.State.CLOSED);
        });
    }

    @Test
    void messages() {
        Subscription<HandlerEventMessage> men = client.subscribe(HandlerEventFilter.empty());
        String published = client.publish("handler-1", Events.CREATED, Events.ENDED, List.of(carl));

        HandlerEventMessage received = men.next();
        received.event().age();          // OptionalInt[41]: typed accessors read the event
        received.event().gender();       // Optional[MALE]
        received.handlerId();            // "handler-1"
        received.requestId();            // the request id of the publication
        received.toJson();               // the message as JSON: {"event": {...}, "handler_id": "handler-1", ...}
        received.event().toTree();       // a Jackson ObjectNode of the event, for any other field
        received.position();             // its place in the server's history (SPEC §9); null from LUNA's Sender

        assertThat(received.event().age()).isEqualTo(OptionalInt.of(41));
        assertThat(received.toJson()).endsWith(",\"position\":\"" + received.position() + "\"}");
        assertThat(received.event().gender()).hasValue(Gender.MALE);
        assertThat(received.handlerId()).isEqualTo("handler-1");
        assertThat(received.requestId()).isEqualTo(published);
        assertThat(received.toJson()).startsWith("{\"event\":{").contains("\"handler_id\":\"handler-1\"");
        assertThat(received.event().toTree().path("source").asText()).isEqualTo("cam1");
    }

    @Test
    void publishing() {
        String requestId = client.publish("handler-1", "2026-11-27T10:00:00Z", "2026-11-27T10:00:01Z",
                List.of(Event.parse("{\"source\":\"cam1\",\"face_attributes\":{\"basic_attributes\":{\"age\":41,\"gender\":1}}}")));
        client.publish(new HandlerPublication(otherAccount, "handler-1", "2026-11-27T10:00:00Z", "2026-11-27T10:00:01Z",
                RequestId.generate(), List.of(carl)));
        client.publishGeneral("door_opened", Event.parse("{\"door\":\"B\",\"temperature\":38.2}"));
        client.publishGeneral(new GeneralPublication(carl, "door_opened", otherAccount.toString(), "2026-11-27T10:00:00Z",
                null, RequestId.generate()));

        assertThat(RequestId.isValid(requestId)).isTrue();
    }

    @Test
    void serviceCalls() {
        ServerVersion version = client.version();        // 0.1.0 (api 2), from GET /version
        Health health = client.health();                 // GET /healthcheck: executionTime, or a 502 SenderException
        List<PluginStatus> plugins = client.plugins();   // GET /plugins: name and running

        assertThat(version.toString()).endsWith("(api 2)");
        assertThat(health.executionTime()).isPositive();
        assertThat(plugins).isEmpty();
    }

    @Test
    void errors() {
        try {
            client.subscribe(Map.of("age__gte", "abc"));
        } catch (SenderException e) {
            e.status();                              // 400
            e.errorCode();                           // 12012
            e.desc();                                // "Bad query parameters"
            e.detail();                              // "Parameter 'age__gte': expected an integer, got 'abc'"
            e.requestId();                           // "1795802696,5b5486cc-276c-45a0-b86d-6f3188dc06e8"
            e.is(ErrorCode.BAD_QUERY_PARAMETERS);    // true
        }

        SenderException e = catchThrowableOfType(SenderException.class,
                () -> client.subscribe(Map.of("age__gte", "abc")));
        assertThat(List.of(e.status(), e.errorCode())).containsExactly(400, 12012);
        assertThat(e.desc()).isEqualTo("Bad query parameters");
        assertThat(e.detail()).isEqualTo("Parameter 'age__gte': expected an integer, got 'abc'");
        assertThat(RequestId.isValid(e.requestId())).isTrue();
        assertThat(e.is(ErrorCode.BAD_QUERY_PARAMETERS)).isTrue();
    }

    @Test
    void reconnecting() {
        try (TestServer restarting = TestServer.start();
             PrintedLines console = PrintedLines.ofEveryThread()) {
            reconnecting(restarting, console);
        }
    }

    private void reconnecting(TestServer restarting, PrintedLines console) {
        SenderClient resilient = SenderClient.builder()
                .origin(URI.create("http://127.0.0.1:5080"))
                .accountId(account)
                .reconnect(ReconnectPolicy.exponentialBackoff()
                        .initialDelay(Duration.ofMillis(200))
                        .maxDelay(Duration.ofSeconds(10))
                        .maxAttempts(100)
                        .build())
                .connectionListener(new ConnectionListener() {
                    @Override
                    public void onStateChange(Subscription<?> subscription, Subscription.State previous,
                            Subscription.State current) {
                        System.out.println(subscription.uri() + ": " + previous + " -> " + current);
                    }
                })
                .build();

        assertThat(resilient).hasToString("SenderClient[http://127.0.0.1:5080, api 2, account " + account + "]");
        // The same settings, reconnect policy and listener included, with the origin of a server that restarts.
        try (SenderClient here = resilient.toBuilder().origin(restarting.origin()).build()) {
            Subscription<HandlerEventMessage> subscription = here.subscribe(HandlerEventFilter.empty());
            String prefix = subscription.uri() + ": ";
            await().atMost(Recorder.TIMEOUT).until(() -> console.lines().contains(prefix + "CONNECTING -> OPEN"));

            restarting.stop();
            await().atMost(Recorder.TIMEOUT).until(() -> console.lines().contains(prefix + "OPEN -> RECONNECTING"));
            restarting.startAgain(b -> b);
            await().atMost(Recorder.TIMEOUT).until(() -> console.lines().contains(prefix + "RECONNECTING -> OPEN"));

            here.publish("h", Events.CREATED, Events.ENDED, List.of(carl));
            assertThat(subscription.next(Recorder.TIMEOUT)).hasValueSatisfying(
                    message -> assertThat(message.event().json()).isEqualTo(carl.json()));

            subscription.close();
            await().atMost(Recorder.TIMEOUT).until(() -> console.lines().contains(prefix + "OPEN -> CLOSED"));
            assertThat(console.lines()).filteredOn(line -> line.startsWith(prefix)).containsExactly(
                    prefix + "CONNECTING -> OPEN", prefix + "OPEN -> RECONNECTING", prefix + "RECONNECTING -> OPEN",
                    prefix + "OPEN -> CLOSED");
        }

        resilient.close();
        assertThatThrownBy(resilient::health).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resuming_pastAGap() {
        // Restarted with a new in-memory broker, the server has lost the history the subscription resumes from.
        try (TestServer restarting = TestServer.start();
             SenderClient here = restarting.client(account).build();
             PrintedLines console = PrintedLines.ofThisThread()) {
            Subscription<HandlerEventMessage> subscription = here.subscribe(HandlerEventFilter.empty());
            here.publish("h", Events.CREATED, Events.ENDED, List.of(carl));
            Position last = subscription.next().position();
            restarting.stop();
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.RECONNECTING);
            restarting.startAgain(b -> b);
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.OPEN);
            here.publish("h", Events.CREATED, Events.ENDED, List.of(carl));

            HandlerEventMessage next;
            try {
                next = subscription.next();
            } catch (EventsLostException e) {
                System.out.println("missed events after " + e.after());
                next = subscription.next();
            }

            assertThat(console.lines()).containsExactly("missed events after " + last);
            assertThat(next.event().json()).isEqualTo(carl.json());
        }
    }

    @Test
    void resuming_toAListener() {
        try (TestServer restarting = TestServer.start();
             SenderClient client = restarting.client(account).build();
             PrintedLines console = PrintedLines.ofEveryThread()) {
            client.subscribe(HandlerEventFilter.empty(), new SubscriptionListener<>() {
                @Override
                public void onMessage(HandlerEventMessage message) {
                    process(message);
                }

                @Override
                public void onEventsLost(EventsLostException gap) {
                    System.out.println("missed events after " + gap.after());
                }
            });
            client.publish("h", Events.CREATED, Events.ENDED, List.of(carl));
            await().atMost(Recorder.TIMEOUT).until(() -> processed.size() == 1);
            restarting.stop();
            restarting.startAgain(b -> b);
            client.publish("h", Events.CREATED, Events.ENDED, List.of(carl));

            await().atMost(Recorder.TIMEOUT).until(() -> processed.size() == 2);
            assertThat(console.lines()).containsExactly("missed events after " + processed.get(0).position());
        }
    }

    @Test
    void resuming_fromStoredPositions() {
        client.publish("h", Events.CREATED, Events.ENDED, List.of(carl, Events.person("second", 1, 50)));
        HandlerEventMessage message;
        try (Subscription<HandlerEventMessage> first = client.subscribe(HandlerEventFilter.empty(), StartAt.last(2))) {
            message = first.next();
        }

        Position saved = message.position();   // stored with what the application did with the message
        Subscription<HandlerEventMessage> resumed = client.subscribe(HandlerEventFilter.empty(), StartAt.after(saved));
        Subscription<HandlerEventMessage> recent = client.subscribe(HandlerEventFilter.empty(), StartAt.last(100));

        assertThat(resumed.next().event().eventId()).hasValue("second");
        assertThat(recent.next().event().json()).isEqualTo(carl.json());
        assertThat(recent.next().event().eventId()).hasValue("second");
    }

    @Test
    void resuming_turnedOffForLuna() {
        SenderClient forLuna = SenderClient.builder()
                .origin(URI.create("http://luna-sender:5080"))
                .accountId(account)
                .resume(false)
                .build();

        try (forLuna; SenderClient here = forLuna.toBuilder().origin(server.origin()).build()) {
            Subscription<HandlerEventMessage> subscription = here.subscribe(HandlerEventFilter.empty());
            here.publish("h", Events.CREATED, Events.ENDED, List.of(carl));
            assertThat(subscription.next().position()).isNull();
        }
    }

    @Test
    void closing() {
        Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());

        subscription.close();   // close 1000; next() returns what was received, then throws SubscriptionClosedException
        client.close();         // closes every subscription, then stops the client's threads

        assertThat(subscription.state()).isEqualTo(Subscription.State.CLOSED);
    }

    /**
     * Opens clients whose subscriptions are recorded, with what their {@code next()} and {@code next(Duration)}
     * return: the values a snippet computes and leaves in its own scope.
     */
    private static final class Recording {

        final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
        final List<Object> taken = new CopyOnWriteArrayList<>();

        /** {@code client}, every call passed to it, the subscriptions it opens recorded. */
        SenderClient of(SenderClient client) {
            return proxy(SenderClient.class, client, (method, result) -> {
                if (result instanceof Subscription<?> subscription) {
                    subscriptions.add(subscription);
                    return proxy(Subscription.class, subscription, (m, next) -> {
                        if (m.getName().equals("next")) {
                            taken.add(next);
                        }
                        return next;
                    });
                }
                return result;
            });
        }

        private interface Hook {
            Object after(Method method, Object result);
        }

        private static <T> T proxy(Class<T> type, T target, Hook hook) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        try {
                            return hook.after(method, method.invoke(target, args));
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        }
    }

    /**
     * While installed as {@code System.out}, records the lines printed with {@code println(String)} (by one
     * thread, or by every thread), and prints them too; closing it puts the previous {@code System.out} back.
     */
    private static final class PrintedLines extends PrintStream {

        private final PrintStream previous;
        private final Thread only;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private PrintedLines(PrintStream previous, Thread only) {
            super(previous, true);
            this.previous = previous;
            this.only = only;
        }

        static PrintedLines ofThisThread() {
            return install(Thread.currentThread());
        }

        static PrintedLines ofEveryThread() {
            return install(null);
        }

        private static PrintedLines install(Thread only) {
            PrintedLines printed = new PrintedLines(System.out, only);
            System.setOut(printed);
            return printed;
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void println(String line) {
            if (only == null || only == Thread.currentThread()) {
                lines.add(line);
            }
            super.println(line);
        }

        @Override
        public void close() {
            flush();
            System.setOut(previous);
        }
    }
}
