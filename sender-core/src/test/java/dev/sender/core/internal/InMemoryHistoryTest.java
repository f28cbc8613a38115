package dev.sender.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.core.HistoryStats;
import dev.sender.core.Position;
import dev.sender.core.StartAt;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import dev.sender.core.testkit.HistoryContract;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryHistoryTest extends HistoryContract {

    @Override
    protected Broker newBroker(DeliveryOptions options, HistoryOptions history) {
        return Broker.inMemory(options, history);
    }

    @Test
    void positionOfAnEarlierBroker_isNeverHeldByALaterOne() {
        UUID account = UUID.randomUUID();
        Broker earlier = broker(ROOMY);
        List<EventMessage> before = publishRecorded(earlier, account, 3);
        earlier.close();
        Broker later = broker(ROOMY);
        List<EventMessage> after = publishRecorded(later, account, 3);

        Started resumed = start(later, Topic.handlerEvents(account), Filter.any(),
                StartAt.after(before.get(2).position()));

        assertThat(positions(after)).doesNotContainAnyElementsOf(positions(before));
        assertThat(resumed.start()).isEqualTo(new SubscriptionStart(after.get(2).position(), false));
        assertThat(resumed.replayedSeqs()).containsExactly(0, 1, 2);
    }

    @Test
    void positionOfThisBrokerNotYetIssued_isNotHeld() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 2);
        String latest = published.get(1).position().value();
        Position future = Position.of(latest.substring(0, latest.indexOf(':') + 1) + "1000000");
        Position padded = Position.of(latest.substring(0, latest.indexOf(':') + 1) + "0"
                + latest.substring(latest.indexOf(':') + 1));

        Started resumed = start(broker, Topic.handlerEvents(account), Filter.any(), StartAt.after(future));
        Started resumedPadded = start(broker, Topic.handlerEvents(account), Filter.any(), StartAt.after(padded));

        assertThat(resumed.start().recovered()).isFalse();
        assertThat(resumed.replayedSeqs()).containsExactly(0, 1);
        assertThat(resumedPadded.start().recovered()).as("a position is issued in one spelling").isFalse();
    }

    @Test
    void replayedMessages_areTheInstancesDispatchedLive_neverEncodedAgain() {
        Broker broker = broker(ROOMY);
        UUID account = UUID.randomUUID();
        List<EventMessage> published = publishRecorded(broker, account, 3);

        List<EventMessage> replayed = start(broker, Topic.handlerEvents(account), Filter.any(), StartAt.after(null))
                .replayed();

        for (int i = 0; i < 3; i++) {
            assertThat(replayed.get(i)).isSameAs(published.get(i));
        }
    }

    @Test
    void historyStats_countTheRetainedEventsAndBytes() {
        Broker broker = broker(new HistoryOptions(4, Duration.ofMinutes(5), HistoryOptions.DEFAULT_MAX_BYTES));
        assertThat(broker.historyStats()).isEqualTo(HistoryStats.NONE);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<EventMessage> ofA = publishRecorded(broker, a, 6);
        List<EventMessage> ofB = publishRecorded(broker, b, 2);

        HistoryStats stats = broker.historyStats();

        long bytes = ofA.subList(2, 6).stream().mapToLong(EventMessage::jsonLength).sum()
                + ofB.stream().mapToLong(EventMessage::jsonLength).sum();
        assertThat(stats.retainedEvents()).isEqualTo(6);
        assertThat(stats.retainedBytes()).isEqualTo(bytes);
    }

    @Test
    void maxBytes_keepsTheTotalUnderTheBound() {
        Broker broker = broker(new HistoryOptions(1000, Duration.ofMinutes(5), 10_000));
        for (int i = 0; i < 200; i++) {
            publishEach(broker, UUID.randomUUID(), "cam", 100, 102);
            assertThat(broker.historyStats().retainedBytes()).isLessThanOrEqualTo(10_000);
        }
        assertThat(broker.historyStats().retainedEvents()).isPositive();
    }

    @Test
    void latest_remainsTheLastEventOnceItExpired_soThatResumingAfterItIsRecovered() {
        Broker broker = broker(new HistoryOptions(100, Duration.ofMillis(300), HistoryOptions.DEFAULT_MAX_BYTES));
        UUID account = UUID.randomUUID();
        Topic topic = Topic.handlerEvents(account);
        Position last = publishRecorded(broker, account, 2).get(1).position();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> broker.historyStats().retainedEvents() == 0);

        assertThat(start(broker, topic, Filter.any(), StartAt.live()).start())
                .isEqualTo(new SubscriptionStart(last, true));
        Started resumed = start(broker, topic, Filter.any(), StartAt.after(last));
        assertThat(resumed.start()).isEqualTo(new SubscriptionStart(last, true));
        assertThat(resumed.replayed()).isEmpty();
    }

    @Test
    void historyOff_keepsNothing() {
        Broker broker = broker(HistoryOptions.OFF);
        publishEach(broker, UUID.randomUUID(), "cam", 0, 3);

        assertThat(broker.historyStats()).isEqualTo(HistoryStats.NONE);
    }
}
