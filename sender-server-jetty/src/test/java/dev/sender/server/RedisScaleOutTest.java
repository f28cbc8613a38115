package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.redis.RedisBroker;
import dev.sender.redis.testing.RedisServerProcess;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several servers sharing one real Redis (SPEC §6), and how they ride out Redis faults. */
class RedisScaleOutTest {

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
        serverA.close();
        serverB.close();
        brokerA.close();
        brokerB.close();
        redis.close();
    }

    private static int seq(com.fasterxml.jackson.databind.JsonNode message) {
        return message.get("event").get("seq").asInt();
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
        serverA.publish(account, "{\"seq\":1}");
        assertThat(seq(onB.awaitJson())).isEqualTo(1);

        redis.kill();

        await().atMost(Duration.ofSeconds(10)).until(() -> serverA.get("/healthcheck").statusCode() == 502);
        assertThat(ServerFixture.json(serverA.get("/healthcheck").body()).get("detail").asText()).contains("redis");
        HttpResponse<String> refused = serverA.post("/2/publish", ServerFixture.body("{\"seq\":2}"), "Luna-Account-Id",
                account.toString(), "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(ServerFixture.json(refused.body()).get("error_code").asInt()).isEqualTo(29004);
        assertThat(onB.isClosed()).isFalse();

        redis.restart();

        await().atMost(Duration.ofSeconds(5)).until(() -> serverA.get("/healthcheck").statusCode() == 200
                && serverB.get("/healthcheck").statusCode() == 200);
        serverA.publish(account, "{\"seq\":3}");
        assertThat(seq(onB.awaitJson())).isEqualTo(3);
        assertThat(onB.isClosed()).isFalse();
    }
}
