package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sender.core.RequestId;
import dev.sender.core.event.Event;
import dev.sender.core.event.Gender;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.testkit.DocSnippets;
import dev.sender.core.testkit.SnippetRun;
import dev.sender.core.testkit.TestKeystore;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.AuthMode;
import dev.sender.server.SenderServer;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java of docs/client.md: every program of the page compiled and run against real servers ({@link DocSnippets}),
 * what it prints checked; and every call of the page's side-by-side table with LUNA's Python client compiled in
 * this file.
 */
@Timeout(60)
class DocsSnippetsTest {

    private static final Path PAGE = Path.of("..", "docs", "client.md");
    private static final Path THIS_FILE = Path.of("src", "test", "java", "dev", "sender", "client",
            "DocsSnippetsTest.java");
    /** The address the page's programs are written for. */
    private static final String DOCUMENTED_ORIGIN = "http://127.0.0.1:5080";
    private static final UUID LUNA_ACCOUNT = UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");

    @TempDir
    static Path dir;
    /** Where the programs connect, but two. */
    private static TestServer server;
    /** With access control on ({@code auth=jwt}), for WithTokens. */
    private static TestServer guarded;
    /** With TLS, for TrustingAPrivateAuthority. */
    private static SenderServer tls;
    private static DocSnippets page;

    @BeforeAll
    static void startServersAndCompileThePage() throws IOException {
        server = TestServer.start();
        byte[] secret = TextSecret.generate();
        guarded = TestServer.start(SenderSettings.builder().auth(AuthMode.JWT)
                .jwtHs256SecretFile(TextSecret.write(dir.resolve("secret"), secret)).build());
        Path tokenFile = Files.writeString(dir.resolve("sender-token"), token(secret) + "\n");
        TestKeystore keystore = TestKeystore.generate(dir);
        tls = SenderServer.builder().loadPlugins(false).settings(SenderSettings.builder().port(0)
                .tlsKeystore(keystore.path()).tlsKeystorePassword(keystore.password()).build()).build().start();
        Path trustStore = keystore.writeTrustStore(dir.resolve("sender-ca.p12"));

        page = DocSnippets.compile(PAGE, snippet -> switch (snippet.className()) {
            case "WithTokens" -> Map.of(DOCUMENTED_ORIGIN, guarded.origin().toString(),
                    "/run/secrets/sender-token", tokenFile.toString());
            case "TrustingAPrivateAuthority" -> Map.of("https://localhost:5443", "https://localhost:" + tls.port(),
                    "sender-ca.p12", trustStore.toString(), "changeit", keystore.password());
            default -> Map.of(DOCUMENTED_ORIGIN, server.origin().toString());
        });
    }

