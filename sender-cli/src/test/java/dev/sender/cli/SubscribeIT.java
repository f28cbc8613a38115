package dev.sender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Topic;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code java -jar sender-cli.jar subscribe ...} against a real server, as a separate process. */
class SubscribeIT {

    private static final String CREATED = "2026-11-27T10:00:00.123+03:00";
    private static final String ENDED = "2026-11-27T10:00:01+03:00";

    private static TestServer server;

    private final UUID account = UUID.randomUUID();
    private final Topic topic = Topic.handlerEvents(account);
    private CliProcess cli;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stopCli() {
        if (cli != null) {
            cli.kill();
        }
    }

    @Test
    void typedAndRawFilters_letOnlyMatchingEventsThrough_printedAsTheJsonTheServerSent_oneALine() {
        cli = CliProcess.start("subscribe", "--origin", server.origin(), "--account", account.toString(),
                "--gender", "male", "--param", "age__gte=30", "--count", "2");
        server.awaitSubscriptions(topic, 1);

        String requestId = server.publish(account, handlerBody(face("young man", 25, 1), face("woman", 40, 0),
                face("man", 35, 1), face("older man", 50, 1)));

        assertThat(cli.awaitExit()).isEqualTo(SenderCli.OK);
        assertThat(cli.out()).containsExactly(message(face("man", 35, 1), requestId),
                message(face("older man", 50, 1), requestId));
        assertThat(cli.err()).as("no counter and nothing else when piped").isEmpty();
    }

    @Test
    void rewind_replaysTheLastMatchingEvents_withTheirPositions_andSince_continuesAfterOne() {
        try (TestServer withHistory = TestServer.start(TestBroker.withHistory())) {
            withHistory.publish(account, handlerBody(face("a", 31, 1), face("b", 32, 0), face("c", 33, 1),
                    face("d", 34, 1)));

            cli = CliProcess.start("subscribe", "--origin", withHistory.origin(), "--account", account.toString(),
                    "--gender", "male", "--rewind", "2", "--count", "2");
            assertThat(cli.awaitExit()).isEqualTo(SenderCli.OK);
            List<HandlerEventMessage> rewound = cli.out().stream().map(HandlerEventMessage::parse).toList();
            assertThat(rewound).extracting(m -> m.event().age().orElseThrow()).containsExactly(33, 34);
            assertThat(cli.out()).allSatisfy(line -> assertThat(line).matches(".*,\"position\":\"[^\"]+\"}"));

            cli = CliProcess.start("subscribe", "--origin", withHistory.origin(), "--account", account.toString(),
                    "--since", rewound.get(0).position().value(), "--count", "1");
            assertThat(cli.awaitExit()).isEqualTo(SenderCli.OK);
            assertThat(HandlerEventMessage.parse(cli.out().get(0)).position()).isEqualTo(rewound.get(1).position());
        }
    }

    @Test
    void aQueryString_andRepeatedTypedOptions_combineWithAnd() {
        cli = CliProcess.start("subscribe", "--origin", server.origin(), "--account", account.toString(),
                "--source", "cam-1", "--source", "cam-2", "--query", "age__lt=30&user_data=a+b", "--count", "1");
        server.awaitSubscriptions(topic, 1);

        server.publish(account, handlerBody(event("cam-3", 20, "a b"), event("cam-1", 40, "a b"),
                event("cam-2", 20, "ab"), event("cam-2", 20, "xa by")));

        assertThat(cli.awaitExit()).isEqualTo(SenderCli.OK);
        assertThat(cli.out()).hasSize(1).first().satisfies(line ->
                assertThat(HandlerEventMessage.parse(line).event().json()).isEqualTo(event("cam-2", 20, "xa by")));
    }

    @Test
    void count_exitsPromptlyAfterThatManyEvents_thoughMoreArrive_andTheServerSeesTheSubscriptionClose() {
        cli = CliProcess.start("subscribe", "--origin", server.origin(), "--account", account.toString(), "--count",
                "2");
        server.awaitSubscriptions(topic, 1);

        server.publish(account, handlerBody(face("a", 30, 1), face("b", 31, 1), face("c", 32, 1), face("d", 33, 0)));
        long published = System.nanoTime();
        int status = cli.awaitExit();
        Duration exitedAfter = Duration.ofNanos(System.nanoTime() - published);

        assertThat(status).isEqualTo(SenderCli.OK);
        assertThat(cli.out()).hasSize(2);
        assertThat(HandlerEventMessage.parse(cli.out().get(1)).event().age()).hasValue(31);
        assertThat(exitedAfter).as("exit after the last event").isLessThan(Duration.ofSeconds(5));
        server.awaitSubscriptions(topic, 0);
    }

