package dev.sender.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.Position;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.testkit.RecordingSink;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seam of {@link ReplayingSubscription} as another broker uses it, with live copies of replayed events
 * arriving before and after the start, as they do when several nodes share a history.
 */
class ReplayingSubscriptionTest {

    /** Positions {@code p:<n>}, ordered by n. */
    private static final Comparator<Position> ORDER = Comparator.comparingLong(
            p -> Long.parseLong(p.value().substring(2)));
    private static final Topic TOPIC = Topic.handlerEvents(UUID.randomUUID());
    private static final Field SEQ = Field.of("event.seq");

    private final LocalDispatcher dispatcher = LocalDispatcher.create(new DeliveryOptions(4, 1 << 20),
            TopicListener.NONE);

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private static HandlerEventMessage message(int seq) {
        Event event = Event.parse("{\"source\":\"cam\",\"seq\":" + seq + "}");
        return new HandlerEventMessage(event, "handler", "c", "e", "request").withPosition(Position.of("p:" + seq));
    }

    private static List<Integer> seqs(List<EventMessage> messages) {
        return messages.stream().map(m -> m.event().toTree().get("seq").intValue()).toList();
    }

    @Test
    void startAfterReplay_dropsLiveCopiesOfWhatTheReadSaw_heldOrLate() {
        RecordingSink sink = new RecordingSink();
        ReplayingSubscription subscription = dispatcher.subscribeReplaying(TOPIC, Filter.any(), sink,
                Delivery.DIRECT, ORDER);
        dispatcher.dispatch(TOPIC, message(2));
        dispatcher.dispatch(TOPIC, message(3));

        subscription.startAfterReplay(new SubscriptionStart(Position.of("p:4"), true),
                List.of(message(1), message(2), message(3), message(4)));
        dispatcher.dispatch(TOPIC, message(4));
        dispatcher.dispatch(TOPIC, message(5));
        dispatcher.dispatch(TOPIC, message(6));

        assertThat(seqs(sink.drain())).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(subscription.historyStart()).isEqualTo(new SubscriptionStart(Position.of("p:4"), true));
    }

    @Test
    void startAfterReplay_passesHeldMessagesAfterTheLatestPosition_inOrder() {
        RecordingSink sink = new RecordingSink();
        ReplayingSubscription subscription = dispatcher.subscribeReplaying(TOPIC, Filter.any(), sink,
                Delivery.QUEUED, ORDER);
        dispatcher.dispatch(TOPIC, message(3));
        dispatcher.dispatch(TOPIC, message(4));

        subscription.startAfterReplay(new SubscriptionStart(Position.of("p:3"), false), List.of(message(3)));
        dispatcher.dispatch(TOPIC, message(5));

        assertThat(seqs(sink.awaitMessages(3))).containsExactly(3, 4, 5);
        assertThat(subscription.historyStart().recovered()).isFalse();
    }

    @Test
    void startLive_dropsNothing() {
        RecordingSink sink = new RecordingSink();
        ReplayingSubscription subscription = dispatcher.subscribeReplaying(TOPIC, Filter.any(), sink,
                Delivery.DIRECT, ORDER);
        dispatcher.dispatch(TOPIC, message(1));

        subscription.startLive(Position.of("p:2"));
        dispatcher.dispatch(TOPIC, message(2));

        assertThat(seqs(sink.drain())).containsExactly(1, 2);
        assertThat(subscription.historyStart()).isEqualTo(new SubscriptionStart(Position.of("p:2"), true));
    }

    @Test
    void liveMessagesHeldPastTheQueueLimit_closeTheSubscriptionWithOverflow() {
        RecordingSink sink = new RecordingSink();
        ReplayingSubscription subscription = dispatcher.subscribeReplaying(TOPIC, Filter.any(), sink,
                Delivery.DIRECT, ORDER);

        IntStream.range(0, 5).forEach(i -> dispatcher.dispatch(TOPIC, message(i)));

        assertThat(subscription.isOpen()).isFalse();
        assertThat(sink.awaitClose()).isEqualTo(CloseReason.OVERFLOW);
        subscription.startAfterReplay(new SubscriptionStart(null, true), List.of(message(0)));
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void subscriptionClosedBeforeItsStart_receivesNothing() {
        RecordingSink sink = new RecordingSink();
        ReplayingSubscription subscription = dispatcher.subscribeReplaying(TOPIC, Filter.any(), sink,
                Delivery.DIRECT, ORDER);
        dispatcher.dispatch(TOPIC, message(1));

        subscription.close();
        subscription.startLive(null);
        dispatcher.dispatch(TOPIC, message(2));

        assertThat(sink.drain()).isEmpty();
        assertThat(sink.awaitClose()).isEqualTo(CloseReason.CLOSED);
    }

    @Test
    void aSecondStart_isRefused() {
        ReplayingSubscription subscription = dispatcher.subscribeReplaying(TOPIC, Filter.any(), new RecordingSink(),
                Delivery.DIRECT, ORDER);
        subscription.startLive(null);

        assertThatThrownBy(() -> subscription.startAfterReplay(new SubscriptionStart(null, true), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("started already");
    }

    @Test
    void historyStats_countReplays_notLiveStarts() {
        dispatcher.subscribeReplaying(TOPIC, Filter.any(), new RecordingSink(), Delivery.DIRECT, ORDER)
                .startAfterReplay(new SubscriptionStart(Position.of("p:2"), false), List.of(message(1), message(2)));
        dispatcher.subscribeReplaying(TOPIC, Filter.any(), new RecordingSink(), Delivery.DIRECT, ORDER)
                .startAfterReplay(new SubscriptionStart(Position.of("p:2"), true), List.of(message(2)));
        dispatcher.subscribeReplaying(TOPIC, Filter.any(), new RecordingSink(), Delivery.DIRECT, ORDER)
                .startLive(Position.of("p:2"));

        assertThat(dispatcher.historyStats()).isEqualTo(new HistoryStats(0, 0, 2, 3, 1));
    }

    @Test
    void dispatchOfAMessage_reachesTheMatchingSubscriptionsOfItsTopicOnly() {
        RecordingSink even = new RecordingSink();
        RecordingSink other = new RecordingSink();
        dispatcher.subscribe(TOPIC, Filter.in(SEQ, List.of(Value.integer(2), Value.integer(4))), even,
                Delivery.DIRECT);
        dispatcher.subscribe(Topic.handlerEvents(UUID.randomUUID()), Filter.any(), other, Delivery.DIRECT);

        IntStream.range(1, 6).forEach(i -> dispatcher.dispatch(TOPIC, message(i)));

        List<EventMessage> received = even.drain();
        assertThat(seqs(received)).containsExactly(2, 4);
        assertThat(received.get(0).position()).isEqualTo(Position.of("p:2"));
        assertThat(other.drain()).isEmpty();
        assertThat(dispatcher.stats().eventsDispatched()).isEqualTo(5);
    }

    @Test
    void dispatchOfAMessageOfTheOtherKind_isRefused() {
        GeneralEventMessage general = new GeneralEventMessage(Event.parse("{}"), "door", null, null, null, "r");

        assertThatThrownBy(() -> dispatcher.dispatch(TOPIC, general)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dispatcher.dispatch(Topic.generalEvents(), message(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
