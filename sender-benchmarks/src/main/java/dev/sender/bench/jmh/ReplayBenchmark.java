package dev.sender.bench.jmh;

import dev.sender.core.Broker;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.core.MessageSink;
import dev.sender.core.StartAt;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.filter.Filter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A subscriber resuming from the in-memory broker's history (SPEC §9): one operation subscribes with
 * {@code since=} to an account whose history holds {@value #EVENTS} messages of the 5 KiB event, receives all
 * of them at a {@link Delivery#DIRECT} sink that only consumes each message (no encoding, no socket), and
 * closes the subscription. The score is the time of that operation: joining the topic, reading the ring, checking
 * the filter against every retained event, and handing each over.
 *
 * <p>Variants: {@code filter} {@code any} (no check), {@code typical} (LUNA's typical query, which every event
 * passes: one view extraction and one filter check per event).
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl sender-benchmarks -am package -DskipTests}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -prof gc ReplayBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplayBenchmark extends BenchmarkDefaults {

    /** The events retained, and replayed by each operation. */
    static final int EVENTS = 1000;

    /** The subscription's filter: {@code any} or {@code typical}. */
    @Param({"any", "typical"})
    public String filter = "any";

    private final Topic topic = Topic.handlerEvents(LunaSamples.ACCOUNT_ID);
    private Broker broker;
    private Filter subscriptionFilter;
    private MessageSink sink;

    /** Publishes the events, then replays them once to check that all of them arrive. */
    @Setup
    public void setUp(Blackhole blackhole) {
        broker = Broker.inMemory(DeliveryOptions.ofDefaults(),
                new HistoryOptions(EVENTS, Duration.ofDays(1), HistoryOptions.DEFAULT_MAX_BYTES));
        for (int i = 0; i < EVENTS; i++) {
            broker.publish(LunaSamples.publication(LunaSamples.event5k())).toCompletableFuture().join();
        }
        subscriptionFilter = filter.equals("typical") ? LunaSamples.filter(LunaSamples.TYPICAL_QUERY) : Filter.any();
        int[] received = new int[1];
        sink = message -> received[0]++;
        replay();
        if (received[0] != EVENTS) {
            throw new IllegalStateException("expected " + EVENTS + " events replayed, " + received[0] + " were");
        }
        sink = blackhole::consume;
    }

    /** Closes the broker. */
    @TearDown
    public void tearDown() {
        broker.close();
    }

    /** Subscribes with a replay of every retained event, and closes the subscription. */
    @Benchmark
    public Subscription replay() {
        Subscription subscription = broker.subscribe(topic, subscriptionFilter, sink, Delivery.DIRECT,
                StartAt.after(null));
        subscription.close();
        return subscription;
    }
}