    @Test
    void formatTable_printsAHeader_andARowPerEvent() {
        cli = CliProcess.start("subscribe", "--origin", server.origin(), "--account", account.toString(), "--format",
                "table", "--count", "2");
        server.awaitSubscriptions(topic, 1);

        server.publish(account, handlerBody(
                "{\"source\":\"entrance-camera-12\","
                        + "\"face_attributes\":{\"basic_attributes\":{\"age\":34,\"gender\":1}},"
                        + "\"aggregate_estimations\":{\"face\":{\"attributes\":{"
                        + "\"emotions\":{\"predominant_emotion\":\"happiness\"},"
                        + "\"mask\":{\"predominant_mask\":\"missing\"}}}},"
                        + "\"matches\":[{\"label\":\"vip\",\"candidates\":["
                        + "{\"face\":{\"face_id\":\"f1\"},\"similarity\":0.93412},"
                        + "{\"face\":{\"face_id\":\"f2\"},\"similarity\":0.5}]}]}",
                "{\"source\":\"lobby\"}"));

        assertThat(cli.awaitExit()).isEqualTo(SenderCli.OK);
        assertThat(cli.out()).containsExactly(
                "TIME                     SOURCE          HANDLER       AGE  GENDER  EMOTION    MASK          "
                        + "TOP MATCH",
                "2026-11-27 10:00:00.123  entrance-ca...  handler-1     34   male    happiness  missing       "
                        + "vip 0.934",
                "2026-11-27 10:00:00.123  lobby           handler-1     -    -       -          -             -");
    }

    @Test
    void general_withAnEventType_printsOnlyGeneralEventsOfThatType() {
        cli = CliProcess.start("subscribe", "--origin", server.origin(), "--general", "--event-type", "door_opened",
                "--count", "1");
        server.awaitSubscriptions(Topic.generalEvents(), 1);

        server.publishGeneral("{\"event\":{\"door\":1},\"event_type\":\"door_closed\"}");
        server.publishGeneral("{\"event\":{\"door\":2},\"event_type\":\"door_opened\"}");

        assertThat(cli.awaitExit()).isEqualTo(SenderCli.OK);
        assertThat(cli.out()).hasSize(1).first().satisfies(line -> {
            GeneralEventMessage message = GeneralEventMessage.parse(line);
            assertThat(message.eventType()).isEqualTo("door_opened");
            assertThat(message.event().json()).isEqualTo("{\"door\":2}");
        });
    }

    @Test
    void aBadFilter_isRefusedByTheServer_status3_withItsErrorCodeAndDetailOnOneLine() {
        cli = CliProcess.run("subscribe", "--origin", server.origin(), "--account", account.toString(), "--param",
                "age__gte=abc");

        assertThat(cli.status()).isEqualTo(SenderCli.REFUSED);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).singleElement().asString()
                .startsWith("sender-cli: subscription refused: HTTP 400, error 12012 (Bad query parameters): ")
                .contains("age__gte");
    }

    @Test
    void anUnreachableServer_isStatus4() {
        String closed = "http://127.0.0.1:" + Ports.free();

        cli = CliProcess.run("subscribe", "--origin", closed, "--account", account.toString());

        assertThat(cli.status()).isEqualTo(SenderCli.UNREACHABLE);
        assertThat(cli.err()).singleElement().asString().startsWith("sender-cli: cannot reach " + closed + ": ");
    }

    @Test
    void ctrlC_closesTheSubscription_andExits130_silently() throws Exception {
        // A shell that starts a command in the background makes it ignore SIGINT; env gives it back its default.
        cli = CliProcess.start(List.of("env", "--default-signal=INT"), "subscribe", "--origin", server.origin(),
                "--account", account.toString());
        server.awaitSubscriptions(topic, 1);

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start();
        assertThat(kill.waitFor()).isZero();

        assertThat(cli.awaitExit()).isEqualTo(SenderCli.INTERRUPTED);
        assertThat(cli.err()).isEmpty();
        server.awaitSubscriptions(topic, 0);
    }

    @Test
    void onATerminal_aLiveCounterOnStandardError_followsTheEvents() {
        // script(1) runs the command on a pseudo-terminal, and copies what it shows (both streams) to our pipe.
        String command = CliProcess.command(List.of(), "subscribe", "--origin", server.origin(), "--account",
                account.toString(), "--count", "2").stream().map(SubscribeIT::quoted).collect(Collectors.joining(" "));
        cli = CliProcess.exec(List.of("script", "-qefc", command, "/dev/null"));
        server.awaitSubscriptions(topic, 1);

        server.publish(account, handlerBody(face("a", 30, 1), face("b", 31, 1)));

        assertThat(cli.awaitExit()).isEqualTo(SenderCli.OK);
        String screen = String.join("\n", cli.out());
        assertThat(screen).contains("\"Luna-Request-id\"").contains("received 2 events");
    }

    /** A handler publication of {@code events} by {@code handler-1}. */
    private static String handlerBody(String... events) {
        return "{\"events\":[" + String.join(",", events) + "],\"handler_id\":\"handler-1\",\"event_create_time\":\""
                + CREATED + "\",\"event_end_time\":\"" + ENDED + "\"}";
    }

    /** The message the server sends for {@code event} of {@link #handlerBody}, as SPEC §2.1 spells it. */
    private static String message(String event, String requestId) {
        return "{\"event\":" + event + ",\"handler_id\":\"handler-1\",\"event-create-time\":\"" + CREATED
                + "\",\"event-end-time\":\"" + ENDED + "\",\"Luna-Request-id\":\"" + requestId + "\"}";
    }

    private static String face(String name, int age, int gender) {
        return "{\"external_id\":\"" + name + "\",\"face_attributes\":{\"basic_attributes\":{\"age\":" + age
                + ",\"gender\":" + gender + "}},\"score\":1.0}";
    }

    private static String event(String source, int age, String userData) {
        return "{\"source\":\"" + source + "\",\"user_data\":\"" + userData
                + "\",\"face_attributes\":{\"basic_attributes\":{\"age\":" + age + "}}}";
    }

    private static String quoted(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
