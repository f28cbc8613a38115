package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.ErrorCode;
import dev.sender.core.HistoryOptions;
import dev.sender.core.LunaHeaders;
import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.testkit.DocSnippets;
import dev.sender.redis.testing.RedisServerProcess;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * History and resume on the wire (SPEC §9): the reserved parameters and their refusals, the {@code 101}'s headers,
 * the position as the last key of the shared message, replays with {@code since} and {@code rewind}, and messages of
 * subscribers without history unchanged byte for byte.
 */
class HistoryTest {

    private static final String POSITION = "[A-Za-z0-9._:-]{1,64}";
    private static final String REQUEST_ID = "1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a";
    private static final int HISTORY_SIZE = 50;
    private static Broker broker;
    private static ServerFixture server;
    private static ServerFixture withoutHistory;

    @BeforeAll
    static void start() {
        broker = Broker.inMemory(DeliveryOptions.ofDefaults(),
                new HistoryOptions(HISTORY_SIZE, Duration.ofMinutes(5), 64L << 20));
        server = ServerFixture.start(b -> b.broker(broker));
        withoutHistory = ServerFixture.start(b -> b.broker(Broker.inMemory(DeliveryOptions.ofDefaults(),
                HistoryOptions.OFF)));
    }

    @AfterAll
    static void stop() {
        server.close();
        withoutHistory.close();
        broker.close();
    }

