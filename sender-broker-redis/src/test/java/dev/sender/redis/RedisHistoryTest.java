package dev.sender.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.HistoryOptions;
import dev.sender.core.Position;
import dev.sender.core.RequestId;
import dev.sender.core.StartAt;
import dev.sender.core.Subscription;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.PublicationJson;
import dev.sender.core.filter.Filter;
import dev.sender.core.testkit.CollectingSink;
import dev.sender.core.testkit.RecordingSink;
import dev.sender.redis.testing.RedisServerProcess;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is particular to history in Redis (SPEC §9): one stream per topic shared by every node, positions that are
 * the same on every node, LUNA handlers' own publications stored once, trimming, and Redis faults. Each test has
 * its own redis-server.
 */
class RedisHistoryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration RESUMPTION = Duration.ofSeconds(5);
    private static final HistoryOptions ROOMY = new HistoryOptions(100_000, Duration.ofMinutes(5), 1L << 30);
    /** The ACL line of docs/scale-out.md for a node with history. */
    static final List<String> HISTORY_ACL = List.of("ACL", "SETUSER", "sender", "on", ">secret", "resetchannels",
            "&luna-sender*", "&sender-health:*", "&sender-positions:*", "resetkeys", "~sender-history:*",
            "~sender-ingested:*", "-@all", "+publish", "+subscribe", "+unsubscribe", "+ping", "+eval", "+time",
            "+xadd", "+xtrim", "+pexpire", "+get", "+set", "+xrange", "+xrevrange", "+pubsub|numsub");
    /** The ACL line of docs/scale-out.md for a node without history. */
    static final List<String> PUBSUB_ACL = List.of("ACL", "SETUSER", "sender", "on", ">secret", "resetchannels",
            "&luna-sender*", "&sender-health:*", "-@all", "+publish", "+subscribe", "+unsubscribe", "+ping", "+eval",
            "+time");
    private static final Path GUIDE = Path.of("..", "docs", "scale-out.md");

    private RedisServerProcess redis;
    private RedisClient admin;
    private RedisCommands<String, String> commands;
    private final List<AutoCloseable> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        redis = RedisServerProcess.start();
        admin = RedisClient.create(redis.uri().toString());
        StatefulRedisConnection<String, String> connection = admin.connect();
        commands = connection.sync();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (AutoCloseable node : nodes) {
                node.close();
            }
            admin.shutdown();
        } finally {
            redis.close();
        }
    }

    private RedisBroker node(HistoryOptions history) {
        RedisBroker node = RedisBroker.builder(redis.uri()).history(history).connect();
        nodes.add(node);
        return node;
    }

    private static HandlerPublication publication(UUID account, String source, int... seqs) {
        return new HandlerPublication(account, "handler", "c", "e", RequestId.generate(),
                IntStream.of(seqs).mapToObj(seq -> event(source, seq)).toList());
    }

    private static Event event(String source, int seq) {
        return Event.parse("{\"source\":\"" + source + "\",\"seq\":" + seq + "}");
    }

    private static void publish(RedisBroker broker, HandlerPublication publication) {
        try {
            broker.publish(publication).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("publish failed", e);
        }
    }

    /** What a LUNA handler publishes on the account's channel for one event. */
    private static String lunaPayload(String requestId, int seq) {
        return "{\"handler_id\": \"luna-handler\", \"Luna-Request-Id\": \"" + requestId + "\", \"events\": ["
                + "{\"source\": \"luna\", \"seq\": " + seq + "}], \"event_create_time\": \"2019-08-24T14:15:22Z\", "
                + "\"event_end_time\": \"2019-08-24T14:15:23Z\"}";
    }

    /** Publishes as a LUNA handler does, on the account's channel, with a plain {@code PUBLISH}. */
    private void lunaPublish(UUID account, int seq) {
        commands.publish("luna-sender:" + account, lunaPayload(RequestId.generate(), seq));
    }

    private static Started started(RedisBroker broker, Topic topic, StartAt start) {
        RecordingSink sink = new RecordingSink();
        Subscription subscription = broker.subscribe(topic, Filter.any(), sink, Delivery.DIRECT, start);
        return new Started(subscription, sink, sink.drain());
    }

    private record Started(Subscription subscription, RecordingSink sink, List<EventMessage> replayed) {
        SubscriptionStart start() {
            return subscription.historyStart();
        }

        List<Integer> replayedSeqs() {
            return seqs(replayed);
        }
    }

    private static List<Integer> seqs(List<EventMessage> messages) {
        return messages.stream().map(m -> m.event().toTree().get("seq").intValue()).toList();
    }

    private static List<Position> positions(List<EventMessage> messages) {
        return messages.stream().map(EventMessage::position).toList();
    }

    private static String source(EventMessage message) {
        return message.event().source().orElseThrow();
    }

    private long streamLength(UUID account) {
        return commands.xlen("sender-history:{" + account + "}");
    }

    private static boolean healthy(RedisBroker broker) {
        try {
            broker.checkHealth().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void resume_onAnotherNode_replaysExactlyWhatWasMissed_atTheSamePositions_thenLiveEvents() {
        RedisBroker a = node(ROOMY);
        RedisBroker b = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        CollectingSink reference = new CollectingSink();
        a.subscribe(topic, Filter.any(), reference, Delivery.DIRECT, StartAt.live());
        Started first = started(a, topic, StartAt.live());
        publish(a, publication(account, "cam", 0, 1));
        EventMessage lastSeen = first.sink().awaitMessages(2).get(1);

        first.subscription().close();
        publish(b, publication(account, "cam", 2));
        publish(a, publication(account, "cam", 3, 4));
        Started resumed = started(b, topic, StartAt.after(lastSeen.position()));
        publish(a, publication(account, "cam", 5));

        assertThat(resumed.replayedSeqs()).containsExactly(2, 3, 4);
        await().atMost(PATIENCE).until(() -> reference.size() == 6);
        List<EventMessage> all = reference.messages();
        assertThat(positions(resumed.replayed())).isEqualTo(positions(all.subList(2, 5)));
        assertThat(resumed.start()).isEqualTo(new SubscriptionStart(all.get(4).position(), true));
        EventMessage live = resumed.sink().awaitMessage();
        assertThat(seqs(List.of(live))).containsExactly(5);
        assertThat(live.position()).isEqualTo(all.get(5).position());
        assertThat(resumed.replayed().get(0).toJson()).isEqualTo(all.get(2).toJson());
    }

    @Test
    void positions_areTheStreamEntryIdsAndTheEventIndex_andTheChannelPayloadStaysLunas() throws Exception {
        RedisBroker node = node(ROOMY);
        UUID account = UUID.randomUUID();
        RedisClient spyClient = RedisClient.create(redis.uri().toString());
        try {
            StatefulRedisPubSubConnection<String, String> spy = spyClient.connectPubSub();
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            spy.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    seen.add(message);
                }
            });
            spy.sync().subscribe("luna-sender:" + account);
            Started live = started(node, Topic.handlerEvents(account), StartAt.live());
            HandlerPublication publication = publication(account, "cam", 0, 1);

            publish(node, publication);

            List<StreamMessage<String, String>> entries = commands.xrange("sender-history:{" + account + "}",
                    Range.create("-", "+"));
            assertThat(entries).hasSize(1);
            String id = entries.get(0).getId();
            String lunaPayload = new String(PublicationJson.writeHandlerChannelMessage(publication),
                    StandardCharsets.UTF_8);
            assertThat(entries.get(0).getBody()).isEqualTo(Map.of("p", lunaPayload));
            String onTheChannel = seen.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(onTheChannel).isEqualTo(lunaPayload.substring(0, lunaPayload.length() - 1)
                    + ",\"sender_history_id\":\"" + id + "\"}");
            assertThat(PublicationJson.readHandlerChannelMessage(onTheChannel.getBytes(StandardCharsets.UTF_8),
                    account, "unused")).as("what LUNA's Sender reads").isEqualTo(publication);
            assertThat(positions(live.sink().awaitMessages(2)))
                    .containsExactly(Position.of(id + ".0"), Position.of(id + ".1"));
        } finally {
            spyClient.shutdown();
        }
    }

    @Test
    void lunaHandlersPublication_heardByTwoNodes_isStoredOnce_andBothDeliverItAtOnePosition() {
        RedisBroker a = node(ROOMY);
        RedisBroker b = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        Started onA = started(a, topic, StartAt.live());
        Started onB = started(b, topic, StartAt.live());
        String requestId = RequestId.generate();

        assertThat(redis.cli("PUBLISH", "luna-sender:" + account, lunaPayload(requestId, 7))).isEqualTo("2");

        HandlerEventMessage fromA = (HandlerEventMessage) onA.sink().awaitMessage();
        HandlerEventMessage fromB = (HandlerEventMessage) onB.sink().awaitMessage();
        assertThat(fromA.position()).isNotNull().isEqualTo(fromB.position());
        assertThat(fromA.requestId()).isEqualTo(requestId);
        assertThat(fromA.handlerId()).isEqualTo("luna-handler");
        assertThat(streamLength(account)).isEqualTo(1);
        Started resumed = started(b, topic, StartAt.after(null));
        assertThat(resumed.replayedSeqs()).containsExactly(7);
        assertThat(positions(resumed.replayed())).containsExactly(fromA.position());
        assertThat(resumed.replayed().get(0).toJson()).isEqualTo(fromA.toJson());
        assertThat(onA.sink().drain()).isEmpty();
        assertThat(onB.sink().drain()).isEmpty();
    }

    @Test
    void lunaHandlersPublicationWithoutRequestId_getsTheSameOneOnEveryNodeAndInReplays() {
        RedisBroker a = node(ROOMY);
        RedisBroker b = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        Started onA = started(a, topic, StartAt.live());
        Started onB = started(b, topic, StartAt.live());

        commands.publish("luna-sender:" + account, "{\"handler_id\": \"h\", \"events\": [{\"seq\": 1}], "
                + "\"event_create_time\": \"c\", \"event_end_time\": \"e\"}");

        EventMessage fromA = onA.sink().awaitMessage();
        EventMessage fromB = onB.sink().awaitMessage();
        assertThat(RequestId.isValid(fromA.requestId())).isTrue();
        assertThat(fromB.requestId()).isEqualTo(fromA.requestId());
        assertThat(started(a, topic, StartAt.last(1)).replayed().get(0).requestId()).isEqualTo(fromA.requestId());
    }

    @Test
    void lunaHandlersAndSenderPublications_interleaved_reachEveryNodeInPositionOrder() {
        RedisBroker a = node(ROOMY);
        RedisBroker b = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        CollectingSink onA = new CollectingSink();
        CollectingSink onB = new CollectingSink();
        a.subscribe(topic, Filter.any(), onA, Delivery.DIRECT, StartAt.live());
        b.subscribe(topic, Filter.any(), onB, Delivery.QUEUED, StartAt.live());
        List<CompletableFuture<Void>> accepted = new ArrayList<>();

        for (int seq = 0; seq < 200; seq++) {
            if (seq % 2 == 0) {
                lunaPublish(account, seq);
            } else {
                accepted.add((seq % 4 == 1 ? a : b).publish(publication(account, "sender", seq))
                        .toCompletableFuture());
            }
        }

        assertThat(CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new))).succeedsWithin(PATIENCE);
        await().atMost(PATIENCE).until(() -> onA.size() == 200 && onB.size() == 200);
        List<Position> order = positions(onA.messages());
        assertThat(order).isSortedAccordingTo(positionOrder()).doesNotHaveDuplicates();
        assertThat(positions(onB.messages())).isEqualTo(order);
        assertThat(seqs(onA.messages())).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).boxed().toList());
        assertThat(seqs(onA.messages()).stream().filter(seq -> seq % 2 == 0).toList()).as("LUNA's, in channel order")
                .isEqualTo(IntStream.range(0, 100).map(i -> i * 2).boxed().toList());
        assertThat(positions(started(b, topic, StartAt.after(null)).replayed())).isEqualTo(order);
        assertThat(streamLength(account)).isEqualTo(200);
    }

    /** The order of positions the Redis broker issues, as the tests may know it: entry ID, then index. */
    private static Comparator<Position> positionOrder() {
        return Comparator.comparing((Position p) -> Long.parseLong(p.value().split("[-.]")[0]))
                .thenComparing(p -> Long.parseLong(p.value().split("[-.]")[1]))
                .thenComparing(p -> Integer.parseInt(p.value().split("[-.]")[2]));
    }

    @Test
    void seamAcrossNodes_underConcurrentPublishingOfBothKinds_repeatsNothingAndMissesNothing() throws Exception {
        RedisBroker a = node(ROOMY);
        RedisBroker b = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        int perSource = 1000;
        CollectingSink reference = new CollectingSink();
        a.subscribe(topic, Filter.any(), reference, Delivery.DIRECT, StartAt.live());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> sender = pool.submit(() -> IntStream.range(0, perSource)
                    .forEach(seq -> publish(a, publication(account, "sender", seq))));
            Future<?> luna = pool.submit(() -> IntStream.range(0, perSource).forEach(seq -> lunaPublish(account, seq)));
            await().atMost(PATIENCE).until(() -> reference.size() >= perSource / 2);
            Position resumeAt = reference.messages().get(perSource / 2 - 200).position();
            CollectingSink resumed = new CollectingSink();
            Subscription since = b.subscribe(topic, Filter.any(), resumed, Delivery.QUEUED, StartAt.after(resumeAt));
            CollectingSink rewound = new CollectingSink();
            Subscription rewind = b.subscribe(topic, Filter.any(), rewound, Delivery.DIRECT, StartAt.last(300));
            sender.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            luna.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            await().atMost(PATIENCE).until(() -> reference.size() == 2 * perSource);
            List<EventMessage> all = reference.messages();
            Map<String, List<Integer>> bySource = all.stream().collect(Collectors.groupingBy(RedisHistoryTest::source,
                    Collectors.mapping(m -> seqs(List.of(m)).get(0), Collectors.toList())));
            List<Integer> everySeq = IntStream.range(0, perSource).boxed().toList();
            assertThat(bySource).containsOnlyKeys("sender", "luna");
            assertThat(bySource.get("sender")).isEqualTo(everySeq);
            assertThat(bySource.get("luna")).isEqualTo(everySeq);
            List<Position> order = positions(all);
            assertThat(order).isSortedAccordingTo(positionOrder()).doesNotHaveDuplicates();

            assertThat(since.historyStart().recovered()).isTrue();
            awaitSuffix(resumed, order, order.indexOf(resumeAt) + 1);
            int rewindLatest = order.indexOf(rewind.historyStart().latest());
            awaitSuffix(rewound, order, rewindLatest + 1 - 300);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitSuffix(CollectingSink sink, List<Position> order, int from) {
        List<Position> expected = order.subList(from, order.size());
        await().atMost(PATIENCE).until(() -> sink.size() >= expected.size());
        assertThat(positions(sink.messages())).as("replayed then live, from index %s", from).isEqualTo(expected);
    }

    @Test
    void aNodeThatJoinsWhileAnotherLags_storesNothingBeforeTheEarlierPayloadsItDidNotHear() throws Exception {
        RedisBroker a = node(ROOMY);
        RedisBroker b = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        CountDownLatch release = new CountDownLatch(1);
        CollectingSink onA = new CollectingSink();
        a.subscribe(topic, Filter.any(), message -> {
            awaitQuietly(release); // holds node a's dispatching thread up: a lags behind the channel
            onA.onMessage(message);
        }, Delivery.DIRECT, StartAt.live());
        lunaPublish(account, 0);
        await().atMost(PATIENCE).until(() -> streamLength(account) == 1);
        lunaPublish(account, 1); // heard by a only, which does not get to store it yet

        CollectingSink onB = new CollectingSink();
        b.subscribe(topic, Filter.any(), onB, Delivery.DIRECT, StartAt.live());
        lunaPublish(account, 2); // heard by both

        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> streamLength(account) == 1);
        release.countDown();
        await().atMost(PATIENCE).until(() -> onA.size() == 3 && onB.size() == 2);
        assertThat(seqs(onA.messages())).containsExactly(0, 1, 2);
        assertThat(seqs(onB.messages())).as("1 read from the stream, as announced").containsExactly(1, 2);
        assertThat(positions(onB.messages())).isEqualTo(positions(onA.messages()).subList(1, 3));
        assertThat(seqs(started(b, topic, StartAt.after(null)).replayed())).containsExactly(0, 1, 2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void announcementOfAPublicationThisNodeDidNotHear_isReadFromTheStream() {
        RedisBroker node = node(ROOMY);
        UUID account = UUID.randomUUID();
        Started live = started(node, Topic.handlerEvents(account), StartAt.live());
        // Another node stored a LUNA handler's payload that was published before this node listened.
        String id = commands.xadd("sender-history:{" + account + "}", Map.of("p",
                lunaPayload(RequestId.generate(), 3)));

        commands.publish("sender-positions:" + account, id + " " + "0".repeat(64));

        EventMessage message = live.sink().awaitMessage();
        assertThat(seqs(List.of(message))).containsExactly(3);
        assertThat(message.position()).isEqualTo(Position.of(id + ".0"));
    }

    @Test
    void lunaPayloadPublishedTwiceByteForByte_countsAsOnePublication() {
        RedisBroker node = node(ROOMY);
        UUID account = UUID.randomUUID();
        Started live = started(node, Topic.handlerEvents(account), StartAt.live());
        String twice = lunaPayload(RequestId.generate(), 1);

        commands.publish("luna-sender:" + account, twice);
        commands.publish("luna-sender:" + account, twice);
        lunaPublish(account, 2);

        assertThat(seqs(live.sink().awaitMessages(2))).containsExactly(1, 2);
        assertThat(streamLength(account)).isEqualTo(2);
        assertThat(live.sink().drain()).isEmpty();
    }

    @Test
    void stream_isTrimmedToAboutTheHistorySize_whileReplaysKeepToItExactly() {
        RedisBroker node = node(new HistoryOptions(10, Duration.ofMinutes(5), HistoryOptions.DEFAULT_MAX_BYTES));
        UUID account = UUID.randomUUID();
        List<CompletableFuture<Void>> accepted = new ArrayList<>();

        for (int seq = 0; seq < 500; seq++) {
            accepted.add(node.publish(publication(account, "cam", seq)).toCompletableFuture());
        }

        assertThat(CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new))).succeedsWithin(PATIENCE);
        assertThat(streamLength(account)).as("MAXLEN ~ drops whole blocks of 100 entries").isBetween(11L, 120L);
        Started all = started(node, Topic.handlerEvents(account), StartAt.after(null));
        assertThat(all.replayedSeqs()).isEqualTo(IntStream.range(490, 500).boxed().toList());
    }

    @Test
    void publicationsSentWithoutWaiting_whileRedisHasNoScriptCached_keepTheirOrderInTheStreamAndLive() {
        RedisBroker node = node(ROOMY);
        UUID account = UUID.randomUUID();
        Started live = started(node, Topic.handlerEvents(account), StartAt.live());
        List<CompletableFuture<Void>> accepted = new ArrayList<>();

        for (int seq = 0; seq < 2000; seq++) {
            if (seq % 20 == 10) {
                commands.scriptFlush(); // as a restarted Redis forgets its scripts
            }
            accepted.add(node.publish(publication(account, "cam", seq)).toCompletableFuture());
        }

        assertThat(CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new))).succeedsWithin(PATIENCE);
        List<Integer> inOrder = IntStream.range(0, 2000).boxed().toList();
        assertThat(seqs(live.sink().awaitMessages(2000))).isEqualTo(inOrder);
        assertThat(started(node, Topic.handlerEvents(account), StartAt.after(null)).replayedSeqs()).isEqualTo(inOrder);
    }

    @Test
    void oldEntries_leaveTheStreamWhileTheTopicStaysBusy_andAnIdleStreamExpires() {
        RedisBroker node = node(new HistoryOptions(100_000, Duration.ofMillis(500), HistoryOptions.DEFAULT_MAX_BYTES));
        UUID account = UUID.randomUUID();
        List<CompletableFuture<Void>> burst = new ArrayList<>();
        for (int seq = 0; seq < 300; seq++) {
            burst.add(node.publish(publication(account, "cam", seq)).toCompletableFuture());
        }
        assertThat(CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new))).succeedsWithin(PATIENCE);
        assertThat(streamLength(account)).isGreaterThan(200);
        long pttl = commands.pttl("sender-history:{" + account + "}");
        assertThat(pttl).as("twice the TTL after the last addition").isBetween(1L, 1000L);

        int[] seq = {300};
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(node, publication(account, "cam", seq[0]++));
            return streamLength(account) < 100;
        });

        await().atMost(PATIENCE).until(() -> commands.exists("sender-history:{" + account + "}") == 0);
    }

    @Test
    void historyLostWithARedisRestart_resumeIsNotRecovered_andReplaysWhatIsRetained() {
        RedisBroker node = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        Started live = started(node, topic, StartAt.live());
        publish(node, publication(account, "cam", 0, 1, 2));
        EventMessage lastSeen = live.sink().awaitMessages(3).get(2);

        redis.kill();
        redis.restart();
        await().atMost(PATIENCE).until(() -> healthy(node));
        publish(node, publication(account, "cam", 3));
        publish(node, publication(account, "cam", 4));

        Started resumed = started(node, topic, StartAt.after(lastSeen.position()));
        assertThat(resumed.start().recovered()).isFalse();
        assertThat(resumed.replayedSeqs()).containsExactly(3, 4);
        assertThat(resumed.start().latest()).isEqualTo(resumed.replayed().get(1).position());
    }

    @Test
    void resumeWhileRedisIsDown_opensLive_notRecovered_andReceivesOnceRedisIsBack() {
        RedisBroker node = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        Started live = started(node, topic, StartAt.live());
        publish(node, publication(account, "cam", 0));
        EventMessage lastSeen = live.sink().awaitMessage();
        live.subscription().close();

        redis.kill();
        await().atMost(PATIENCE).until(() -> !healthy(node));
        assertThat(node.publish(publication(account, "cam", 1)).toCompletableFuture())
                .failsWithin(Duration.ofSeconds(5)).withThrowableThat().withCauseInstanceOf(BrokerException.class);
        Started resumed = started(node, topic, StartAt.after(lastSeen.position()));

        assertThat(resumed.start()).isEqualTo(new SubscriptionStart(null, false));
        assertThat(resumed.replayed()).isEmpty();
        assertThat(resumed.subscription().isOpen()).isTrue();
        redis.restart();
        await().atMost(RESUMPTION).until(() -> healthy(node));
        publish(node, publication(account, "cam", 2));
        EventMessage next = resumed.sink().awaitMessage();
        assertThat(seqs(List.of(next))).containsExactly(2);
        assertThat(next.position()).isNotNull();
    }

    @Test
    void aRedisUserAllowedTheCommandsAndKeysOfTheDocs_isEnoughForHistory() {
        assertThat(redis.cli(HISTORY_ACL.toArray(String[]::new))).isEqualTo("OK");
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        try (RedisBroker restricted = RedisBroker.builder(URI.create("redis://sender:secret@127.0.0.1:"
                + redis.port())).history(ROOMY).connect()) {
            Started live = started(restricted, topic, StartAt.live());
            publish(restricted, publication(account, "cam", 1));
            lunaPublish(account, 2);
            List<EventMessage> received = live.sink().awaitMessages(2);

            assertThat(received).allSatisfy(m -> assertThat(m.position()).isNotNull());
            Started resumed = started(restricted, topic, StartAt.after(received.get(0).position()));
            assertThat(resumed.start().recovered()).isTrue();
            assertThat(resumed.replayedSeqs()).containsExactly(2);
            assertThat(started(restricted, topic, StartAt.last(5)).replayedSeqs()).containsExactly(1, 2);
            assertThat(restricted.checkHealth().toCompletableFuture()).succeedsWithin(PATIENCE);
        }
    }

    @Test
    void withoutHistory_theNodeNeedsOnlyPubSub_andLunasPayloadsTravelUnchanged() {
        assertThat(redis.cli(PUBSUB_ACL.toArray(String[]::new))).isEqualTo("OK");
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        try (RedisBroker plain = RedisBroker.builder(URI.create("redis://sender:secret@127.0.0.1:"
                + redis.port())).history(HistoryOptions.OFF).connect()) {
            Started live = started(plain, topic, StartAt.live());
            publish(plain, publication(account, "cam", 1));
            lunaPublish(account, 2);

            assertThat(live.sink().awaitMessages(2)).allSatisfy(m -> assertThat(m.position()).isNull());
            assertThat(live.start()).isEqualTo(SubscriptionStart.NO_HISTORY);
            assertThat(plain.history()).isEqualTo(HistoryOptions.OFF);
            assertThat(commands.keys("sender-*")).isEmpty();
        }
    }

    @Test
    void theGuidesAclLines_areTheOnesTestedHere() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("ACL SETUSER")).toList();

        assertThat(lines).containsExactly(String.join(" ", HISTORY_ACL), String.join(" ", PUBSUB_ACL));
    }

    @Test
    void lunaPayloadThatRedisWillNotStore_isDeliveredWithoutAPosition() {
        // A user without the history's keys: the script that stores a payload is refused.
        assertThat(redis.cli("ACL", "SETUSER", "sender", "on", ">secret", "resetchannels", "&luna-sender*",
                "&sender-health:*", "&sender-positions:*", "-@all", "+publish", "+subscribe", "+unsubscribe", "+ping",
                "+eval", "+time", "+xrevrange")).isEqualTo("OK");
        UUID account = UUID.randomUUID();
        try (RedisBroker refused = RedisBroker.builder(URI.create("redis://sender:secret@127.0.0.1:"
                + redis.port())).history(ROOMY).connect()) {
            Started live = started(refused, Topic.handlerEvents(account), StartAt.live());

            lunaPublish(account, 1);

            EventMessage message = live.sink().awaitMessage();
            assertThat(seqs(List.of(message))).containsExactly(1);
            assertThat(message.position()).isNull();
            assertThat(refused.publish(publication(account, "cam", 2)).toCompletableFuture())
                    .failsWithin(Duration.ofSeconds(5)).withThrowableThat().withCauseInstanceOf(BrokerException.class);
        }
    }

    @Test
    void rewind_readsBackwardsAcrossBatchesOfEntries() {
        RedisBroker node = node(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (int seq = 0; seq < 450; seq += 3) {
            accepted.add(node.publish(publication(account, "cam", seq, seq + 1, seq + 2)).toCompletableFuture());
        }
        assertThat(CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new))).succeedsWithin(PATIENCE);
        List<StreamMessage<String, String>> newest = commands.xrevrange("sender-history:{" + account + "}",
                Range.create("-", "+"), Limit.from(1));

        Started last = started(node, topic, StartAt.last(400));
        Started since = started(node, topic, StartAt.after(Position.of(commands.xrange("sender-history:{" + account
                + "}", Range.create("-", "+"), Limit.from(1)).get(0).getId() + ".2")));

        assertThat(last.replayedSeqs()).isEqualTo(IntStream.range(50, 450).boxed().toList());
        assertThat(last.start().latest()).isEqualTo(Position.of(newest.get(0).getId() + ".2"));
        assertThat(since.replayedSeqs()).isEqualTo(IntStream.range(3, 450).boxed().toList());
        assertThat(since.start().recovered()).isTrue();
    }
}
