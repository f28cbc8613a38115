package dev.sender.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.Position;
import dev.sender.core.RequestId;
import dev.sender.core.StartAt;
import dev.sender.core.Subscription;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history every {@link Broker} that keeps one must have (SPEC §9): positions on every message, replays
 * after a position or of the last events that match, an exact seam between replay and live under concurrent
 * publishing, and the bounds of retention. A test class per implementation extends this and says how to create
 * a broker with given history options.
 *
 * <p>Replays are read from {@link Delivery#DIRECT} subscriptions, whose replay has reached the sink when
 * {@code subscribe} returns. Handler-event tests use fresh accounts; general-event tests start after the latest
 * general event, so that a history shared by several brokers (Redis) does not disturb them.
 */
public abstract class HistoryContract {

    /** A history large enough that no test trims it unless it means to. */
    protected static final HistoryOptions ROOMY = new HistoryOptions(100_000, Duration.ofMinutes(5), 1L << 30);

    private static final Field SOURCE = Field.of("event.source");
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new ArrayList<>();

    /**
     * A new broker keeping {@code history}; the contract closes it after each test.
     *
     * @param options limits of queued subscriptions
     * @param history how much history to keep
     * @return the broker
     */
    protected abstract Broker newBroker(DeliveryOptions options, HistoryOptions history);

    /**
     * Whether the broker bounds the bytes of history across topics ({@link HistoryOptions#maxBytes()}); a broker
     * that bounds each topic by size and TTL only (Redis) answers false and skips that test.
     *
     * @return true for the in-memory broker
     */
    protected boolean boundsBytesAcrossTopics() {
        return true;
    }

    /** A new broker with default queue limits keeping {@code history}, closed after the test. */
    protected final Broker broker(HistoryOptions history) {
        return broker(DeliveryOptions.ofDefaults(), history);
    }

    /** A new broker with the given limits keeping {@code history}, closed after the test. */
    protected final Broker broker(DeliveryOptions options, HistoryOptions history) {
        Broker broker = newBroker(options, history);
        resources.add(broker);
        return broker;
    }

    @AfterEach
    final void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    /** A subscription started with a direct sink, and what it replayed before {@code subscribe} returned. */
    protected record Started(Subscription subscription, RecordingSink sink, List<EventMessage> replayed) {

        /** What the history held when the subscription started. */
        public SubscriptionStart start() {
            return subscription.historyStart();
        }

        /** The seq numbers of the replayed events. */
        public List<Integer> replayedSeqs() {
            return seqs(replayed);
        }
    }

    /** Subscribes a direct recording sink at {@code start}. */
    protected static Started start(Broker broker, Topic topic, Filter filter, StartAt start) {
        RecordingSink sink = new RecordingSink();
        Subscription subscription = broker.subscribe(topic, filter, sink, Delivery.DIRECT, start);
        return new Started(subscription, sink, sink.drain());
    }

    /** An event {@code {"source": source, "seq": seq}}, as {@link BrokerContract#event}. */
    protected static Event event(String source, int seq) {
        return BrokerContract.event(source, seq);
    }

    /** A publication of {@code events} to {@code account}, as {@link BrokerContract#publication}. */
    protected static HandlerPublication publication(UUID account, Event... events) {
        return BrokerContract.publication(account, events);
    }

    /** Publishes and waits until the broker has accepted, as {@link BrokerContract#publish}. */
    protected static void publish(Broker broker, Publication publication) {
        BrokerContract.publish(broker, publication);
    }

    /** Publishes one event of {@code source} per seq in {@code [from, to)}, each in its own publication. */
    protected static void publishEach(Broker broker, UUID account, String source, int from, int to) {
        for (int seq = from; seq < to; seq++) {
            publish(broker, publication(account, event(source, seq)));
        }
    }

    /**
     * Publishes {@code count} events to {@code account} with seq 0 to count - 1 (in publications of up to three),
     * and returns them as a live subscriber received them.
     */
    protected static List<EventMessage> publishRecorded(Broker broker, UUID account, int count) {
        RecordingSink live = new RecordingSink();
        Subscription subscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), live,
                Delivery.DIRECT);
        for (int seq = 0; seq < count; seq += 3) {
            Event[] events = IntStream.range(seq, Math.min(count, seq + 3)).mapToObj(i -> event("cam", i))
                    .toArray(Event[]::new);
            publish(broker, publication(account, events));
        }
        List<EventMessage> received = live.awaitMessages(count);
        subscription.close();
        return received;
    }

    /** The {@code seq} of each message's event. */
    protected static List<Integer> seqs(List<EventMessage> messages) {
        return messages.stream().map(HistoryContract::seq).toList();
    }

    /** The position of each message. */
    protected static List<Position> positions(List<EventMessage> messages) {
        return messages.stream().map(EventMessage::position).toList();
    }

    private static int seq(EventMessage message) {
        return message.event().toTree().get("seq").intValue();
    }

    private static String source(EventMessage message) {
        return message.event().source().orElseThrow();
    }

    @Test
    void everyMessage_hasAWellFormedPosition_uniqueAndInPublishOrder() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();

        List<EventMessage> received = publishRecorded(broker, account, 9);

        assertThat(seqs(received)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(received).allSatisfy(m -> {
            assertThat(m.position()).isNotNull();
            assertThat(Position.isWellFormed(m.position().value())).isTrue();
        });
        assertThat(new HashSet<>(positions(received))).hasSize(9);
        SubscriptionStart start = start(broker, Topic.handlerEvents(account), Filter.any(), StartAt.live()).start();
        assertThat(start.latest()).isEqualTo(received.get(8).position());
        assertThat(start.recovered()).isTrue();
        assertThat(broker.history()).isEqualTo(ROOMY);
    }

    @Test
    void sinceNothing_replaysEveryRetainedEventInOrder_thenLiveOnes() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 10);

        Started started = start(broker, Topic.handlerEvents(account), Filter.any(), StartAt.after(null));
        publishEach(broker, account, "cam", 10, 12);

        assertThat(positions(started.replayed())).isEqualTo(positions(published));
        assertThat(started.replayedSeqs()).isEqualTo(IntStream.range(0, 10).boxed().toList());
        assertThat(started.start()).isEqualTo(new SubscriptionStart(published.get(9).position(), true));
        List<EventMessage> live = started.sink().awaitMessages(2);
        assertThat(seqs(live)).containsExactly(10, 11);
        assertThat(live).allSatisfy(m -> assertThat(m.position()).isNotNull());
        assertThat(started.sink().drain()).isEmpty();
    }

    @Test
    void since_eachPosition_replaysExactlyTheEventsAfterIt() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 7);

        for (int i = 0; i < published.size(); i++) {
            Started started = start(broker, Topic.handlerEvents(account), Filter.any(),
                    StartAt.after(published.get(i).position()));
            assertThat(started.replayedSeqs()).as("after %s", i)
                    .isEqualTo(IntStream.range(i + 1, 7).boxed().toList());
            assertThat(started.start()).as("after %s", i)
                    .isEqualTo(new SubscriptionStart(published.get(6).position(), true));
        }
    }

    @Test
    void since_aPositionNeverIssued_isNotRecovered_andReplaysFromTheOldest() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 4);

        for (String never : List.of("never.issued", "0", "1", "0-0", "zz:1", "99999999999999-0",
                "9".repeat(Position.MAX_LENGTH))) {
            Started started = start(broker, Topic.handlerEvents(account), Filter.any(),
                    StartAt.after(Position.of(never)));
            assertThat(started.start()).as(never)
                    .isEqualTo(new SubscriptionStart(published.get(3).position(), false));
            assertThat(started.replayedSeqs()).as(never).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void since_aPositionTrimmedBySize_isNotRecovered_whileThePositionJustBeforeTheOldestIs() {
        Broker broker = broker(new HistoryOptions(3, Duration.ofMinutes(5), HistoryOptions.DEFAULT_MAX_BYTES));
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 5);
        Topic topic = Topic.handlerEvents(account);

        Started trimmed = start(broker, topic, Filter.any(), StartAt.after(published.get(0).position()));
        Started beforeOldest = start(broker, topic, Filter.any(), StartAt.after(published.get(1).position()));
        Started retained = start(broker, topic, Filter.any(), StartAt.after(published.get(2).position()));
        Started all = start(broker, topic, Filter.any(), StartAt.after(null));

        assertThat(trimmed.start().recovered()).isFalse();
        assertThat(trimmed.replayedSeqs()).containsExactly(2, 3, 4);
        assertThat(beforeOldest.start().recovered()).as("every event after it is retained").isTrue();
        assertThat(beforeOldest.replayedSeqs()).containsExactly(2, 3, 4);
        assertThat(retained.start().recovered()).isTrue();
        assertThat(retained.replayedSeqs()).containsExactly(3, 4);
        assertThat(all.replayedSeqs()).containsExactly(2, 3, 4);
        assertThat(all.start().latest()).isEqualTo(published.get(4).position());
    }

    @Test
    void size_boundsEachTopicOnItsOwn() {
        Broker broker = broker(new HistoryOptions(3, Duration.ofMinutes(5), HistoryOptions.DEFAULT_MAX_BYTES));
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        publishEach(broker, busy, "busy", 0, 6);
        publishEach(broker, quiet, "quiet", 0, 2);

        assertThat(start(broker, Topic.handlerEvents(busy), Filter.any(), StartAt.after(null)).replayedSeqs())
                .containsExactly(3, 4, 5);
        assertThat(start(broker, Topic.handlerEvents(quiet), Filter.any(), StartAt.after(null)).replayedSeqs())
                .containsExactly(0, 1);
    }

    @Test
    void rewind_replaysTheLastEventsThatMatchTheFilter_thenMatchingLiveOnes() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        for (int seq = 0; seq < 10; seq += 2) {
            publish(broker, publication(account, event("cam1", seq), event("cam2", seq + 1)));
        }
        Filter cam1 = Filter.eq(SOURCE, Value.string("cam1"));

        Started lastThree = start(broker, topic, cam1, StartAt.last(3));
        Started moreThanRetained = start(broker, topic, cam1, StartAt.last(100));
        Started lastTwoOfAll = start(broker, topic, Filter.any(), StartAt.last(2));
        publish(broker, publication(account, event("cam2", 10), event("cam1", 11)));

        assertThat(lastThree.replayedSeqs()).containsExactly(4, 6, 8);
        assertThat(lastThree.start().recovered()).isTrue();
        assertThat(lastThree.start().latest()).isEqualTo(lastTwoOfAll.replayed().get(1).position());
        assertThat(moreThanRetained.replayedSeqs()).containsExactly(0, 2, 4, 6, 8);
        assertThat(lastTwoOfAll.replayedSeqs()).containsExactly(8, 9);
        assertThat(seqs(lastThree.sink().awaitMessages(1))).containsExactly(11);
        assertThat(seqs(lastTwoOfAll.sink().awaitMessages(2))).containsExactly(10, 11);
        assertThat(lastThree.sink().drain()).isEmpty();
    }

    @Test
    void replaysAndLatest_neverCrossAccounts() {
        Broker broker = broker(ROOMY);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int seq = 0; seq < 6; seq++) {
            publish(broker, publication(seq % 2 == 0 ? a : b, event(seq % 2 == 0 ? "a" : "b", seq)));
        }

        Started ofA = start(broker, Topic.handlerEvents(a), Filter.any(), StartAt.after(null));
        Started ofB = start(broker, Topic.handlerEvents(b), Filter.any(), StartAt.last(10));
        Started ofNeither = start(broker, Topic.handlerEvents(UUID.randomUUID()), Filter.any(), StartAt.last(10));

        assertThat(ofA.replayed()).extracting(HistoryContract::source).containsOnly("a");
        assertThat(ofA.replayedSeqs()).containsExactly(0, 2, 4);
        assertThat(ofB.replayedSeqs()).containsExactly(1, 3, 5);
        assertThat(ofA.start().latest()).isEqualTo(ofA.replayed().get(2).position());
        assertThat(ofB.start().latest()).isEqualTo(ofB.replayed().get(2).position());
        assertThat(ofNeither.replayed()).isEmpty();
        assertThat(ofNeither.start()).isEqualTo(new SubscriptionStart(null, true));
    }

    @Test
    void emptyTopic_hasNoLatestPosition_untilItsFirstEvent() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);

        Started live = start(broker, topic, Filter.any(), StartAt.live());
        Started all = start(broker, topic, Filter.any(), StartAt.after(null));
        publishEach(broker, account, "cam", 0, 1);
        EventMessage first = live.sink().awaitMessage();

        assertThat(live.start()).isEqualTo(new SubscriptionStart(null, true));
        assertThat(all.start()).isEqualTo(new SubscriptionStart(null, true));
        assertThat(all.replayed()).isEmpty();
        assertThat(all.sink().awaitMessage().position()).isEqualTo(first.position());
        assertThat(start(broker, topic, Filter.any(), StartAt.live()).start().latest()).isEqualTo(first.position());
    }

    @Test
    void generalEvents_haveAHistoryOfTheirOwn() {
        Broker broker = broker(ROOMY);
        Topic general = Topic.generalEvents();
        Position before = start(broker, general, Filter.any(), StartAt.live()).start().latest();
        String type = "door-" + UUID.randomUUID();
        UUID account = UUID.randomUUID();
        for (int seq = 0; seq < 3; seq++) {
            publish(broker, new GeneralPublication(event("door", seq), type, null, null, null, RequestId.generate()));
        }
        publishEach(broker, account, "cam", 100, 102);
        Filter ofType = Filter.eq(Field.of("event_type"), Value.string(type));

        Started after = start(broker, general, ofType, StartAt.after(before));
        Started lastTwo = start(broker, general, ofType, StartAt.last(2));

        assertThat(after.replayedSeqs()).containsExactly(0, 1, 2);
        assertThat(after.start().recovered()).isTrue();
        assertThat(after.start().latest()).isEqualTo(after.replayed().get(2).position());
        assertThat(lastTwo.replayedSeqs()).containsExactly(1, 2);
        assertThat(start(broker, Topic.handlerEvents(account), Filter.any(), StartAt.after(null)).replayedSeqs())
                .containsExactly(100, 101);
    }

    @Test
    void replayedMessages_areTheStoredMessagesWithTheirPositions() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 3);

        List<EventMessage> replayed = start(broker, Topic.handlerEvents(account), Filter.any(), StartAt.last(3))
                .replayed();

        for (int i = 0; i < 3; i++) {
            EventMessage live = published.get(i);
            EventMessage again = replayed.get(i);
            assertThat(again.toJson()).isEqualTo(live.toJson());
            assertThat(again.position()).isEqualTo(live.position());
            String withPosition = StandardCharsets.UTF_8.decode(again.jsonWithPosition()).toString();
            assertThat(withPosition).isEqualTo(StandardCharsets.UTF_8.decode(live.jsonWithPosition()).toString())
                    .endsWith(",\"position\":\"" + live.position().value() + "\"}");
        }
    }

    @Test
    void replay_goesThroughTheQueueLimits() {
        Broker broker = broker(new DeliveryOptions(5, 1 << 20), ROOMY);
        UUID account = UUID.randomUUID();
        publishEach(broker, account, "cam", 0, 10);
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink stalled = new RecordingSink() {
            @Override
            public void onMessage(EventMessage message) {
                awaitQuietly(release);
                super.onMessage(message);
            }
        };

        Subscription subscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), stalled,
                Delivery.QUEUED, StartAt.after(null));

        await().atMost(LONG_WAIT).until(() -> !subscription.isOpen());
        release.countDown();
        assertThat(stalled.awaitClose()).isEqualTo(CloseReason.OVERFLOW);
    }

    @Test
    void historyStats_countReplaysAndTheResumesThatWereNotRecovered() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 4);
        Topic topic = Topic.handlerEvents(account);
        HistoryStats before = broker.historyStats();

        start(broker, topic, Filter.any(), StartAt.after(published.get(1).position()));
        start(broker, topic, Filter.any(), StartAt.last(3));
        start(broker, topic, Filter.any(), StartAt.after(Position.of("never.issued")));
        start(broker, topic, Filter.any(), StartAt.live());

        HistoryStats after = broker.historyStats();
        assertThat(after.replaysServed() - before.replaysServed()).isEqualTo(3);
        assertThat(after.eventsReplayed() - before.eventsReplayed()).isEqualTo(2 + 3 + 4);
        assertThat(after.resumesNotRecovered() - before.resumesNotRecovered()).isEqualTo(1);
    }

    @Test
    void ttl_dropsOldEvents() {
        Broker broker = broker(new HistoryOptions(100, Duration.ofSeconds(1), HistoryOptions.DEFAULT_MAX_BYTES));
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        List<EventMessage> old = publishRecorded(broker, account, 2);

        await().atMost(LONG_WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> start(broker, topic, Filter.any(), StartAt.after(null)).replayed().isEmpty());
        publishEach(broker, account, "cam", 2, 3);

        Started all = start(broker, topic, Filter.any(), StartAt.after(null));
        Started afterExpired = start(broker, topic, Filter.any(), StartAt.after(old.get(0).position()));
        Started afterLastExpired = start(broker, topic, Filter.any(), StartAt.after(old.get(1).position()));
        assertThat(all.replayedSeqs()).containsExactly(2);
        assertThat(afterExpired.start().recovered()).isFalse();
        assertThat(afterExpired.replayedSeqs()).containsExactly(2);
        assertThat(afterLastExpired.start().recovered()).as("every event after it is retained").isTrue();
        assertThat(afterLastExpired.replayedSeqs()).containsExactly(2);
    }

    @Test
    void maxBytes_dropsTheOldestEventsAcrossTopics() {
        assumeTrue(boundsBytesAcrossTopics(), "this broker bounds each topic on its own");
        int messageBytes = publication(UUID.randomUUID(), event("a", 100)).message(0).jsonLength();
        long maxBytes = 20L * messageBytes;
        Broker broker = broker(new HistoryOptions(1000, Duration.ofMinutes(5), maxBytes));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int seq = 100; seq < 160; seq++) {
            publish(broker, publication(seq % 2 == 0 ? a : b, event(seq % 2 == 0 ? "a" : "b", seq)));
        }

        List<EventMessage> retained = new ArrayList<>();
        retained.addAll(start(broker, Topic.handlerEvents(a), Filter.any(), StartAt.after(null)).replayed());
        retained.addAll(start(broker, Topic.handlerEvents(b), Filter.any(), StartAt.after(null)).replayed());

        List<Integer> kept = seqs(retained).stream().sorted().toList();
        assertThat(retained).allSatisfy(m -> assertThat(m.jsonLength()).isEqualTo(messageBytes));
        assertThat(kept.size()).isBetween(1, 20);
        assertThat(kept).as("the newest events, across both accounts")
                .isEqualTo(IntStream.range(160 - kept.size(), 160).boxed().toList());
    }

    @Test
    void replayAndLive_underConcurrentPublishing_repeatNothingAndMissNothing() throws Exception {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        int publishers = 3;
        int perPublisher = 2000;
        int total = publishers * perPublisher;
        CollectingSink reference = new CollectingSink();
        broker.subscribe(topic, Filter.any(), reference, Delivery.DIRECT);
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int p = 0; p < publishers; p++) {
                String source = "publisher-" + p;
                running.add(pool.submit(() -> {
                    for (int seq = 0; seq < perPublisher; seq += 2) {
                        if (seq % 10 == 0) {
                            publish(broker, publication(account, event(source, seq)));
                            publish(broker, publication(account, event(source, seq + 1)));
                        } else {
                            publish(broker, publication(account, event(source, seq), event(source, seq + 1)));
                        }
                    }
                }));
            }
            await().atMost(LONG_WAIT).until(() -> reference.size() >= total / 3);
            Position resumeAt = reference.messages().get(total / 3 - 500).position();
            CollectingSink resumed = new CollectingSink();
            Subscription since = broker.subscribe(topic, Filter.any(), resumed, Delivery.QUEUED,
                    StartAt.after(resumeAt));
            CollectingSink rewound = new CollectingSink();
            Subscription rewind = broker.subscribe(topic, Filter.any(), rewound, Delivery.DIRECT, StartAt.last(700));
            CollectingSink filtered = new CollectingSink();
            Filter ofOne = Filter.eq(SOURCE, Value.string("publisher-1"));
            Subscription rewindFiltered = broker.subscribe(topic, ofOne, filtered, Delivery.QUEUED,
                    StartAt.last(300));
            for (Future<?> publisher : running) {
                publisher.get(LONG_WAIT.toSeconds(), TimeUnit.SECONDS);
            }

            await().atMost(LONG_WAIT).until(() -> reference.size() == total);
            List<EventMessage> all = reference.messages();
            checkPublishOrder(all, publishers, perPublisher);
            List<Position> order = positions(all);
            assertThat(new HashSet<>(order)).hasSize(total);

            int resumeIndex = order.indexOf(resumeAt);
            assertThat(since.historyStart().recovered()).isTrue();
            awaitSuffix(resumed, order, resumeIndex + 1);

            int rewindLatest = order.indexOf(rewind.historyStart().latest());
            assertThat(rewindLatest).as("the rewind's latest position").isGreaterThanOrEqualTo(700 - 1);
            awaitSuffix(rewound, order, rewindLatest + 1 - 700);

            List<Position> ofPublisher1 = all.stream().filter(m -> source(m).equals("publisher-1"))
                    .map(EventMessage::position).toList();
            int filteredLatest = order.indexOf(rewindFiltered.historyStart().latest());
            long matchingUpToLatest = all.subList(0, filteredLatest + 1).stream()
                    .filter(m -> source(m).equals("publisher-1")).count();
            awaitSuffix(filtered, ofPublisher1, (int) Math.max(0, matchingUpToLatest - 300));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each publisher's events arrive in its order, without gaps or duplicates. */
    private static void checkPublishOrder(List<EventMessage> all, int publishers, int perPublisher) {
        Map<String, List<Integer>> bySource = all.stream()
                .collect(Collectors.groupingBy(HistoryContract::source, Collectors.mapping(HistoryContract::seq,
                        Collectors.toList())));
        assertThat(bySource).hasSize(publishers);
        bySource.forEach((source, seqs) -> assertThat(seqs).as(source)
                .isEqualTo(IntStream.range(0, perPublisher).boxed().toList()));
    }

    /** Waits until {@code sink} has received exactly the positions of {@code order} from {@code from} on. */
    private static void awaitSuffix(CollectingSink sink, List<Position> order, int from) {
        List<Position> expected = order.subList(from, order.size());
        Position last = order.get(order.size() - 1);
        await().atMost(LONG_WAIT).until(() -> sink.size() >= expected.size()
                || sink.messages().stream().anyMatch(m -> last.equals(m.position())));
        List<Position> received = sink.messages().stream().map(EventMessage::position).map(Objects::requireNonNull)
                .toList();
        assertThat(received).as("replayed then live, from index %s of %s", from, order.size()).isEqualTo(expected);
    }

    @Test
    void historyOff_messagesHaveNoPosition_andOnlyLiveStartsAreAccepted() {
        Broker broker = broker(HistoryOptions.OFF);
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        RecordingSink sink = new RecordingSink();
        Subscription live = broker.subscribe(topic, Filter.any(), sink, Delivery.QUEUED, StartAt.live());

        publishEach(broker, account, "cam", 0, 1);

        assertThat(sink.awaitMessage().position()).isNull();
        assertThat(live.historyStart()).isEqualTo(SubscriptionStart.NO_HISTORY);
        assertThat(broker.history().enabled()).isFalse();
        for (StartAt start : List.of(StartAt.after(null), StartAt.after(Position.of("x")), StartAt.last(1))) {
            RecordingSink refused = new RecordingSink();
            assertThatThrownBy(() -> broker.subscribe(topic, Filter.any(), refused, Delivery.DIRECT, start))
                    .as(start.toString()).isInstanceOf(BrokerException.class);
            assertThat(refused.isClosed()).isFalse();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
