package dev.sender.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.DeliveryStats;
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
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Broker} must have. A test class per implementation extends this and says how to
 * create a broker; the broker must deliver every event published after {@code subscribe} returns.
 */
public abstract class BrokerContract {

    private static final Field SOURCE = Field.of("event.source");
    private static final Field SEQ = Field.of("event.seq");

    private final List<AutoCloseable> resources = new ArrayList<>();

    /** A new broker with the given queue limits; the contract closes it after each test. */
    protected abstract Broker newBroker(DeliveryOptions options);

    /** A new broker with default limits. */
    protected final Broker broker() {
        return broker(DeliveryOptions.ofDefaults());
    }

    /** A new broker with the given limits, closed after the test. */
    protected final Broker broker(DeliveryOptions options) {
        Broker broker = newBroker(options);
        resources.add(broker);
        return broker;
    }

    @AfterEach
    final void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    /** An event {@code {"source": source, "seq": seq}}. */
    protected static Event event(String source, int seq) {
        return Event.parse("{\"source\":\"" + source + "\",\"seq\":" + seq + "}");
    }

    /** A publication of {@code events} to {@code account}. */
    protected static HandlerPublication publication(UUID account, Event... events) {
        return new HandlerPublication(account, "handler-1", "2026-11-27T10:00:00Z", "2026-11-27T10:00:01Z",
                RequestId.generate(), List.of(events));
    }

    /** Publishes and waits until the broker has accepted. */
    protected static void publish(Broker broker, Publication publication) {
        try {
            broker.publish(publication).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("publish failed", e);
        }
    }

    private static int seq(EventMessage message) {
        return message.event().toTree().get("seq").intValue();
    }

    private static String source(EventMessage message) {
        return message.event().source().orElseThrow();
    }

