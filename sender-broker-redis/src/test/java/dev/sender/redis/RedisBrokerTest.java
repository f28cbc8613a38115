package dev.sender.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.HistoryOptions;
import dev.sender.core.RequestId;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.testkit.RecordingSink;
import dev.sender.core.testkit.SampleEvents;
import dev.sender.redis.testing.RedisServerProcess;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is particular to Redis: channels, LUNA's payloads, node-level fan-out, draining Redis, and surviving Redis
 * faults. Each test has its own redis-server.
 */
class RedisBrokerTest {

    /** Generous, for a loaded two-core machine; SPEC §6's five seconds are asserted where they apply. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration RESUMPTION = Duration.ofSeconds(5);
    private static final Field SEQ = Field.of("event.seq");

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
        try {
            try {
                admin.shutdown();
            } finally {
                broker.close();
            }
        } finally {
            redis.close();
        }
    }

    private static HandlerPublication publication(UUID account, String... events) {
        return new HandlerPublication(account, "handler", "c", "e", RequestId.generate(),
                Stream.of(events).map(Event::parse).toList());
    }

    private static void publish(RedisBroker broker, Publication publication) {
        try {
            broker.publish(publication).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("publish failed", e);
        }
    }

    private static int seq(EventMessage message) {
        return message.event().toTree().get("seq").asInt();
    }

    /** The account channels some client subscribes to, as {@code PUBSUB CHANNELS} lists them. */
    private List<String> accountChannels() {
        return adminConnection.sync().pubsubChannels("luna-sender:*");
    }

    @Test
    void lunaHandlerPayload_putOnTheChannelWithRedisCli_reachesSubscribers() {
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        String payload = "{\"handler_id\": \"a5c6e2f1-0000-4000-8000-000000000001\", \"Luna-Request-Id\": "
                + "\"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\", \"events\": [" + SampleEvents.event().json()
                + "], \"event_create_time\": \"2019-08-24T14:15:22Z\", \"event_end_time\": \"2019-08-24T14:15:23Z\"}";

        assertThat(redis.cli("PUBLISH", "luna-sender:" + account, payload)).isEqualTo("1");

        HandlerEventMessage message = (HandlerEventMessage) sink.awaitMessage();
        assertThat(message.event()).isEqualTo(SampleEvents.event());
        assertThat(message.handlerId()).isEqualTo("a5c6e2f1-0000-4000-8000-000000000001");
        assertThat(message.requestId()).isEqualTo("1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");
        assertThat(message.eventCreateTime()).isEqualTo("2019-08-24T14:15:22Z");
        assertThat(message.eventEndTime()).isEqualTo("2019-08-24T14:15:23Z");
        assertThat(message.toJson()).startsWith("{\"event\":" + SampleEvents.event().json() + ",");
    }

    @Test
    void generalPayload_putOnTheGeneralChannelWithRedisCli_reachesGeneralSubscribers() {
        RecordingSink sink = new RecordingSink();
        UUID account = UUID.randomUUID();
        broker.subscribe(Topic.generalEvents(), Filter.any(), sink);
        String payload = "{\"event\": {\"door\": 7}, \"event_type\": \"door_opened\", \"account_id\": \"" + account
                + "\", \"event_create_time\": \"2019-08-24T14:15:22Z\", \"Luna-Request-Id\": "
                + "\"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\"}";

        assertThat(redis.cli("PUBLISH", "luna-sender-general", payload)).isEqualTo("1");

        GeneralEventMessage message = (GeneralEventMessage) sink.awaitMessage();
        assertThat(message.event().json()).isEqualTo("{\"door\": 7}");
        assertThat(message.eventType()).isEqualTo("door_opened");
        assertThat(message.accountId()).isEqualTo(account.toString());
        assertThat(message.eventCreateTime()).isEqualTo("2019-08-24T14:15:22Z");
        assertThat(message.eventEndTime()).isNull();
    }

