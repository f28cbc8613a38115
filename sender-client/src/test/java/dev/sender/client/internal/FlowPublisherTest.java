package dev.sender.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.client.SubscriptionClosedException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Reactive Streams TCK does not check: how the publisher ends with its subscription. */
class FlowPublisherTest {

    private static final URI URI = java.net.URI.create("ws://localhost/test");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** Reads frames as numbers; "bad" does not read. */
    private final MessageBuffer<Integer> buffer = new MessageBuffer<>(URI, 8, FlowPublisherTest::read);
    /** Why and how the publisher closed the subscription. */
    private final List<String> closes = new CopyOnWriteArrayList<>();
    private final FlowPublisher<Integer> publisher = new FlowPublisher<>(URI, buffer, FlowPublisherTest::read,
            new SerialExecutor(pool), (why, reason) -> closes.add(why + " / " + reason));

    private static Integer read(String frame) {
        return frame.equals("bad") ? null : Integer.valueOf(frame);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void failure_deliversWhatWasRequested_thenTheErrorWithoutWaitingForDemand() {
        Recording subscriber = new Recording();
        publisher.subscribe(subscriber);
        buffer.offer("1");
        buffer.offer("2");
        buffer.offer("3");
        subscriber.request(2);
        await().atMost(TIMEOUT).until(() -> subscriber.signals.size() == 3);

        buffer.close(new SubscriptionClosedException("message buffer overflow", 1000, false, null));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(subscriber.signals)
                .containsExactly("subscribed", "1", "2", "error: message buffer overflow"));
    }

    @Test
    void closeByTheApplication_deliversTheRestOnDemand_thenCompletes() {
        Recording subscriber = new Recording();
        publisher.subscribe(subscriber);
        buffer.offer("1");
        buffer.offer("2");
        buffer.close(new SubscriptionClosedException("closed", 1000, true, null));
        subscriber.request(1);
        await().atMost(TIMEOUT).until(() -> subscriber.signals.size() == 2);

        subscriber.request(1);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(subscriber.signals)
                .containsExactly("subscribed", "1", "2", "complete"));
    }

    @Test
    void frameThatDoesNotRead_isSkipped_withoutUsingDemand() {
        Recording subscriber = new Recording();
        publisher.subscribe(subscriber);
        buffer.offer("bad");
        buffer.offer("5");

        subscriber.request(1);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(subscriber.signals).containsExactly("subscribed", "5"));
    }

    @Test
    void secondSubscriber_isRefused() {
        publisher.subscribe(new Recording());
        Recording second = new Recording();

        publisher.subscribe(second);

        assertThat(second.signals).containsExactly("subscribed",
                "error: this subscription's publisher already has a subscriber");
    }

    @Test
    void cancel_closesTheSubscription() {
        Recording subscriber = new Recording();
        publisher.subscribe(subscriber);
        await().atMost(TIMEOUT).until(() -> subscriber.subscription != null);

        subscriber.subscription.cancel();
        subscriber.subscription.cancel();

        assertThat(closes).containsExactly("the Flow subscriber cancelled / cancelled");
    }

    @Test
    void invalidRequest_signalsRule39_andClosesTheSubscription() {
        Recording subscriber = new Recording();
        publisher.subscribe(subscriber);

        subscriber.request(0);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(closes)
                .containsExactly("the Flow subscriber made an invalid request / invalid request"));
        assertThat(subscriber.signals).containsExactly("subscribed",
                "error: request(0): demand must be positive (Reactive Streams rule 3.9)");
    }

    /** Records signals as text. */
    private static final class Recording implements Flow.Subscriber<Integer> {

        final List<String> signals = new CopyOnWriteArrayList<>();
        volatile Flow.Subscription subscription;

        void request(long n) {
            await().atMost(TIMEOUT).until(() -> subscription != null);
            subscription.request(n);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            signals.add("subscribed");
        }

        @Override
        public void onNext(Integer item) {
            signals.add(String.valueOf(item));
        }

        @Override
        public void onError(Throwable throwable) {
            signals.add("error: " + throwable.getMessage());
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }
}