    static Stream<Arguments> refusals() {
        String tooLong = "a".repeat(65);
        return Stream.of(
                Arguments.of("history=0", "history"),
                Arguments.of("history=true", "history"),
                Arguments.of("history=", "history"),
                Arguments.of("history=1&history=1", "history"),
                Arguments.of("hist%6Fry=2", "history"),
                Arguments.of("since=a%20b", "since"),
                Arguments.of("since=a/b", "since"),
                Arguments.of("since=%C3%A9", "since"),
                Arguments.of("since=" + tooLong, "since"),
                Arguments.of("since=a&since=b", "since"),
                Arguments.of("since=abc&rewind=3", "rewind"),
                Arguments.of("rewind=0", "rewind"),
                Arguments.of("rewind=-1", "rewind"),
                Arguments.of("rewind=x", "rewind"),
                Arguments.of("rewind=", "rewind"),
                Arguments.of("rewind=1.5", "rewind"),
                Arguments.of("rewind=" + (HISTORY_SIZE + 1), "rewind"),
                Arguments.of("rewind=99999999999999", "rewind"),
                Arguments.of("history=1&gender=7", "gender"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badHistoryParameter_isRefusedBeforeTheUpgrade_namingIt(String query, String named) throws Exception {
        assertRefused(server, "/2/ws?" + query, named);
        assertRefused(server, "/2/general_events/ws?" + query.replace("gender=7", "account_id=nope"),
                named.equals("gender") ? "account_id" : named);
    }

    @ParameterizedTest
    @MethodSource("historyParameters")
    void anyHistoryParameter_isRefused_whenTheBrokerKeepsNoHistory(String query, String named) throws Exception {
        assertRefused(withoutHistory, "/2/ws?" + query, named);
        assertRefused(withoutHistory, "/2/general_events/ws?" + query, named);
    }

    static Stream<Arguments> historyParameters() {
        return Stream.of(Arguments.of("history=1", "history"), Arguments.of("since=", "since"),
                Arguments.of("since=abc", "since"), Arguments.of("rewind=1", "rewind"));
    }

    @Test
    void sinceWithRewind_namesBoth() throws Exception {
        JsonNode body = assertRefused(server, "/2/ws?rewind=2&since=x", "rewind");
        assertThat(body.get("detail").asText()).contains("since");
    }

    @Test
    void historyParameters_areNeverFilters() {
        UUID account = UUID.randomUUID();
        TestSubscriber subscriber = server.subscribe(account, "history=1&sources=cam1");

        server.publish(account, "{\"source\":\"cam2\"}", "{\"source\":\"cam1\"}");

        assertThat(subscriber.awaitJson().get("event").get("source").asText()).isEqualTo("cam1");
    }

    @Test
    void upgradeWithHistory_carriesTheLatestPosition_emptyWhenTheTopicHasNone() throws Exception {
        UUID account = UUID.randomUUID();
        Map<String, String> headers = Map.of(LunaHeaders.ACCOUNT_ID, account.toString());

        RawHttp.Answer empty = RawHttp.upgrade(server.port(), "/2/ws?history=1", headers);
        assertThat(empty.status()).isEqualTo(101);
        assertThat(empty.headers()).containsEntry("sender-position", "").doesNotContainKey("sender-recovered");

        TestSubscriber subscriber = server.subscribe(account, "history=1");
        server.publish(account, "{\"n\":1}", "{\"n\":2}");
        String latest = subscriber.awaitJson(2).get(1).get("position").asText();

        RawHttp.Answer after = RawHttp.upgrade(server.port(), "/2/ws?history=1", headers);
        assertThat(after.headers()).containsEntry("sender-position", latest);
        RawHttp.Answer plain = RawHttp.upgrade(server.port(), "/2/ws", headers);
        assertThat(plain.status()).isEqualTo(101);
        assertThat(plain.headers()).doesNotContainKeys("sender-position", "sender-recovered");
    }

    @Test
    void upgradeWithSince_saysWhetherTheHistoryAfterThePositionWasRecovered() throws Exception {
        UUID account = UUID.randomUUID();
        Map<String, String> headers = Map.of(LunaHeaders.ACCOUNT_ID, account.toString());
        TestSubscriber subscriber = server.subscribe(account, "history=1");
        server.publish(account, "{\"n\":1}");
        String first = subscriber.awaitJson().get("position").asText();

        RawHttp.Answer known = RawHttp.upgrade(server.port(), "/2/ws?since=" + first, headers);
        RawHttp.Answer all = RawHttp.upgrade(server.port(), "/2/ws?since=", headers);
        RawHttp.Answer unknown = RawHttp.upgrade(server.port(), "/2/ws?since=never-issued.0", headers);

        assertThat(known.status()).isEqualTo(101);
        assertThat(known.headers()).containsEntry("sender-recovered", "true").containsEntry("sender-position", first);
        assertThat(all.headers()).containsEntry("sender-recovered", "true");
        assertThat(unknown.status()).isEqualTo(101);
        assertThat(unknown.headers()).containsEntry("sender-recovered", "false");
    }

    @Test
    void messageWithHistory_isTheSharedMessageWithThePositionAsItsLastKey() {
        UUID account = UUID.randomUUID();
        TestSubscriber plain = server.subscribe(account, "");
        TestSubscriber positioned = server.subscribe(account, "history=1");
        String event = "{\"z\":1.0,\"a\":1,\"n\":null,\"nested\":{\"k\":[1,\"x\"]},\"position\":\"the event's own\"}";

        server.post("/2/publish", ServerFixture.body(event), LunaHeaders.ACCOUNT_ID, account.toString(),
                "Content-Type", "application/json", LunaHeaders.REQUEST_ID, REQUEST_ID);

        String without = plain.awaitText();
        String with = positioned.awaitText();
        JsonNode message = ServerFixture.json(with);
        assertThat(message.fieldNames()).toIterable().containsExactly("event", "handler_id", "event-create-time",
                "event-end-time", "Luna-Request-id", "position");
        String position = message.get("position").asText();
        assertThat(position).matches(POSITION);
        assertThat(with).isEqualTo(without.substring(0, without.length() - 1) + ",\"position\":\"" + position + "\"}");
        assertThat(message.get("event").get("position").asText()).isEqualTo("the event's own");
    }

    @Test
    void messageWithoutHistory_isByteForByteWhatAServerWithoutHistorySends() {
        UUID account = UUID.randomUUID();
        TestSubscriber onHistoryServer = server.subscribe(account, "");
        TestSubscriber onPlainServer = withoutHistory.subscribe(account, "");
        String body = ServerFixture.body("{\"b\":true,\"s\":\"\\u00e9\\n\"}", "{\"x\":[1,2.50]}");

        for (ServerFixture target : List.of(server, withoutHistory)) {
            target.post("/2/publish", body, LunaHeaders.ACCOUNT_ID, account.toString(), "Content-Type",
                    "application/json", LunaHeaders.REQUEST_ID, REQUEST_ID);
        }

        List<String> a = List.of(onHistoryServer.awaitText(), onHistoryServer.awaitText());
        List<String> b = List.of(onPlainServer.awaitText(), onPlainServer.awaitText());
        assertThat(a).isEqualTo(b);
        assertThat(a.get(0)).doesNotContain("position");
    }

    @Test
    void generalMessageWithHistory_endsWithItsPosition() {
        TestSubscriber subscriber = server.subscribeGeneral("history=1&event_type=history-test");

        server.post("/2/general_events/publish", "{\"event\":{\"level\":4},\"event_type\":\"history-test\"}",
                "Content-Type", "application/json");

        String text = subscriber.awaitText();
        assertThat(text).matches("\\{\"event\":\\{\"level\":4},\"event_type\":\"history-test\",\"account_id\":null,"
                + "\"event-create-time\":null,\"event-end-time\":null,\"position\":\"" + POSITION + "\"}");
    }

    @Test
    void positions_areUniqueAndInPublishOrder_acrossPublications() {
        UUID account = UUID.randomUUID();
        TestSubscriber subscriber = server.subscribe(account, "history=1");
        for (int i = 0; i < 10; i++) {
            server.publish(account, seq(2 * i), seq(2 * i + 1));
        }

        List<JsonNode> messages = subscriber.awaitJson(20);
        assertThat(messages).extracting(m -> m.get("event").get("seq").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        Set<String> positions = new HashSet<>();
        messages.forEach(m -> positions.add(m.get("position").asText()));
        assertThat(positions).hasSize(20).allMatch(p -> p.matches(POSITION));
    }

    @Test
    void rewind_replaysTheLastMatchingEvents_thenLiveOnes() {
        UUID account = UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            server.publish(account, "{\"seq\":" + i + ",\"source\":\"" + (i % 2 == 0 ? "even" : "odd") + "\"}");
        }

        TestSubscriber all = server.subscribe(account, "rewind=3");
        TestSubscriber even = server.subscribe(account, "rewind=2&sources=even");
        server.publish(account, "{\"seq\":6,\"source\":\"even\"}");

        assertThat(seqs(all.awaitJson(4))).containsExactly(3, 4, 5, 6);
        assertThat(seqs(even.awaitJson(3))).containsExactly(2, 4, 6);
    }

    @Test
    void since_replaysWhatCameAfterThePosition_thenLiveOnes_eachOnce() {
        UUID account = UUID.randomUUID();
        TestSubscriber first = server.subscribe(account, "history=1");
        server.publish(account, seq(0), seq(1), seq(2));
        List<JsonNode> seen = first.awaitJson(3);
        server.publish(account, seq(3), seq(4));

        TestSubscriber resumed = server.subscribe(account, "since=" + seen.get(1).get("position").asText());
        server.publish(account, seq(5));
        TestSubscriber everything = server.subscribe(account, "since=");

        assertThat(seqs(resumed.awaitJson(4))).containsExactly(2, 3, 4, 5);
        assertThat(seqs(everything.awaitJson(6))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(resumed.drain()).isEmpty();
    }

    @Test
    void replayThenLive_whileAPublisherPublishes_isInOrder_withNoneTwiceAndNoneMissing() throws Exception {
        Broker large = Broker.inMemory(DeliveryOptions.ofDefaults(),
                new HistoryOptions(10_000, Duration.ofMinutes(5), 64L << 20));
        try (ServerFixture busy = ServerFixture.start(b -> b.broker(large))) {
            UUID account = UUID.randomUUID();
            int total = 3000;
            CompletableFuture<Void> publisher = CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < total; i++) {
                            large.publish(new HandlerPublication(account, "h", "c", "e", REQUEST_ID,
                                    List.of(Event.parse(seq(i)))))
                                    .toCompletableFuture().join();
                            LockSupport.parkNanos(200_000);
                        }
                    });
            // Subscribed while the publisher publishes, each with a replay that live events follow at once.
            List<TestSubscriber> subscribers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                subscribers.add(busy.subscribe(account, "since="));
            }
            publisher.get(30, TimeUnit.SECONDS);

            for (TestSubscriber subscriber : subscribers) {
                assertThat(seqs(subscriber.awaitJson(total))).containsExactlyElementsOf(IntStream.range(0, total)
                        .boxed().toList());
            }
        } finally {
            large.close();
        }
    }