    @Test
    void publications_travelInLunasPayloads_oneRedisMessageEach() throws Exception {
        UUID account = UUID.randomUUID();
        RedisClient spyClient = RedisClient.create(redis.uri().toString());
        // With history, the payloads carry one more key: see RedisHistoryTest.
        try (RedisBroker withoutHistory = RedisBroker.builder(redis.uri()).history(HistoryOptions.OFF).connect()) {
            StatefulRedisPubSubConnection<String, String> spy = spyClient.connectPubSub();
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            spy.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    seen.add(channel + " " + message);
                }
            });
            spy.sync().subscribe("luna-sender:" + account, "luna-sender-general");
            HandlerPublication handler = publication(account, "{\"a\":1}", "{\"b\":2.0}");
            GeneralPublication general = new GeneralPublication(Event.parse("{\"x\":true}"), "door", null, "c", null,
                    RequestId.generate());

            publish(withoutHistory, handler);
            publish(withoutHistory, general);

            assertThat(seen.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("luna-sender:" + account
                    + " {\"Luna-Request-Id\":\"" + handler.requestId() + "\",\"events\":[{\"a\":1},{\"b\":2.0}],"
                    + "\"handler_id\":\"handler\",\"event_create_time\":\"c\",\"event_end_time\":\"e\"}");
            assertThat(seen.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("luna-sender-general"
                    + " {\"Luna-Request-Id\":\"" + general.requestId() + "\",\"event\":{\"x\":true},"
                    + "\"event_type\":\"door\",\"event_create_time\":\"c\"}");
            assertThat(spy.sync().ping()).isEqualTo("PONG");
            assertThat(seen).isEmpty();
        } finally {
            spyClient.shutdown();
        }
    }

    @Test
    void node_listensToAnAccountChannelOnce_andOnlyWhileItHasSubscribers() {
        UUID account = UUID.randomUUID();
        String channel = "luna-sender:" + account;
        assertThat(accountChannels()).isEmpty();

        Subscription first = broker.subscribe(Topic.handlerEvents(account), Filter.any(), new RecordingSink());
        Subscription second = broker.subscribe(Topic.handlerEvents(account), Filter.any(), new RecordingSink(),
                Delivery.DIRECT);
        assertThat(accountChannels()).containsExactly(channel);
        assertThat(adminConnection.sync().pubsubNumsub(channel)).containsEntry(channel, 1L);
        assertThat(adminConnection.sync().publish(channel, "{\"not\": \"a publication\"}")).isEqualTo(1L);

        first.close();
        assertThat(accountChannels()).containsExactly(channel);
        second.close();
        await().atMost(PATIENCE).until(() -> accountChannels().isEmpty());
    }

    @Test
    void twoNodes_eachDeliverEveryEventOnceToEachMatchingSubscriber_inOrder() {
        UUID account = UUID.randomUUID();
        try (RedisBroker other = RedisBroker.connect(redis.uri())) {
            RecordingSink here = new RecordingSink();
            RecordingSink there = new RecordingSink();
            RecordingSink thereDirect = new RecordingSink();
            RecordingSink thereEven = new RecordingSink();
            broker.subscribe(Topic.handlerEvents(account), Filter.any(), here);
            other.subscribe(Topic.handlerEvents(account), Filter.any(), there);
            other.subscribe(Topic.handlerEvents(account), Filter.any(), thereDirect, Delivery.DIRECT);
            other.subscribe(Topic.handlerEvents(account), Filter.in(SEQ, Value.integer(0), Value.integer(2),
                    Value.integer(4), Value.integer(6), Value.integer(8)), thereEven);

            for (int p = 0; p < 5; p++) {
                int base = p * 2;
                publish(p % 2 == 0 ? broker : other, publication(account, "{\"seq\":" + base + "}",
                        "{\"seq\":" + (base + 1) + "}"));
            }
            publish(broker, publication(account, "{\"seq\":8}"));

            List<Integer> all = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 8);
            assertThat(here.awaitMessages(11)).extracting(RedisBrokerTest::seq).isEqualTo(all);
            assertThat(there.awaitMessages(11)).extracting(RedisBrokerTest::seq).isEqualTo(all);
            assertThat(thereDirect.awaitMessages(11)).extracting(RedisBrokerTest::seq).isEqualTo(all);
            assertThat(thereEven.awaitMessages(6)).extracting(RedisBrokerTest::seq).containsExactly(0, 2, 4, 6, 8, 8);
            // A local copy besides the one from Redis would have come before the last event.
            assertThat(here.drain()).isEmpty();
            assertThat(there.drain()).isEmpty();
            assertThat(thereEven.drain()).isEmpty();
        }
    }

    @Test
    void publicationsSentWithoutWaiting_whileRedisHasNoScriptCached_arriveInOrder() {
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        List<CompletableFuture<Void>> accepted = new ArrayList<>();

        for (int seq = 0; seq < 2000; seq++) {
            if (seq % 20 == 10) {
                adminConnection.sync().scriptFlush(); // as a restarted Redis forgets its scripts
            }
            accepted.add(broker.publish(publication(account, "{\"seq\":" + seq + "}")).toCompletableFuture());
        }

        assertThat(CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new))).succeedsWithin(PATIENCE);
        assertThat(sink.awaitMessages(2000)).extracting(RedisBrokerTest::seq)
                .isEqualTo(IntStream.range(0, 2000).boxed().toList());
    }

    @Test
    void stalledDispatching_neverMakesRedisDisconnectTheNode() {
        // A tiny limit: Redis would drop a pub/sub client that let 256 KiB pile up for it.
        assertThat(redis.cli("CONFIG", "SET", "client-output-buffer-limit", "pubsub 256kb 64kb 1")).isEqualTo("OK");
        UUID account = UUID.randomUUID();
        String channel = "luna-sender:" + account;
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink();
        // A sink that blocks holds up dispatching, as thousands of subscribers on a busy node would.
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), message -> {
            awaitQuietly(release);
            sink.onMessage(message);
        }, Delivery.DIRECT);
        Set<String> subscribers = pubSubClientIds();
        String padding = "x".repeat(20_000);

        for (int i = 0; i < 400; i++) {
            assertThat(adminConnection.sync().publish(channel, "{\"handler_id\":\"h\",\"events\":[{\"seq\":" + i
                    + ",\"pad\":\"" + padding + "\"}],\"event_create_time\":\"c\",\"event_end_time\":\"e\"}"))
                    .isEqualTo(1L);
        }
        release.countDown();

        assertThat(sink.awaitMessages(400)).extracting(RedisBrokerTest::seq)
                .isEqualTo(IntStream.range(0, 400).boxed().toList());
        assertThat(pubSubClientIds()).isEqualTo(subscribers);
    }

    private Set<String> pubSubClientIds() {
        Matcher id = Pattern.compile("(?m)^id=(\\d+) ").matcher(redis.cli("CLIENT", "LIST", "TYPE", "pubsub"));
        return id.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void redisDown_failsPublicationsAtOnce_andDeliveryResumesWhenItComesBack() {
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        Subscription subscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        publish(broker, publication(account, "{\"seq\":1}"));
        sink.awaitMessage();

        redis.kill();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(broker.publish(
                publication(account, "{\"seq\":2}")).toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withCauseInstanceOf(BrokerException.class));
        assertThat(broker.checkHealth().toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withMessageContaining("Redis at redis://127.0.0.1:" + redis.port());
        assertThat(subscription.isOpen()).isTrue();

        redis.restart();

        await().atMost(RESUMPTION).until(this::healthy);
        publish(broker, publication(account, "{\"seq\":3}"));
        assertThat(sink.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(3);
        assertThat(subscription.isOpen()).isTrue();
    }

    @Test
    void publicationThatTimesOutWhileRedisIsFrozen_isAbandoned_andNeverDeliveredAfterwards() {
        try (RedisBroker quick = RedisBroker.builder(redis.uri()).commandTimeout(Duration.ofMillis(800)).connect()) {
            UUID account = UUID.randomUUID();
            RecordingSink sink = new RecordingSink();
            quick.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
            publish(quick, publication(account, "{\"seq\":1}"));
            assertThat(sink.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(1);

            redis.freeze();
            try {
                assertThat(quick.publish(publication(account, "{\"seq\":2}")).toCompletableFuture())
                        .failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                        .withCauseInstanceOf(BrokerException.class).withMessageContaining("abandoned");
            } finally {
                redis.thaw();
            }

            publish(quick, publication(account, "{\"seq\":3}"));
            assertThat(sink.awaitMessage()).as("Redis keeps order: an abandoned publication would come first")
                    .extracting(RedisBrokerTest::seq).isEqualTo(3);
        }
    }

    @Test
    void subscriptionOpenedWhileRedisIsDown_receivesOnceRedisIsBack() {
        UUID account = UUID.randomUUID();
        redis.kill();
        await().atMost(PATIENCE).until(() -> !healthy());

        RecordingSink sink = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        // Longer than the command timeout: a SUBSCRIBE that was waiting for Redis must not be given up.
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> !healthy());
        redis.restart();

        await().atMost(RESUMPTION).until(this::healthy);
        assertThat(accountChannels()).containsExactly("luna-sender:" + account);
        publish(broker, publication(account, "{\"seq\":1}"));
        assertThat(sink.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(1);
    }

    @Test
    void lastSubscriptionClosedWhileRedisIsDown_leavesNoChannelBehind() {
        UUID gone = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        Subscription closing = broker.subscribe(Topic.handlerEvents(gone), Filter.any(), new RecordingSink());
        RecordingSink sink = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(kept), Filter.any(), sink);
        redis.kill();
        await().atMost(PATIENCE).until(() -> !healthy());

        closing.close();
        redis.restart();

        await().atMost(RESUMPTION).until(this::healthy);
        await().atMost(PATIENCE).until(() -> accountChannels().equals(List.of("luna-sender:" + kept)));
        publish(broker, publication(kept, "{\"seq\":1}"));
        assertThat(sink.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(1);
    }

    @Test
    void redisDroppingItsClients_isSurvived_channelsAreSubscribedAgain_andDeliveryResumes() {
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        Subscription subscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        RecordingSink general = new RecordingSink();
        broker.subscribe(Topic.generalEvents(), Filter.any(), general);
        Set<String> before = pubSubClientIds();

        assertThat(adminConnection.sync().clientKill(KillArgs.Builder.typePubsub())).isEqualTo(1L);
        assertThat(adminConnection.sync().clientKill(KillArgs.Builder.typeNormal().skipme())).isPositive();

        await().atMost(RESUMPTION).until(this::healthy);
        assertThat(pubSubClientIds()).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(accountChannels()).containsExactly("luna-sender:" + account);
        publish(broker, publication(account, "{\"seq\":1}"));
        publish(broker, new GeneralPublication(Event.parse("{\"seq\":2}"), "door", null, null, null,
                RequestId.generate()));
        assertThat(sink.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(1);
        assertThat(general.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(2);
        assertThat(subscription.isOpen()).isTrue();
    }

    @Test
    void health_provesARoundTrip() {
        assertThat(broker.checkHealth().toCompletableFuture()).succeedsWithin(PATIENCE);
        assertThat(broker.name()).isEqualTo("redis");
        assertThat(broker.toString()).isEqualTo("RedisBroker[redis://127.0.0.1:" + redis.port() + "]");
    }

    @Test
    void password_isMaskedInTheDescription_inBothForms() {
        assertThat(redis.cli("CONFIG", "SET", "requirepass", "hunter2")).isEqualTo("OK");
        try (RedisBroker withUser = RedisBroker.connect(URI.create("redis://default:hunter2@127.0.0.1:"
                + redis.port() + "/0"));
                RedisBroker passwordOnly = RedisBroker.connect(URI.create("redis://hunter2@127.0.0.1:"
                        + redis.port()))) {
            assertThat(withUser.toString()).isEqualTo("RedisBroker[redis://default:********@127.0.0.1:" + redis.port()
                    + "/0]");
            assertThat(passwordOnly.toString()).isEqualTo("RedisBroker[redis://********@127.0.0.1:" + redis.port()
                    + "]");
            assertThat(withUser.checkHealth().toCompletableFuture()).succeedsWithin(PATIENCE);
            assertThat(passwordOnly.checkHealth().toCompletableFuture()).succeedsWithin(PATIENCE);
        }
    }

    @Test
    void aRedisUserAllowedOnlySendersCommandsChannelsAndKeys_isEnough() {
        assertThat(redis.cli(RedisHistoryTest.HISTORY_ACL.toArray(String[]::new))).isEqualTo("OK");
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        RecordingSink general = new RecordingSink();

        try (RedisBroker restricted = RedisBroker.connect(URI.create("redis://sender:secret@127.0.0.1:"
                + redis.port()))) {
            restricted.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
            restricted.subscribe(Topic.generalEvents(), Filter.any(), general);
            publish(restricted, publication(account, "{\"seq\":1}"));
            publish(restricted, new GeneralPublication(Event.parse("{\"seq\":2}"), "door", null, null, null,
                    RequestId.generate()));

            assertThat(sink.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(1);
            assertThat(general.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(2);
            assertThat(restricted.checkHealth().toCompletableFuture()).succeedsWithin(PATIENCE);
        }
    }

    @Test
    void wrongPassword_failsToConnectWithAClearError_withoutShowingIt() {
        assertThat(redis.cli("CONFIG", "SET", "requirepass", "hunter2")).isEqualTo("OK");

        assertThatThrownBy(() -> RedisBroker.connect(URI.create("redis://default:wrong@127.0.0.1:" + redis.port())))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("cannot connect to Redis at redis://default:********@127.0.0.1:" + redis.port())
                .message().doesNotContain(":wrong@");
    }

    @Test
    void unreachableRedis_failsToConnectWithAClearError() {
        RedisServerProcess gone = RedisServerProcess.start();
        gone.close();

        assertThatThrownBy(() -> RedisBroker.connect(gone.uri()))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("cannot connect to Redis at redis://127.0.0.1:" + gone.port());
    }

    @Test
    void brokerStartedWithoutRedis_refusesPublications_acceptsSubscriptions_andWorksOnceRedisComesUp() {
        try (RedisServerProcess late = RedisServerProcess.reserve();
                RedisBroker waiting = RedisBroker.builder(late.uri()).startWithoutRedis(true).connect()) {
            UUID account = UUID.randomUUID();
            RecordingSink sink = new RecordingSink();
            Subscription early = waiting.subscribe(Topic.handlerEvents(account), Filter.any(), sink);

            assertThat(waiting.publish(publication(account, "{\"seq\":1}")).toCompletableFuture())
                    .failsWithin(Duration.ofSeconds(5)).withThrowableThat().withCauseInstanceOf(BrokerException.class)
                    .withMessageContaining("Redis at redis://127.0.0.1:" + late.port());
            assertThat(waiting.checkHealth().toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat().withMessageContaining("Redis at redis://127.0.0.1:" + late.port());
            assertThat(early.isOpen()).isTrue();

            late.launch();

            await().atMost(RESUMPTION).until(() -> healthy(waiting));
            publish(waiting, publication(account, "{\"seq\":2}"));
            assertThat(sink.awaitMessage()).as("the early subscriber receives once Redis is up")
                    .extracting(RedisBrokerTest::seq).isEqualTo(2);
            assertThat(early.isOpen()).isTrue();
        }
    }

    @Test
    void brokerStartedWithoutRedis_whenRedisIsUp_isConnectedAtOnce() {
        try (RedisBroker tolerant = RedisBroker.builder(redis.uri()).startWithoutRedis(true).connect()) {
            UUID account = UUID.randomUUID();
            RecordingSink sink = new RecordingSink();
            tolerant.subscribe(Topic.handlerEvents(account), Filter.any(), sink);

            publish(tolerant, publication(account, "{\"seq\":1}"));

            assertThat(sink.awaitMessage()).extracting(RedisBrokerTest::seq).isEqualTo(1);
            assertThat(tolerant.checkHealth().toCompletableFuture()).succeedsWithin(PATIENCE);
        }
    }

    @Test
    void builder_rejectsWhatCannotWork_namingTheSetting() {
        assertThatThrownBy(() -> RedisBroker.builder(URI.create("http://127.0.0.1:6379")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
        RedisBroker.Builder builder = RedisBroker.builder(redis.uri());
        assertThatThrownBy(() -> builder.commandTimeout(Duration.ZERO)).hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> builder.maxReconnectDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("maxReconnectDelay");
        assertThatThrownBy(() -> builder.maxPendingBytes(0)).hasMessageContaining("maxPendingBytes");
    }

    private boolean healthy() {
        return healthy(broker);
    }

    private static boolean healthy(RedisBroker broker) {
        try {
            broker.checkHealth().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
