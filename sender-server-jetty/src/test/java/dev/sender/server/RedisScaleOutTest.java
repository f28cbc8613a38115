package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.testkit.DocSnippets;
import dev.sender.redis.RedisBroker;
import dev.sender.redis.testing.RedisServerProcess;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several servers sharing one real Redis (SPEC §6), LUNA's handlers publishing onto it, and how the servers
 * ride out Redis faults. Redis, both brokers and both servers are new for each test.
 */
class RedisScaleOutTest {

    /** SPEC §6: delivery resumes, and health turns 200, within 5 s of Redis being back. */
    private static final Duration RESUMPTION = Duration.ofSeconds(5);
    /** Generous, for a loaded two-core machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path GUIDE = Path.of("..", "docs", "scale-out.md");

    private RedisServerProcess redis;
    private RedisBroker brokerA;
    private RedisBroker brokerB;
    private ServerFixture serverA;
    private ServerFixture serverB;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.start();
        brokerA = RedisBroker.connect(redis.uri());
        brokerB = RedisBroker.connect(redis.uri());
        serverA = ServerFixture.start(SenderSettings.ofDefaults(), brokerA);
        serverB = ServerFixture.start(SenderSettings.ofDefaults(), brokerB);
    }

    @AfterEach
    void stop() {
        try {
            serverA.close();
            serverB.close();
            brokerA.close();
            brokerB.close();
        } finally {
            redis.close();
        }
    }

    private static int seq(JsonNode message) {
        return message.get("event").get("seq").asInt();
    }

    private static int status(ServerFixture server, String path) {
        return server.get(path).statusCode();
    }

    private boolean bothHealthy() {
        return status(serverA, "/healthcheck") == 200 && status(serverB, "/healthcheck") == 200;
    }

    @Test
    void publishOnOneServer_reachesMatchingSubscribersOfBoth_inOrder_once() {
        UUID account = UUID.randomUUID();
        TestSubscriber onB = serverB.subscribe(account, "sources=cam1");
        TestSubscriber onA = serverA.subscribe(account, "");
        TestSubscriber otherAccountOnB = serverB.subscribe(UUID.randomUUID(), "");

        for (int i = 0; i < 50; i++) {
            serverA.publish(account, "{\"seq\":" + i + ",\"source\":\"" + (i % 2 == 0 ? "cam1" : "cam2") + "\"}");
        }
        serverA.publish(account, "{\"seq\":1000,\"source\":\"cam1\"}");

        List<Integer> even = IntStream.range(0, 25).map(i -> i * 2).boxed().toList();
        assertThat(onB.awaitJson(25)).extracting(RedisScaleOutTest::seq).isEqualTo(even);
        assertThat(seq(onB.awaitJson())).isEqualTo(1000);
        assertThat(onA.awaitJson(51)).extracting(RedisScaleOutTest::seq)
                .isEqualTo(IntStream.concat(IntStream.range(0, 50), IntStream.of(1000)).boxed().toList());
        assertThat(onA.drain()).isEmpty();
        assertThat(otherAccountOnB.drain()).isEmpty();
    }

    @Test
    void publisherSpreadOverBothServers_keepsItsOrder_whenItWaitsForEach201() {
        UUID account = UUID.randomUUID();
        TestSubscriber onA = serverA.subscribe(account, "");
        TestSubscriber onB = serverB.subscribe(account, "");

        for (int i = 0; i < 40; i++) {
            (i % 2 == 0 ? serverA : serverB).publish(account, "{\"seq\":" + i + "}");
        }

        List<Integer> expected = IntStream.range(0, 40).boxed().toList();
        assertThat(onA.awaitJson(40)).extracting(RedisScaleOutTest::seq).isEqualTo(expected);
        assertThat(onB.awaitJson(40)).extracting(RedisScaleOutTest::seq).isEqualTo(expected);
    }

    @Test
    void lunaHandlerPayload_publishedWithRedisCli_reachesWebSocketSubscribersOfBothServers() {
        UUID account = UUID.randomUUID();
        TestSubscriber onA = serverA.subscribe(account, "handler_ids=a5c6e2f1-0000-4000-8000-000000000001");
        TestSubscriber onB = serverB.subscribe(account, "sources=cam1");
        String event = "{\"event_id\":\"9f1d2ba1-2c3a-4b5c-8d9e-0f1a2b3c4d5e\",\"source\":\"cam1\","
                + "\"age\":41,\"score\":1.0,\"ok\":true}";
        String payload = "{\"handler_id\": \"a5c6e2f1-0000-4000-8000-000000000001\", \"Luna-Request-Id\": "
                + "\"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\", \"events\": [" + event + ", {\"source\":\"cam2\"}], "
                + "\"event_create_time\": \"2019-08-24T14:15:22Z\", \"event_end_time\": \"2019-08-24T14:15:23Z\"}";

        assertThat(redis.cli("PUBLISH", "luna-sender:" + account, payload)).isEqualTo("2");

        String expected = "{\"event\":" + event + ",\"handler_id\":\"a5c6e2f1-0000-4000-8000-000000000001\","
                + "\"event-create-time\":\"2019-08-24T14:15:22Z\",\"event-end-time\":\"2019-08-24T14:15:23Z\","
                + "\"Luna-Request-id\":\"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\"}";
        assertThat(ServerFixture.json(onB.awaitText())).isEqualTo(ServerFixture.json(expected));
        assertThat(ServerFixture.json(onA.awaitText())).isEqualTo(ServerFixture.json(expected));
        assertThat(onA.awaitJson().get("event").get("source").asText()).isEqualTo("cam2");
        serverA.publish(account, "{\"source\":\"cam1\",\"seq\":2}");
        assertThat(seq(onB.awaitJson())).isEqualTo(2);
        assertThat(onB.drain()).isEmpty();
    }

    @Test
    void generalPayload_publishedWithRedisCli_reachesGeneralSubscribers() {
        TestSubscriber onB = serverB.subscribeGeneral("event_type=door");

        assertThat(redis.cli("PUBLISH", "luna-sender-general", "{\"event\": {\"where\": \"hall\"}, "
                + "\"event_type\": \"door\", \"Luna-Request-Id\": \"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\"}"))
                .isEqualTo("1");

        JsonNode message = onB.awaitJson();
        assertThat(message.get("event").get("where").asText()).isEqualTo("hall");
        assertThat(message.get("event_type").asText()).isEqualTo("door");
        assertThat(message.get("account_id").isNull()).isTrue();
        assertThat(message.get("event-create-time").isNull()).isTrue();
    }

    @Test
    void eachServer_listensToAnAccountChannel_onlyWhileItHasSubscribersOfTheAccount() {
        UUID account = UUID.randomUUID();
        String channel = "luna-sender:" + account;
        assertThat(redis.cli("PUBSUB", "CHANNELS", "luna-sender:*")).isEmpty();

        TestSubscriber first = serverA.subscribe(account, "");
        TestSubscriber second = serverA.subscribe(account, "sources=cam1");
        TestSubscriber onB = serverB.subscribe(account, "");
        assertThat(redis.cli("PUBSUB", "CHANNELS", "luna-sender:*")).isEqualTo(channel);
        assertThat(redis.cli("PUBSUB", "NUMSUB", channel)).isEqualTo(channel + "\n2");

        onB.close();
        await().atMost(PATIENCE).until(() -> redis.cli("PUBSUB", "NUMSUB", channel).equals(channel + "\n1"));
        first.close();
        second.close();
        await().atMost(PATIENCE).until(() -> redis.cli("PUBSUB", "CHANNELS", "luna-sender:*").isEmpty());
    }

    @Test
    void generalEvents_travelBetweenServersToo() {
        TestSubscriber onB = serverB.subscribeGeneral("event_type=door");

        HttpResponse<String> published = serverA.post("/2/general_events/publish",
                "{\"event\":{\"where\":\"hall\"},\"event_type\":\"door\"}", "Content-Type", "application/json");

        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(onB.awaitJson().get("event").get("where").asText()).isEqualTo("hall");
    }

    @Test
    void redisRestart_midStream_serversSurvive_healthGoes502Then200_andDeliveryResumes() {
        UUID account = UUID.randomUUID();
        TestSubscriber onB = serverB.subscribe(account, "");
        TestSubscriber generalOnA = serverA.subscribeGeneral("");
        serverA.publish(account, "{\"seq\":1}");
        assertThat(seq(onB.awaitJson())).isEqualTo(1);

        redis.kill();

        await().atMost(PATIENCE).until(() -> status(serverA, "/healthcheck") == 502
                && status(serverB, "/healthcheck") == 502);
        JsonNode health = ServerFixture.json(serverB.get("/healthcheck").body());
        assertThat(health.get("error_code").asInt()).isEqualTo(ErrorCode.BROKER_UNAVAILABLE.code());
        assertThat(health.get("detail").asText()).startsWith("redis broker: ").contains("Redis at redis://127.0.0.1:"
                + redis.port());
        HttpResponse<String> refused = serverA.post("/2/publish", ServerFixture.body("{\"seq\":2}"), LunaHeaders.ACCOUNT_ID,
                account.toString(), "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(ServerFixture.json(refused.body()).get("error_code").asInt())
                .isEqualTo(ErrorCode.PUBLISH_FAILED.code());
        HttpResponse<String> refusedGeneral = serverB.post("/2/general_events/publish",
                "{\"event\":{\"seq\":2},\"event_type\":\"door\"}", "Content-Type", "application/json");
        assertThat(refusedGeneral.statusCode()).isEqualTo(500);
        assertThat(ServerFixture.json(refusedGeneral.body()).get("error_code").asInt())
                .isEqualTo(ErrorCode.PUBLISH_FAILED.code());
        TestSubscriber joinedWhileDown = serverA.subscribe(account, "");
        assertThat(onB.isClosed()).isFalse();
        assertThat(generalOnA.isClosed()).isFalse();

        redis.restart();

        await().atMost(RESUMPTION).until(this::bothHealthy);
        serverA.publish(account, "{\"seq\":3}");
        assertThat(serverB.post("/2/general_events/publish", "{\"event\":{\"seq\":4},\"event_type\":\"door\"}",
                "Content-Type", "application/json").statusCode()).isEqualTo(201);
        assertThat(seq(onB.awaitJson())).isEqualTo(3);
        assertThat(seq(joinedWhileDown.awaitJson())).isEqualTo(3);
        assertThat(seq(generalOnA.awaitJson())).isEqualTo(4);
        assertThat(onB.isClosed()).isFalse();
        assertThat(onB.drain()).isEmpty();
    }

    @Test
    void redisKillingItsClients_midStream_serversSurvive_andDeliveryResumesInOrder() throws Exception {
        UUID account = UUID.randomUUID();
        TestSubscriber onB = serverB.subscribe(account, "");
        TestSubscriber onA = serverA.subscribe(account, "");
        Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> response = serverA.post("/2/publish", ServerFixture.body("{\"seq\":" + i + "}"),
                        LunaHeaders.ACCOUNT_ID, account.toString(), "Content-Type", "application/json");
                if (response.statusCode() == 201) {
                    accepted.add(i);
                } else {
                    assertThat(ServerFixture.json(response.body()).get("error_code").asInt())
                            .isEqualTo(ErrorCode.PUBLISH_FAILED.code());
                }
            }
        });
        List<Integer> received = new ArrayList<>(onB.awaitJson(10).stream().map(RedisScaleOutTest::seq).toList());

        RedisClient admin = RedisClient.create(redis.uri().toString());
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub())).isEqualTo(2L);
            assertThat(connection.sync().clientKill(KillArgs.Builder.typeNormal().skipme())).isPositive();
        } finally {
            admin.shutdown();
        }
        stream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        await().atMost(RESUMPTION).until(this::bothHealthy);
        serverB.publish(account, "{\"seq\":1000}");
        for (int seq = -1; seq != 1000; ) {
            seq = seq(onB.awaitJson());
            received.add(seq);
        }
        assertThat(received).as("in order, each once").isSorted().doesNotHaveDuplicates();
        assertThat(received.subList(0, received.size() - 1)).isSubsetOf(accepted);
        assertThat(onA.isClosed()).isFalse();
        assertThat(onB.isClosed()).isFalse();
    }

    @Test
    void thePagesProgram_startsAnInstanceOnRedis_thatIsHealthy() {
        try (DocSnippets page = DocSnippets.compile(GUIDE, Map.of("redis://127.0.0.1:6379", redis.uri().toString(),
                ".port(5080)", ".port(0)"))) {
            assertThat(page.run("OneOfSeveralInstances")).singleElement().asString()
                    .matches("Sender on http://localhost:\\d+ with redis, GET /healthcheck: 200");
        }
    }
}
