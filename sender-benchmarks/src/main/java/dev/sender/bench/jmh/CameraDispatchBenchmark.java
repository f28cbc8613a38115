package dev.sender.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.Broker;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryStats;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.internal.RealLocalDispatcher;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-memory broker dispatching one event to many subscriptions that each watch one camera
 * ({@code sources=cam{i}}, parsed as the server parses it), of which exactly one matches: per publish, one view
 * extraction of the 5 KiB event, the filter checks, and one hand-over to a {@link Delivery#DIRECT} sink that only
 * consumes the message. The score is the time of one {@code publish}; events/s is its inverse.
 *
 * <p>Variants: {@code subscriptions} {100, 10000, 100000}, and {@code index} {on, off}: off sets the system
 * property {@value RealLocalDispatcher#NO_FILTER_INDEX} so that every filter is checked against every event, as
 * before the filter index. The setup checks that exactly one subscription receives the event.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl sender-benchmarks -am package -DskipTests}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -prof gc CameraDispatchBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CameraDispatchBenchmark {

    /** Subscriptions of the event's account, one camera each. */
    @Param({"100", "10000", "100000"})
    public int subscriptions;

    /** Whether the dispatcher indexes filters ({@code on}) or checks them all ({@code off}). */
    @Param({"on", "off"})
    public String index;

    private Broker broker;
    private HandlerPublication publication;

    /** Subscribes one sink per camera, then publishes once to check that exactly one received the event. */
    @Setup
    public void setUp(Blackhole blackhole) {
        if (index.equals("off")) {
            System.setProperty(RealLocalDispatcher.NO_FILTER_INDEX, "true");
        }
        try {
            broker = Broker.inMemory();
        } finally {
            System.clearProperty(RealLocalDispatcher.NO_FILTER_INDEX);
        }
        publication = LunaSamples.publication(fromCamera(subscriptions / 2));
        Topic topic = Topic.handlerEvents(LunaSamples.ACCOUNT_ID);
        for (int i = 0; i < subscriptions; i++) {
            broker.subscribe(topic, LunaSamples.filter("sources=cam" + i), blackhole::consume, Delivery.DIRECT);
        }
        DeliveryStats before = broker.stats();
        broker.publish(publication).toCompletableFuture().join();
        long delivered = broker.stats().messagesDelivered() - before.messagesDelivered();
        if (delivered != 1) {
            throw new IllegalStateException("expected 1 of " + subscriptions + " subscriptions to receive the event, "
                    + delivered + " did");
        }
    }

    /** The 5 KiB event, taken by camera {@code cam{camera}}. */
    static Event fromCamera(int camera) {
        ObjectNode tree = LunaSamples.event5k().toTree();
        tree.put("source", "cam" + camera);
        return Event.of(tree);
    }

    /** Closes the broker and its subscriptions. */
    @TearDown
    public void tearDown() {
        broker.close();
    }

    /** Publishes the event; one subscription receives it. */
    @Benchmark
    public CompletionStage<Void> publish() {
        return broker.publish(publication);
    }
}
