package dev.sender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.client.SenderClient;
import dev.sender.client.Subscription;
import dev.sender.core.RequestId;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar sender-cli.jar publish ...} against a real server, as a separate process. */
class PublishIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TestServer server;

    private final UUID account = UUID.randomUUID();
    private SenderClient client;

    @TempDir
    private Path directory;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aFile_isPublishedLineByLine_blankLinesSkipped_aBadLineReportedByNumber_status5() throws IOException {
        Subscription<HandlerEventMessage> received = subscriber(server).subscribe(Map.of());
        Path file = Files.write(directory.resolve("events.jsonl"), List.of(handlerBody("e1"), "", "{not json",
                handlerBody("e2")));

        CliProcess cli = CliProcess.run("publish", "--origin", server.origin(), "--account", account.toString(),
                file.toString());

        assertThat(cli.status()).isEqualTo(SenderCli.PUBLISH_FAILED);
        assertThat(cli.out()).hasSize(2).allSatisfy(id -> assertThat(RequestId.isValid(id)).as(id).isTrue());
        assertThat(cli.err()).hasSize(2);
        assertThat(cli.err().get(0)).startsWith("sender-cli: line 3 is not a publication body: not JSON: ");
        assertThat(cli.err().get(1)).isEqualTo("sender-cli: 1 line not published, 2 published");
        assertReceived(received, "e1", cli.out().get(0));
        assertReceived(received, "e2", cli.out().get(1));
    }

    @Test
    void theStandardInput_ofGeneralEvents_isPublished_status0() {
        Subscription<GeneralEventMessage> received = subscriber(server).subscribeGeneral(Map.of("event_type",
                "cli-test"));

        CliProcess cli = CliProcess.runWithInput("{\"event\":{\"event_id\":\"g1\"},\"event_type\":\"cli-test\"}\n"
                        + "{\"event\":{\"event_id\":\"g2\"},\"event_type\":\"cli-test\",\"account_id\":\"" + account
                        + "\"}\n",
                "publish", "--origin", server.origin(), "--general");

        assertThat(cli.status()).isEqualTo(SenderCli.OK);
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).hasSize(2).allSatisfy(id -> assertThat(RequestId.isValid(id)).as(id).isTrue());
        // A general message carries no request id (SPEC §2.2).
        assertThat(received.next(WAIT).orElseThrow().event().eventId()).hasValue("g1");
        GeneralEventMessage second = received.next(WAIT).orElseThrow();
        assertThat(second.event().eventId()).hasValue("g2");
        assertThat(second.accountId()).isEqualTo(account.toString());
    }

    @Test
    void failFast_stopsAtTheFirstLineNotPublished() throws IOException {
        Path file = Files.write(directory.resolve("events.jsonl"), List.of(handlerBody("e1"),
                "{\"events\":[],\"handler_id\":\"h\",\"event_create_time\":\"t\",\"event_end_time\":\"t\"}",
                handlerBody("e3")));

        CliProcess cli = CliProcess.run("publish", "--origin", server.origin(), "--account", account.toString(),
                "--fail-fast", file.toString());

        assertThat(cli.status()).isEqualTo(SenderCli.PUBLISH_FAILED);
        assertThat(cli.out()).hasSize(1);
        assertThat(cli.err()).containsExactly(
                "sender-cli: line 2 is not a publication body: Path: 'events',  message: 'must not be empty'",
                "sender-cli: 1 line not published, 1 published; stopped at line 2 (--fail-fast)");
    }

    @Test
    void aLineTheServerRefuses_isReportedWithTheServersErrorCodeAndDetail_andTheRestPublished() throws IOException {
        try (TestServer small = TestServer.start(SenderSettings.builder().maxBodyBytes(512).build())) {
            Subscription<HandlerEventMessage> received = subscriber(small).subscribe(Map.of());
            String tooLarge = "{\"events\":[{\"event_id\":\"e2\",\"user_data\":\"" + "x".repeat(600) + "\"}],"
                    + "\"handler_id\":\"h\",\"event_create_time\":\"t\",\"event_end_time\":\"t\"}";
            Path file = Files.write(directory.resolve("events.jsonl"), List.of(handlerBody("e1"), tooLarge,
                    handlerBody("e3")));

            CliProcess cli = CliProcess.run("publish", "--origin", small.origin(), "--account", account.toString(),
                    file.toString());

            assertThat(cli.status()).isEqualTo(SenderCli.PUBLISH_FAILED);
            assertThat(cli.err()).hasSize(2);
            assertThat(cli.err().get(0))
                    .startsWith("sender-cli: line 2 refused: HTTP 413, error 29011 (Payload too large): ");
            assertReceived(received, "e1", cli.out().get(0));
            assertReceived(received, "e3", cli.out().get(1));
        }
    }

    @Test
    void anUnreachableServer_stopsAtTheFirstLine_status4() throws IOException {
        Path file = Files.write(directory.resolve("events.jsonl"), List.of(handlerBody("e1"), handlerBody("e2")));

        CliProcess cli = CliProcess.run("publish", "--origin", "http://127.0.0.1:" + Ports.free(), "--account",
                account.toString(), file.toString());

        assertThat(cli.status()).isEqualTo(SenderCli.UNREACHABLE);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).singleElement().asString().startsWith("sender-cli: cannot reach http://127.0.0.1:");
    }

    private SenderClient subscriber(TestServer target) {
        client = SenderClient.builder().origin(URI.create(target.origin())).accountId(account).build();
        return client;
    }

    private static void assertReceived(Subscription<? extends EventMessage> subscription, String eventId,
            String requestId) {
        EventMessage message = subscription.next(WAIT).orElseThrow();
        assertThat(message.event().eventId()).hasValue(eventId);
        assertThat(message.requestId()).isEqualTo(requestId);
    }

    private static String handlerBody(String eventId) {
        return "{\"events\":[{\"event_id\":\"" + eventId + "\"}],\"handler_id\":\"handler-1\","
                + "\"event_create_time\":\"2026-11-27T10:00:00Z\",\"event_end_time\":\"2026-11-27T10:00:01Z\"}";
    }
}
