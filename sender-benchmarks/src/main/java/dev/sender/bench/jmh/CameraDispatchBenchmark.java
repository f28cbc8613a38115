package dev.sender.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sender.core.Broker;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryStats;
import dev.sender.core.HistoryOptions;
import dev.sender.core.Topic;
import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.internal.DispatchTargets;
import dev.sender.core.internal.RealLocalDispatcher;
import dev.sender.core.internal.filter.EventView;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.core.internal.filter.FilterIndex;
import dev.sender.core.internal.filter.PathTrie;
import dev.sender.core.internal.filter.ViewExtractor;
import java.util.concurrent.CompletionStage;
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
 * The in-memory broker dispatching one event to many subscriptions that each watch one camera
 * ({@code sources=cam{i}}, parsed as the server parses it), of which exactly one matches: per publish, one view
 * extraction of the 5 KiB event, the filter checks, and one hand-over to a {@link Delivery#DIRECT} sink that only
 * consumes the message. The score is the time of one {@code publish}; events/s is its inverse. {@code match}
 * isolates the matching: on a view extracted once in the setup, it finds the candidates in the index (or takes
 * every filter, with the index off) and evaluates them, as dispatch does, without extraction or delivery.
 *
 * <p>Variants: {@code subscriptions} {100, 10000, 100000}, and {@code index} {on, off}: off sets the system
 * property {@value RealLocalDispatcher#NO_FILTER_INDEX} so that every filter is checked against every event, as
 * before the filter index. The setup checks that exactly one subscription receives the event. The broker keeps no
 * history, so the score is dispatching alone ({@link FanOutBenchmark} measures what history adds).
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl sender-benchmarks -am package -DskipTests}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -prof gc CameraDispatchBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CameraDispatchBenchmark extends BenchmarkDefaults {

    /** Subscriptions of the event's account, one camera each. */
    @Param({"100", "10000", "100000"})
    public int subscriptions;

    /** Whether the dispatcher indexes filters ({@code on}) or checks them all ({@code off}). */
    @Param({"on", "off"})
    public String index;

    private Broker broker;
    private HandlerPublication publication;
    private DispatchTargets targets;
    private PathTrie trie;
    private final EventView view = new EventView();
    private final FilterIndex.Candidates<DispatchTargets.FilterGroup> candidates = new FilterIndex.Candidates<>();

    /** Subscribes one sink per camera, then publishes once to check that exactly one received the event. */
    @Setup
    public void setUp(Blackhole blackhole) {
        if (index.equals("off")) {
            System.setProperty(RealLocalDispatcher.NO_FILTER_INDEX, "true");
        }
        try {
            broker = Broker.inMemory(DeliveryOptions.ofDefaults(), HistoryOptions.OFF);
        } finally {
            System.clearProperty(RealLocalDispatcher.NO_FILTER_INDEX);
        }
        publication = LunaSamples.publication(fromCamera(subscriptions / 2));
        Topic topic = Topic.handlerEvents(LunaSamples.ACCOUNT_ID);
        for (int i = 0; i < subscriptions; i++) {
            broker.subscribe(topic, LunaSamples.filter("sources=cam" + i), blackhole::consume, Delivery.DIRECT);
        }
        FieldRegistry registry = new FieldRegistry();
        targets = new DispatchTargets(registry, index.equals("on"));
        for (int i = 0; i < subscriptions; i++) {
            targets.add(DispatchTargets.create(topic, LunaSamples.filter("sources=cam" + i), blackhole::consume,
                    Delivery.DIRECT, DeliveryOptions.ofDefaults(), Runnable::run, t -> { }));
        }
        trie = registry.snapshot();
        HandlerEventMessage message = publication.message(0);
        ViewExtractor.extract(trie, message, view);
        if (match() != 1) {
            throw new IllegalStateException("expected 1 of " + subscriptions + " filters to match");
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

    /** Finds and evaluates the filters the extracted event may pass; returns how many passed. */
    @Benchmark
    public int match() {
        int passed = 0;
        for (DispatchTargets.FilterGroup group : targets.scanned()) {
            if (group.matcher().matches(view)) {
                passed++;
            }
        }
        targets.index().collect(view, trie, candidates);
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).matcher().matches(view)) {
                passed++;
            }
        }
        candidates.clear();
        return passed;
    }
}
