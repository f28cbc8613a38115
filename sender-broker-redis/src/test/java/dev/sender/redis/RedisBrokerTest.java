package dev.sender.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.BrokerException;
import dev.sender.core.RequestId;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.filter.Filter;
import dev.sender.core.testkit.RecordingSink;
import dev.sender.core.testkit.SampleEvents;
import dev.sender.redis.testing.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to Redis: channels, LUNA's payloads, node-level fan-out, and surviving Redis faults. */
class RedisBrokerTest {

    private RedisServerProcess redis;
    private RedisBroker broker;
    private RedisClient admin;
    private StatefulRedisConnection<String, String> adminConnection;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.start();
        broker = RedisBroker.connect(redis.uri());
        admin = RedisClient.create(redis.uri().toString());
        adminConnection = admin.connect();
    }

    @AfterEach
    void stop() {
        adminConnection.close();
        admin.shutdown();
        broker.close();
        redis.close();
    }

    private static HandlerPublication publication(UUID account, String json) {
        return new HandlerPublication(account, "handler", "c", "e", RequestId.generate(), List.of(Event.parse(json)));
    }

    private void publish(HandlerPublication publication) throws Exception {
        broker.publish(publication).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void lunaHandlerPayload_putOnTheChannelWithRedisCli_reachesSubscribers() throws Exception {
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        String payload = "{\"handler_id\": \"a5c6e2f1-0000-4000-8000-000000000001\", \"Luna-Request-Id\": "
                + "\"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\", \"events\": [" + SampleEvents.event().json()
                + "], \"event_create_time\": \"2019-08-24T14:15:22Z\", \"event_end_time\": \"2019-08-24T14:15:23Z\"}";

        Process cli = new ProcessBuilder("redis-cli", "-p", Integer.toString(redis.port()), "PUBLISH",
                "luna-sender:" + account, payload).redirectErrorStream(true).start();
        assertThat(new String(cli.getInputStream().readAllBytes()).trim()).isEqualTo("1");

        HandlerEventMessage message = (HandlerEventMessage) sink.awaitMessage();
        assertThat(message.event()).isEqualTo(SampleEvents.event());
        assertThat(message.handlerId()).isEqualTo("a5c6e2f1-0000-4000-8000-000000000001");
        assertThat(message.requestId()).isEqualTo("1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");
        assertThat(message.eventEndTime()).isEqualTo("2019-08-24T14:15:23Z");
    }

    @Test
    void publication_travelsInLunasPayloadOnTheAccountChannel() throws Exception {
        UUID account = UUID.randomUUID();
        var spy = RedisClient.create(redis.uri().toString()).connectPubSub();
        java.util.concurrent.BlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        spy.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                seen.add(channel + " " + message);
            }
        });
        spy.sync().subscribe("luna-sender:" + account);
        HandlerPublication publication = publication(account, "{\"a\":1}");

        publish(publication);

        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("luna-sender:" + account + " {\"Luna-Request-Id\":\""
                + publication.requestId() + "\",\"events\":[{\"a\":1}],\"handler_id\":\"handler\","
                + "\"event_create_time\":\"c\",\"event_end_time\":\"e\"}");
        spy.close();
    }

    @Test
    void node_listensToAnAccountChannelOnce_andOnlyWhileItHasSubscribers() {
        UUID account = UUID.randomUUID();
        String channel = "luna-sender:" + account;
        Subscription first = broker.subscribe(Topic.handlerEvents(account), Filter.any(), new RecordingSink());
        Subscription second = broker.subscribe(Topic.handlerEvents(account), Filter.any(), new RecordingSink());

        assertThat(adminConnection.sync().pubsubNumsub(channel)).containsEntry(channel, 1L);
        assertThat(adminConnection.sync().publish(channel, "not json")).isEqualTo(1L);

        first.close();
        assertThat(adminConnection.sync().pubsubNumsub(channel)).containsEntry(channel, 1L);
        second.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> adminConnection.sync().pubsubNumsub(channel).get(channel) == 0L);
    }

    @Test
    void redisDown_failsPublicationsAtOnce_andDeliveryResumesWhenItComesBack() throws Exception {
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        Subscription subscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        publish(publication(account, "{\"seq\":1}"));
        sink.awaitMessage();

        redis.kill();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(broker.publish(
                publication(account, "{\"seq\":2}")).toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withCauseInstanceOf(BrokerException.class));
        assertThat(broker.checkHealth().toCompletableFuture()).failsWithin(Duration.ofSeconds(5));
        assertThat(subscription.isOpen()).isTrue();

        redis.restart();

        await().atMost(Duration.ofSeconds(5)).until(() -> healthy());
        publish(publication(account, "{\"seq\":3}"));
        assertThat(sink.awaitMessage().event().toTree().get("seq").asInt()).isEqualTo(3);
    }

    @Test
    void redisDroppingItsClients_isSurvived_andDeliveryResumes() throws Exception {
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);

        adminConnection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
        adminConnection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typeNormal().skipme());

        await().atMost(Duration.ofSeconds(5)).until(() -> healthy());
        publish(publication(account, "{\"after\":\"kill\"}"));
        assertThat(sink.awaitMessage().event().toTree().get("after").asText()).isEqualTo("kill");
    }

    @Test
    void health_provesARoundTrip() {
        assertThat(broker.checkHealth().toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(broker.name()).isEqualTo("redis");
        assertThat(broker.toString()).contains("127.0.0.1");
    }

    @Test
    void password_isMaskedInTheDescription() {
        RedisServerProcess secured = RedisServerProcess.start();
        try {
            secured.command("CONFIG", "SET", "requirepass", "hunter2");
            try (RedisBroker authenticated = RedisBroker.connect(java.net.URI.create("redis://default:hunter2@127.0.0.1:"
                    + secured.port()))) {
                assertThat(authenticated.toString()).contains("default:********@").doesNotContain("hunter2");
                assertThat(authenticated.checkHealth().toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5));
            }
        } finally {
            secured.close();
        }
    }

    @Test
    void unreachableRedis_failsToConnectWithAClearError() {
        RedisServerProcess gone = RedisServerProcess.start();
        gone.kill();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedisBroker.connect(gone.uri()))
                .isInstanceOf(BrokerException.class).hasMessageContaining(Integer.toString(gone.port()));
    }

    private boolean healthy() {
        try {
            broker.checkHealth().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
