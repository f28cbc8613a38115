package dev.sender.bench.jmh;

import dev.sender.core.Broker;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.filter.Filter;
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

/**
 * Subscribing and unsubscribing while the broker holds many subscriptions, each watching one camera: one
 * operation subscribes with a camera filter no one else has (a new filter group, filed in the index) and closes
 * that subscription again. Filters are parsed in the setup, so the score is the broker's work: compiling the
 * filter, filing and unfiling it, and the copy-on-write of what changed. The score is in operations (one
 * subscribe plus one unsubscribe) per second. The broker keeps no history.
 *
 * <p>With 100,000 existing subscriptions the setup grows the heap, and until the first young collection after
 * it every allocation touches fresh memory: the first iterations of a fork are bound by the bytes allocated per
 * operation ({@code -prof gc}), the later ones by the work (docs/performance.md, "Filter index").
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl sender-benchmarks -am package -DskipTests}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main SubscribeChurnBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SubscribeChurnBenchmark extends BenchmarkDefaults {

    private static final int FRESH = 4096;

    /** Subscriptions already in the broker, one camera each. */
    @Param({"100", "100000"})
    public int existing;

    private final Topic topic = Topic.handlerEvents(LunaSamples.ACCOUNT_ID);
    private final Filter[] fresh = new Filter[FRESH];
    private Broker broker;
    private int next;

    /** Subscribes the existing cameras, and parses the filters of the cameras that come and go. */
    @Setup
    public void setUp() {
        broker = Broker.inMemory(DeliveryOptions.ofDefaults(), HistoryOptions.OFF);
        for (int i = 0; i < existing; i++) {
            broker.subscribe(topic, LunaSamples.filter("sources=cam" + i), message -> { }, Delivery.DIRECT);
        }
        for (int i = 0; i < FRESH; i++) {
            fresh[i] = LunaSamples.filter("sources=cam" + (existing + i));
        }
    }

    /** Closes the broker and its subscriptions. */
    @TearDown
    public void tearDown() {
        broker.close();
    }

    /** Subscribes with a camera of its own, then unsubscribes; returns the subscription. */
    @Benchmark
    public Subscription subscribeAndUnsubscribe() {
        Subscription subscription = broker.subscribe(topic, fresh[next++ & (FRESH - 1)], message -> { },
                Delivery.DIRECT);
        subscription.close();
        return subscription;
    }
}