    @Test
    void publish_reachesExactlyTheMatchingSubscribers() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink cam1 = new RecordingSink();
        RecordingSink cam2 = new RecordingSink();
        RecordingSink all = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.eq(SOURCE, Value.string("cam1")), cam1);
        broker.subscribe(Topic.handlerEvents(account), Filter.eq(SOURCE, Value.string("cam2")), cam2);
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), all);

        publish(broker, publication(account, event("cam1", 1), event("cam2", 2)));
        publish(broker, publication(account, event("cam1", 3), event("cam2", 4)));

        assertThat(cam1.awaitMessages(2)).extracting(BrokerContract::seq).containsExactly(1, 3);
        assertThat(cam2.awaitMessages(2)).extracting(BrokerContract::seq).containsExactly(2, 4);
        assertThat(all.awaitMessages(4)).extracting(BrokerContract::seq).containsExactly(1, 2, 3, 4);
    }

    @Test
    void publish_deliversEventsInPublishOrder() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink queued = new RecordingSink();
        RecordingSink direct = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), queued);
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), direct, Delivery.DIRECT);

        for (int p = 0; p < 20; p++) {
            int base = p * 10;
            Event[] events = IntStream.range(0, 10).mapToObj(i -> event("cam", base + i)).toArray(Event[]::new);
            publish(broker, publication(account, events));
        }

        List<Integer> expected = IntStream.range(0, 200).boxed().toList();
        assertThat(queued.awaitMessages(200)).extracting(BrokerContract::seq).isEqualTo(expected);
        assertThat(direct.awaitMessages(200)).extracting(BrokerContract::seq).isEqualTo(expected);
    }

    @Test
    void handlerEvents_neverReachAnotherAccount() {
        Broker broker = broker();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        RecordingSink ofA = new RecordingSink();
        RecordingSink ofB = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(a), Filter.any(), ofA);
        broker.subscribe(Topic.handlerEvents(b), Filter.any(), ofB);

        publish(broker, publication(a, event("a", 1)));
        publish(broker, publication(b, event("b", 2)));
        publish(broker, publication(a, event("a", 3)));

        assertThat(ofB.awaitMessage()).extracting(BrokerContract::source).isEqualTo("b");
        assertThat(ofA.awaitMessages(2)).extracting(BrokerContract::seq).containsExactly(1, 3);
        assertThat(ofB.drain()).isEmpty();
    }

    @Test
    void generalEvents_reachGeneralSubscribersWithTheirContext() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink general = new RecordingSink();
        RecordingSink handler = new RecordingSink();
        broker.subscribe(Topic.generalEvents(), Filter.eq(Field.of("event_type"), Value.string("door")), general);
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), handler);

        publish(broker, new GeneralPublication(event("door-1", 1), "window", null, null, null, RequestId.generate()));
        publish(broker, new GeneralPublication(event("door-2", 2), "door", account.toString(), "c", null,
                RequestId.generate()));
        publish(broker, publication(account, event("cam", 3)));

        GeneralEventMessage received = (GeneralEventMessage) general.awaitMessage();
        assertThat(received.eventType()).isEqualTo("door");
        assertThat(received.accountId()).isEqualTo(account.toString());
        assertThat(received.eventCreateTime()).isEqualTo("c");
        assertThat(received.eventEndTime()).isNull();
        assertThat(seq(received)).isEqualTo(2);
        assertThat(handler.awaitMessage()).isInstanceOf(HandlerEventMessage.class).extracting(BrokerContract::seq)
                .isEqualTo(3);
    }

    @Test
    void message_carriesThePublicationContextAndTheEventByteForByte() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        String json = "{\"b\":1.0,\"a\":[1, 2],\"x\":{\"y\":null,\"u\":\"\\u00e9\"},\"big\":1e400}";
        HandlerPublication publication = publication(account, Event.parse(json));

        publish(broker, publication);

        HandlerEventMessage message = (HandlerEventMessage) sink.awaitMessage();
        assertThat(message.event().json()).isEqualTo(json);
        assertThat(message.toJson()).startsWith("{\"event\":" + json + ",");
        assertThat(message.handlerId()).isEqualTo(publication.handlerId());
        assertThat(message.eventCreateTime()).isEqualTo(publication.eventCreateTime());
        assertThat(message.eventEndTime()).isEqualTo(publication.eventEndTime());
        assertThat(message.requestId()).isEqualTo(publication.requestId());
    }

    @Test
    void subscribersOfOneEvent_shareOneEncodedMessage() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), first);
        broker.subscribe(Topic.handlerEvents(account), Filter.eq(SEQ, Value.integer(1)), second);

        publish(broker, publication(account, event("cam", 1)));

        assertThat(first.awaitMessage()).isSameAs(second.awaitMessage());
    }

    @Test
    void subscriptionsWithEqualFilters_eachReceive_andCloseIndependently() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        RecordingSink other = new RecordingSink();
        Subscription closing = broker.subscribe(Topic.handlerEvents(account), Filter.eq(SOURCE, Value.string("cam")),
                first);
        broker.subscribe(Topic.handlerEvents(account), Filter.eq(SOURCE, Value.string("cam")), second);
        broker.subscribe(Topic.handlerEvents(account), Filter.eq(SOURCE, Value.string("other")), other);
        DeliveryStats before = broker.stats();

        publish(broker, publication(account, event("cam", 1), event("other", 2)));
        first.awaitMessage();
        // Both events were matched against all three subscriptions before the close (order of delivery).
        assertThat(other.awaitMessage()).extracting(BrokerContract::seq).isEqualTo(2);
        closing.close();
        publish(broker, publication(account, event("cam", 3)));

        assertThat(second.awaitMessages(2)).extracting(BrokerContract::seq).containsExactly(1, 3);
        assertThat(first.awaitClose()).isEqualTo(CloseReason.CLOSED);
        assertThat(first.drain()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            DeliveryStats after = broker.stats();
            assertThat(after.eventsDispatched() - before.eventsDispatched()).isEqualTo(3);
            assertThat(after.messagesDelivered() - before.messagesDelivered()).isEqualTo(4);
            assertThat(after.messagesFilteredOut() - before.messagesFilteredOut()).isEqualTo(4);
        });
    }

    @Test
    void throwingSink_keepsItsSubscriptionAndOthersKeepReceiving() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        RecordingSink healthy = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), message -> {
            calls.incrementAndGet();
            throw new IllegalStateException("sink failure for the test");
        });
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), message -> {
            throw new IllegalStateException("direct sink failure for the test");
        }, Delivery.DIRECT);
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), healthy);

        for (int i = 0; i < 10; i++) {
            publish(broker, publication(account, event("cam", i)));
        }

        assertThat(healthy.awaitMessages(10)).extracting(BrokerContract::seq)
                .isEqualTo(IntStream.range(0, 10).boxed().toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 10);
    }

    @Test
    void stalledSink_holdsBackNeitherThePublisherNorOthers() throws Exception {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink stalledRecord = new RecordingSink();
        RecordingSink healthy = new RecordingSink();
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), message -> {
            awaitQuietly(release);
            stalledRecord.onMessage(message);
        });
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), healthy);

        List<CompletableFuture<Void>> published = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            published.add(broker.publish(publication(account, event("cam", i))).toCompletableFuture());
        }

        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(healthy.awaitMessages(50)).hasSize(50);
        release.countDown();
        assertThat(stalledRecord.awaitMessages(50)).extracting(BrokerContract::seq)
                .isEqualTo(IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void stalledSink_pastItsQueueLimit_isClosedWithOverflow() {
        RecordingSink stalled = stalledSinkClosedByOverflow(broker(new DeliveryOptions(5, 1 << 20)), 20);

        assertThat(stalled.drain()).as("only the message the sink was stalled in").hasSize(1);
    }

    @Test
    void stalledSink_pastItsQueuedBytes_isClosedWithOverflow() {
        int messageBytes = publication(UUID.randomUUID(), event("cam", 0)).message(0).jsonLength();

        stalledSinkClosedByOverflow(broker(new DeliveryOptions(DeliveryOptions.DEFAULT_MAX_QUEUED_MESSAGES,
                3L * messageBytes)), 10);
    }

    /**
     * Publishes {@code events} to a stalled queued sink and a healthy direct one: the healthy one gets them all,
     * the stalled one's subscription closes with its queue dropped, and once released its sink is told
     * {@link CloseReason#OVERFLOW}. Returns the stalled sink.
     */
    private RecordingSink stalledSinkClosedByOverflow(Broker broker, int events) {
        UUID account = UUID.randomUUID();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink stalled = new RecordingSink() {
            @Override
            public void onMessage(EventMessage message) {
                entered.countDown();
                awaitQuietly(release);
                super.onMessage(message);
            }
        };
        RecordingSink healthy = new RecordingSink();
        Subscription stalledSubscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), stalled);
        // Direct, so that the tiny queue limit of this broker cannot close the healthy one too.
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), healthy, Delivery.DIRECT);

        // The sink stalls in the first message before the rest arrive, however late its delivery thread starts.
        publish(broker, publication(account, event("cam", 0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.getCount() == 0);
        for (int i = 1; i < events; i++) {
            publish(broker, publication(account, event("cam", i)));
        }

        assertThat(healthy.awaitMessages(events)).hasSize(events);
        await().atMost(Duration.ofSeconds(10)).until(() -> !stalledSubscription.isOpen());
        assertThat(stalledSubscription.queuedBytes()).isZero();
        release.countDown();
        assertThat(stalled.awaitClose()).isEqualTo(CloseReason.OVERFLOW);
        return stalled;
    }

    @Test
    void close_ofAStalledSubscription_dropsItsQueueAtOnce() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink stalled = new RecordingSink() {
            @Override
            public void onMessage(EventMessage message) {
                entered.countDown();
                awaitQuietly(release);
                super.onMessage(message);
            }
        };
        Subscription subscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), stalled);
        for (int i = 0; i < 5; i++) {
            publish(broker, publication(account, event("cam", i)));
        }
        awaitQuietly(entered);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscription.queuedBytes() > 0);

        subscription.close();

        assertThat(subscription.isOpen()).isFalse();
        assertThat(subscription.queuedBytes()).as("queued bytes while the sink is still stalled").isZero();
        release.countDown();
        assertThat(stalled.awaitClose()).isEqualTo(CloseReason.CLOSED);
        assertThat(stalled.drain()).extracting(BrokerContract::seq).containsExactly(0);
    }

    @Test
    void close_stopsDeliveryToThatSubscriptionOnly() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink closed = new RecordingSink();
        RecordingSink open = new RecordingSink();
        Subscription subscription = broker.subscribe(Topic.handlerEvents(account), Filter.any(), closed);
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), open);
        publish(broker, publication(account, event("cam", 1)));
        assertThat(closed.awaitMessage()).extracting(BrokerContract::seq).isEqualTo(1);

        subscription.close();
        subscription.close();
        publish(broker, publication(account, event("cam", 2)));

        assertThat(open.awaitMessages(2)).extracting(BrokerContract::seq).containsExactly(1, 2);
        assertThat(subscription.isOpen()).isFalse();
        assertThat(closed.awaitClose()).isEqualTo(CloseReason.CLOSED);
        assertThat(closed.drain()).isEmpty();
    }

    @Test
    void close_releasesTheSubscriptionAndItsSink() {
        Broker broker = broker();
        UUID account = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        Subscription subscription = broker.subscribe(Topic.handlerEvents(account),
                Filter.eq(SOURCE, Value.string("cam")), sink);
        publish(broker, publication(account, event("cam", 1)));
        sink.awaitMessage();
        WeakReference<RecordingSink> reference = new WeakReference<>(sink);

        subscription.close();
        sink.awaitClose();
        sink = null;
        subscription = null;

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return reference.get() == null;
        });
    }

    @Test
    void brokerClose_deliversWhatItAcceptedThenClosesSubscriptions() {
        Broker broker = newBroker(DeliveryOptions.ofDefaults());
        UUID account = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink() {
            @Override
            public void onMessage(EventMessage message) {
                awaitQuietly(release);
                super.onMessage(message);
            }
        };
        broker.subscribe(Topic.handlerEvents(account), Filter.any(), sink);
        for (int i = 0; i < 5; i++) {
            publish(broker, publication(account, event("cam", i)));
        }

        broker.close();
        release.countDown();

        assertThat(sink.awaitMessages(5)).extracting(BrokerContract::seq).containsExactly(0, 1, 2, 3, 4);
        assertThat(sink.awaitClose()).isEqualTo(CloseReason.BROKER_CLOSED);
    }

    @Test
    void closedBroker_refusesPublicationsAndSubscriptions() {
        Broker broker = newBroker(DeliveryOptions.ofDefaults());
        broker.close();

        assertThat(broker.publish(publication(UUID.randomUUID(), event("cam", 1))).toCompletableFuture())
                .failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingRootCause()
                .isInstanceOf(BrokerException.class);
        assertThatThrownBy(() -> broker.subscribe(Topic.generalEvents(), Filter.any(), new RecordingSink()))
                .isInstanceOf(BrokerException.class);
        assertThat(broker.checkHealth().toCompletableFuture()).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void closedBroker_refusesASubscriptionWithoutCallingItsSink() {
        Broker broker = newBroker(DeliveryOptions.ofDefaults());
        broker.close();

        for (Delivery delivery : Delivery.values()) {
            RecordingSink sink = new RecordingSink();
            assertThatThrownBy(() -> broker.subscribe(Topic.handlerEvents(UUID.randomUUID()), Filter.any(), sink,
                    delivery)).as(delivery.name()).isInstanceOf(BrokerException.class);
            assertThat(sink.isClosed()).as("%s sink closed", delivery).isFalse();
            assertThat(sink.drain()).isEmpty();
        }
    }

    @Test
    void openBroker_isHealthy() {
        assertThat(broker().checkHealth().toCompletableFuture()).succeedsWithin(Duration.ofSeconds(10));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
