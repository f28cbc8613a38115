package dev.sender.client.internal;

import dev.sender.client.SubscriptionClosedException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * Checks {@link FlowPublisher} against the Reactive Streams TCK (TestNG, run on the JUnit Platform by
 * testng-engine), without a network: each publisher drains a {@link MessageBuffer} that the test feeds directly,
 * at most {@link #CAPACITY} messages ahead of the subscriber as a connection would, then closes as the application
 * does. The publisher takes one subscriber, so the optional multi-subscriber rules (1.11) are skipped.
 */
public class FlowPublisherTckTest extends FlowPublisherVerification<Integer> {

    private static final URI URI = java.net.URI.create("ws://localhost/tck");
    private static final int CAPACITY = 16;

    private ExecutorService pool;

    /** A verification that waits up to 2 s for a signal and 200 ms to see that none comes. */
    public FlowPublisherTckTest() {
        super(new TestEnvironment(2_000, 200), 1_000);
    }

    /** Starts the pool that runs the publishers' signals. */
    @BeforeClass
    public void startPool() {
        pool = Executors.newCachedThreadPool();
    }

    /** Stops the pool that ran the publishers' signals. */
    @AfterClass
    public void stopPool() {
        pool.shutdownNow();
    }

    @Override
    public Flow.Publisher<Integer> createFlowPublisher(long elements) {
        return new Feed(elements).publisher;
    }

    /** A subscription that failed before its subscriber came: onSubscribe, then onError at once. */
    @Override
    public Flow.Publisher<Integer> createFailedFlowPublisher() {
        MessageBuffer<Integer> buffer = new MessageBuffer<>(URI, CAPACITY, Integer::valueOf);
        buffer.close(new SubscriptionClosedException("the server closed the subscription with code 1008", 1008,
                false, null));
        return new FlowPublisher<>(URI, buffer, Integer::valueOf, new SerialExecutor(pool), (why, reason) -> { });
    }

    /** The messages 0 to {@code elements - 1}, fed one for each one taken, then the application's close. */
    private final class Feed {

        final long elements;
        final MessageBuffer<Integer> buffer;
        final FlowPublisher<Integer> publisher;
        /** Messages offered to the buffer so far. */
        final AtomicLong fed = new AtomicLong();

        Feed(long elements) {
            this.elements = elements;
            this.buffer = new MessageBuffer<>(URI, CAPACITY, this::read);
            this.publisher = new FlowPublisher<>(URI, buffer, this::read, new SerialExecutor(pool),
                    (why, reason) -> buffer.close(new SubscriptionClosedException(why, 1000, true, null)));
            for (int i = 0; i < CAPACITY; i++) {
                feedOne();
            }
        }

        /** Reads a message taken from the buffer, whose place the next one takes. */
        Integer read(String frame) {
            feedOne();
            return Integer.valueOf(frame);
        }

        private void feedOne() {
            long next = fed.get();
            if (next < elements && buffer.offer(Long.toString(next))) {
                fed.incrementAndGet();
            }
            if (fed.get() == elements) {
                buffer.close(new SubscriptionClosedException("the application closed the subscription", 1000, true,
                        null));
            }
        }
    }
}