    @Test
    void replayLargerThanTheSubscriberQueue_isDelivered_notTakenForASlowSubscriber() {
        Broker small = Broker.inMemory(DeliveryOptions.ofDefaults(), HistoryOptions.ofDefaults());
        try (ServerFixture tight = ServerFixture.start(b -> b.broker(small).settings(SenderSettings.builder().port(0)
                .subscriberQueueBytes(16 << 10).socketSendBufferBytes(4096).build()))) {
            UUID account = UUID.randomUUID();
            String padding = "x".repeat(8000);
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                events.add("{\"seq\":" + i + ",\"pad\":\"" + padding + "\"}");
            }
            tight.publish(account, events.toArray(String[]::new));

            TestSubscriber subscriber = tight.subscribe(account, "rewind=500");

            assertThat(seqs(subscriber.awaitJson(500))).containsExactlyElementsOf(IntStream.range(0, 500).boxed()
                    .toList());
            assertThat(subscriber.isClosed()).isFalse();
        } finally {
            small.close();
        }
    }

    @Test
    void historyAndItsReplays_areMetered() throws Exception {
        UUID account = UUID.randomUUID();
        Map<String, String> headers = Map.of(LunaHeaders.ACCOUNT_ID, account.toString());
        server.publish(account, seq(1), seq(2));
        double replays = counter("sender_history_replays_total");
        double replayed = counter("sender_history_events_replayed_total");
        double unrecovered = counter("sender_history_resumes_unrecovered_total");

        RawHttp.upgrade(server.port(), "/2/ws?rewind=2", headers);
        RawHttp.upgrade(server.port(), "/2/ws?since=gone.1", headers);
        RawHttp.upgrade(server.port(), "/2/ws?history=1", headers);

        assertThat(counter("sender_history_replays_total")).isEqualTo(replays + 2);
        assertThat(counter("sender_history_events_replayed_total")).isGreaterThanOrEqualTo(replayed + 2);
        assertThat(counter("sender_history_resumes_unrecovered_total")).isEqualTo(unrecovered + 1);
        assertThat(counter("sender_history_events")).isPositive();
        assertThat(counter("sender_history_bytes")).isPositive();
    }

    @Test
    void config_showsTheBrokersHistory() {
        JsonNode config = ServerFixture.json(server.get("/config").body());

        assertThat(config.get("history-size").asInt()).isEqualTo(HISTORY_SIZE);
        assertThat(config.get("history-ttl").asText()).isEqualTo("PT5M");
        assertThat(config.get("history-max-bytes").asLong()).isEqualTo(64L << 20);
        assertThat(ServerFixture.json(withoutHistory.get("/config").body()).get("history-size").asInt()).isZero();
    }

    @Test
    void historyGuide_brokersWithTheirHistory() {
        try (RedisServerProcess redis = RedisServerProcess.start();
             DocSnippets page = DocSnippets.compile(Path.of("..", "docs", "history.md"),
                     Map.of("redis://127.0.0.1:6379", redis.uri().toString()))) {
            assertThat(page.run("BrokersWithHistory")).endsWith("5000 1000 0");
        }
    }

    private static double counter(String name) {
        String prefix = name + "{broker=\"in-memory\"} ";
        for (String line : server.get("/metrics").body().split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(prefix.length()));
            }
        }
        throw new AssertionError(name + " is not in /metrics");
    }

    private static JsonNode assertRefused(ServerFixture target, String pathAndQuery, String named) throws Exception {
        Map<String, String> headers = pathAndQuery.startsWith("/2/ws")
                ? Map.of(LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString()) : Map.of();
        RawHttp.Answer answer = RawHttp.upgrade(target.port(), pathAndQuery, headers);

        assertThat(answer.status()).as(pathAndQuery).isEqualTo(400);
        JsonNode body = ServerFixture.json(answer.body());
        assertThat(body.get("error_code").asInt()).as(pathAndQuery).isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS.code());
        assertThat(body.get("detail").asText()).as(pathAndQuery).contains("'" + named + "'");
        return body;
    }

    private static String seq(int n) {
        return "{\"seq\":" + n + "}";
    }

    private static List<Integer> seqs(List<JsonNode> messages) {
        List<Integer> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.get("event").get("seq").asInt()));
        return out;
    }
}