    @AfterAll
    static void everyProgramRan_andTheServersStop() {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            server.close();
            guarded.close();
            tls.close();
        }
    }

    /** A token of the page's account that may subscribe and publish, signed with {@code secret}. */
    private static String token(byte[] secret) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("docs").claim("scope", "subscribe publish")
                .claim("accounts", List.of(LUNA_ACCOUNT.toString()))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jwt.serialize();
    }

    @Test
    void thePage_holdsProgramsOnly() {
        assertThat(page.snippets()).hasSize(18).allMatch(snippet -> snippet.fragmentReason() == null);
    }

    @Test
    void creatingAClient() {
        assertThat(page.run("CreatingAClient")).containsExactly("Sender 0.1.0 (api 2) at SenderClient["
                + server.origin() + ", api 2, account " + LUNA_ACCOUNT + "]");
    }

    @Test
    void pulling_receivesCarl_thenNothingWithinASecond() {
        assertThat(page.run("Pulling")).containsExactly("received Carl, then Optional.empty");
    }

    @Test
    void streams_printTheTwoOver40() {
        List<String> printed = page.run("Streams");

        assertThat(printed).hasSize(2);
        assertThat(printed).map(HandlerEventMessage::parse).map(m -> m.event().age().orElseThrow())
                .containsExactly(41, 67);
    }

    @Test
    void flow_processesThreeMessagesOneAtATime() {
        assertThat(page.run("FlowWithBackPressure")).startsWith("processed {\"source\":\"cam1\"}",
                "processed {\"source\":\"cam1\"}", "processed {\"source\":\"cam1\"}");
    }

    @Test
    void listeners_seeTheStateChangesAndTheManOver30Only() {
        assertThat(page.run("Listeners")).containsSubsequence("subscription CONNECTING -> OPEN",
                "processed a man of 41").doesNotContain("processed a man of 20");
    }

    @Test
    void rawParameters_filterOnTheServer_andTravelAsWritten() {
        List<String> printed = page.run("RawParameters");

        assertThat(printed.get(0)).startsWith("received {\"source\":\"cam1\"");
        assertThat(printed.get(1)).contains("emotions=4,7").contains("sources=cam1,cam2");
        assertThat(printed.get(2)).contains("event_type=door_opened").contains("event.temperature__gt:numeric=37.5");
    }

    @Test
    void generalEvents_receiveTheDoorOpenedWithAFever() {
        assertThat(page.run("GeneralEvents")).containsExactly("door_opened", "{\"door\":\"B\",\"temperature\":38.2}");
    }

    @Test
    void messages_printWhatTheCommentsSay() {
        List<String> printed = page.run("Messages");

        assertThat(printed).hasSize(7);
        assertThat(printed.subList(0, 3)).containsExactly("OptionalInt[41]", "Optional[MALE]", "handler-1");
        assertThat(RequestId.isValid(printed.get(3))).isTrue();
        assertThat(printed.get(4)).startsWith("{\"event\":{").contains("\"handler_id\":\"handler-1\"")
                .endsWith(",\"position\":\"" + printed.get(6) + "\"}");
        assertThat(printed.get(5)).isEqualTo("cam1");
        assertThat(printed.get(6)).matches("[A-Za-z0-9._:-]{1,64}");
    }

    @Test
    void publishing_everyWay_isAccepted() {
        try (SenderClient client = server.client(LUNA_ACCOUNT).build();
             Subscription<GeneralEventMessage> doors = client.subscribeGeneral(
                     GeneralEventFilter.builder().eventTypes("door_opened").build())) {
            List<String> printed = page.run("Publishing");

            assertThat(printed).singleElement().asString().startsWith("published, the first as request ");
            assertThat(RequestId.isValid(printed.get(0).substring(printed.get(0).lastIndexOf(' ') + 1))).isTrue();
            assertThat(doors.next().event().json()).isEqualTo("{\"door\":\"B\",\"temperature\":38.2}");
            assertThat(doors.next().accountId()).isEqualTo("904e635f-3a47-4832-b4d6-d2d72ba78451");
        }
    }

    @Test
    void serviceCalls() {
        assertThat(page.run("ServiceCalls")).singleElement().asString().startsWith("0.1.0 (api 2), checked in PT")
                .endsWith(", plugins []");
    }

    @Test
    void errors_carryTheServersLunaError() {
        List<String> printed = page.run("Errors");

        assertThat(printed).hasSize(6);
        assertThat(printed.subList(0, 4)).containsExactly("400", "12012", "Bad query parameters",
                "Parameter 'age__gte': expected an integer, got 'abc'");
        assertThat(RequestId.isValid(printed.get(4))).isTrue();
        assertThat(printed.get(5)).isEqualTo("true");
    }

    @Test
    void tokens_readFromAFile_openTheGuardedServer() {
        assertThat(page.run("WithTokens")).containsExactly("received {\"source\":\"cam1\"}");
    }

    @Test
    void tls_trustingThePrivateAuthority() {
        assertThat(page.run("TrustingAPrivateAuthority")).containsExactly("Sender 0.1.0 (api 2) over TLS");
    }

    /** The restarted server has a new in-memory broker: the history the subscription resumes from is lost. */
    @Test
    void reconnecting_afterTheServerRestarts_pastTheHistoryItLost() {
        publish(Events.numbered(2));
        SnippetRun running = page.start("Reconnecting")
                .awaitLine(line -> line.equals("/2/ws: CONNECTING -> OPEN"), Duration.ofSeconds(10));

        server.stop();
        running.awaitLine(line -> line.equals("/2/ws: OPEN -> RECONNECTING"), Duration.ofSeconds(10));
        server.startAgain(b -> b);
        running.awaitLine(line -> line.equals("/2/ws: RECONNECTING -> OPEN"), Duration.ofSeconds(20));
        try (SenderClient client = server.client(LUNA_ACCOUNT).build()) {
            client.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(3)));
        }

        List<String> printed = running.join(Duration.ofSeconds(10));
        assertThat(printed).hasSize(6);
        assertThat(printed).containsSubsequence("/2/ws: CONNECTING -> OPEN", "/2/ws: OPEN -> RECONNECTING",
                "/2/ws: RECONNECTING -> OPEN", "/2/ws: OPEN -> CLOSED");
        assertThat(printed.stream().filter(line -> !line.startsWith("/2/ws: ")).toList()).satisfiesExactly(
                missed -> assertThat(missed).matches("missed what was published after [A-Za-z0-9._:-]+"),
                received -> assertThat(received).startsWith("received {\"event\":{\"event_id\":\"e3\""));
    }

    @Test
    void resuming_pastAGap_afterTheServerRestarts() {
        SnippetRun running = page.start("HandlingAGap");
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics().contains("sender_subscriptions{kind=\"handler\"} 1.0"));
        publish(Events.numbered(1));
        running.awaitLine(line -> line.equals("received e1"), Duration.ofSeconds(10));

        server.stop();
        server.startAgain(b -> b);
        publish(Events.numbered(2));

        List<String> printed = running.join(Duration.ofSeconds(20));
        assertThat(printed).hasSize(3);
        assertThat(printed.get(0)).isEqualTo("received e1");
        assertThat(printed.get(1)).matches("missed events after [A-Za-z0-9._:-]+");
        assertThat(printed.get(2)).isEqualTo("received e2");
    }

    @Test
    void resuming_whereTheApplicationLeftOff() {
        publish(Events.numbered(1), Events.numbered(2));

        assertThat(page.run("StartingWhereItLeftOff")).containsExactly("after it: e2");
    }

    private static String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.origin() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void publish(Event... events) {
        try (SenderClient client = server.client(LUNA_ACCOUNT).build()) {
            client.publish("h", Events.CREATED, Events.ENDED, List.of(events));
        }
    }

    @Test
    void closing() {
        assertThat(page.run("Closing")).containsExactly("subscription CLOSED");
    }

    @Test
    void lunaReferenceExample_receivesThreeMenThenThreeGeneralEvents() {
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        try (SenderClient publishing = server.client(LUNA_ACCOUNT).build()) {
            // Publishes until the end: events published before a subscription opens never reach it.
            publisher.scheduleWithFixedDelay(() -> {
                publishing.publish("h", Events.CREATED, Events.ENDED,
                        List.of(Events.person("man", 1, 41), Events.person("woman", 0, 30)));
                publishing.publishGeneral("some_event_type", Event.parse("{\"door\":\"B\"}"));
            }, 0, 20, TimeUnit.MILLISECONDS);

            List<String> printed = page.run("LunaReferenceExample");

            assertThat(printed).hasSize(6);
            assertThat(printed.subList(0, 3)).map(HandlerEventMessage::parse)
                    .allSatisfy(man -> assertThat(man.event().gender()).hasValue(Gender.MALE));
            assertThat(printed.subList(3, 6)).map(GeneralEventMessage::parse)
                    .allSatisfy(general -> assertThat(general.eventType()).isEqualTo("some_event_type"));
        } finally {
            publisher.shutdownNow();
        }
    }

    @Test
    void everyJavaCallOfTheSideBySideTable_isCompiledHereOrInAProgramOfThePage() throws IOException {
        StringBuilder compiled = new StringBuilder(Files.readString(THIS_FILE, StandardCharsets.UTF_8));
        page.programs().values().forEach(program -> compiled.append(program.code()));
        String source = compiled.toString().replaceAll("\\s+", "");
        String guide = Files.readString(PAGE, StandardCharsets.UTF_8);
        String table = guide.substring(
                guide.indexOf("| Python (`luna3.sender.wsclient`) | Java (`dev.sender.client`) |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Pattern codeSpan = Pattern.compile("`([^`]+)`");
        int calls = 0;
        for (String row : table.split("\n")) {
            String[] cells = row.split(" \\| ");
            assertThat(cells).as("a row of two cells: %s", row).hasSize(2);
            Matcher span = codeSpan.matcher(cells[1]);
            while (span.find()) {
                if (span.group(1).contains("(")) {
                    assertThat(source.contains(span.group(1).replaceAll("\\s+", "")))
                            .as("this call of the side-by-side table is compiled: %s", span.group(1)).isTrue();
                    calls++;
                }
            }
        }
        assertThat(calls).isGreaterThanOrEqualTo(20);
    }

    /** The Java column of the side-by-side table, call by call, against the test server. */
    @Test
    void lunaCalls_inJava() {
        Event carl = Events.person("carl", 1, 41);
        String handlerId = "handler-1";
        String eventCreateTime = Events.CREATED;
        String eventEndTime = Events.ENDED;
        List<Event> events = List.of(carl, carl, carl);
        HandlerPublication publication = new HandlerPublication(LUNA_ACCOUNT, handlerId, eventCreateTime,
                eventEndTime, RequestId.generate(), List.of(carl, carl));
        String eventType = "door_opened";
        Event event = Event.parse("{\"door\":\"B\"}");
        GeneralPublication generalPublication = new GeneralPublication(event, eventType, null, null, null,
                RequestId.generate());

        SenderClient senderApi = SenderClient.builder().origin(URI.create("http://127.0.0.1:5080")).apiVersion(2)
                .accountId(UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a")).build();
        assertThat(senderApi).hasToString("SenderClient[" + DOCUMENTED_ORIGIN + ", api 2, account " + LUNA_ACCOUNT
                + "]");
        senderApi.close();
        senderApi = server.client(LUNA_ACCOUNT).build();
        try (Subscription<GeneralEventMessage> ws = senderApi.subscribeGeneral(Map.of("event_type",
                "door_opened"))) {
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
        }
        Subscription<HandlerEventMessage> ws = senderApi.subscribe(HandlerEventFilter.empty());
        ws.close();
        assertThat(ws.state()).isEqualTo(Subscription.State.CLOSED);
        senderApi.close();
    }
}
