package dev.sender.bench.jmh;

import dev.sender.core.Broker;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.DeliveryStats;
import dev.sender.core.HistoryOptions;
import dev.sender.core.Topic;
import dev.sender.core.event.HandlerPublication;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
 * The in-memory broker fanning out one published event to the subscriptions of its account: per publish, one
 * view extraction of the 5 KiB event, one filter check per subscription, and one hand-over per matching
 * subscription to a {@link Delivery#DIRECT} sink that only consumes the message (no encoding, no socket).
 * The score is the time of one {@code publish} of a {@code HandlerPublication} holding that one event.
 *
 * <p>The subscriptions use ten filter families parsed from LUNA query strings (typical, sources, handler ids,
 * tags, labels with similarity, geo box, face attributes, location, body attributes, and the 32-parameter worst
 * case), in turn; each has a variant the event passes and variants it fails at various parameters. Exactly
 * {@code round(subscriptions × matchRatio)} subscriptions pass, spread evenly; the setup checks it.
 * Variants: {@code subscriptions} {100, 1000} and {@code matchRatio} {0.1, 1.0}. Divide the score by
 * {@code subscriptions} for the cost per subscription.
 *
 * <p>{@code history}: {@code off} is a broker without history; {@code on} keeps the default history (SPEC §9), so
 * that each publish also gives the event its position, copies the message with it, stores it in the topic's ring
 * (full after the warm-up, so the oldest event goes) and encodes the message's JSON once, which subscribers
 * without history would otherwise do on their first send.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q package -DskipTests -pl sender-benchmarks}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -prof gc FanOutBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FanOutBenchmark extends BenchmarkDefaults {

    /** Subscription filters as LUNA query strings: one the event passes, and ones it fails given an index. */
    private record Family(String passing, IntFunction<String> failing) {
    }

    private static final String FAR_AWAY = "origin_longitude,30.3,origin_latitude,59.9";

    private static final List<Family> FAMILIES = List.of(
            new Family(LunaSamples.TYPICAL_QUERY,
                    i -> "gender=1&age__gte=30&sources=cam" + i + ",3rd+Avenue"),
            new Family("sources=cam1,3rd+Avenue",
                    i -> "sources=cam" + i),
            new Family("handler_ids=" + LunaSamples.HANDLER_ID,
                    i -> "handler_ids=" + String.format("%08x-0000-4000-8000-000000000000", i)),
            new Family("tags=tag1",
                    i -> "tags=tag1,vip" + i),
            new Family("matching_candidates_labels=good+guys&object_similarity__gte=0.4",
                    i -> "matching_candidates_labels=good+guys&object_similarity__gte=0." + (6 + i % 4)),
            new Family("geo_position=origin_longitude,36.62,origin_latitude,55.75",
                    i -> "geo_position=" + FAR_AWAY),
            new Family("liveness=0&masks=1&emotions=5,7",
                    i -> i % 2 == 0 ? "liveness=1&emotions=5,7" : "liveness=0&masks=1&emotions=4"),
            new Family("cities=Moscow&streets=schepkina",
                    i -> "cities=Moscow&streets=street" + i),
            new Family("apparent_gender=0&upper_clothing_colors=black&lower_garment_types=trousers",
                    i -> "apparent_gender=0&upper_clothing_colors=black&lower_garment_types=skirt"),
            new Family(LunaSamples.WORST_QUERY,
                    i -> i % 2 == 0 ? LunaSamples.MISS_EARLY_QUERY
                            : LunaSamples.WORST_QUERY.replace("backpack_states=1,0", "backpack_states=1")));

    /** Subscriptions of the event's account. */
    @Param({"100", "1000"})
    public int subscriptions;

    /** Share of the subscriptions whose filter the event passes. */
    @Param({"0.1", "1.0"})
    public double matchRatio;

    /** Whether the broker keeps history: {@code off} or {@code on} (the default history). */
    @Param({"off", "on"})
    public String history = "off";

    private Broker broker;
    private HandlerPublication publication;

    /**
     * Subscribes the sinks, then publishes once to check that exactly the expected number of subscriptions
     * received the event.
     */
    @Setup
    public void setUp(Blackhole blackhole) {
        broker = Broker.inMemory(DeliveryOptions.ofDefaults(),
                history.equals("on") ? HistoryOptions.ofDefaults() : HistoryOptions.OFF);
        publication = LunaSamples.publication(LunaSamples.event5k());
        Topic topic = Topic.handlerEvents(LunaSamples.ACCOUNT_ID);
        long expected = Math.round(subscriptions * matchRatio);
        int passing = 0;
        for (int i = 0; i < subscriptions; i++) {
            boolean passes = (i + 1) * expected / subscriptions > i * expected / subscriptions;
            int seen = passes ? passing++ : i - passing;
            Family family = FAMILIES.get(seen % FAMILIES.size());
            String query = passes ? family.passing() : family.failing().apply(i);
            broker.subscribe(topic, LunaSamples.filter(query), blackhole::consume, Delivery.DIRECT);
        }
        DeliveryStats before = broker.stats();
        broker.publish(publication).toCompletableFuture().join();
        long delivered = broker.stats().messagesDelivered() - before.messagesDelivered();
        if (delivered != expected || passing != expected) {
            throw new IllegalStateException("expected " + expected + " of " + subscriptions
                    + " subscriptions to receive the event, " + delivered + " did");
        }
    }

    /** Closes the broker and its subscriptions. */
    @TearDown
    public void tearDown() {
        broker.close();
    }

    /** Publishes the event to every subscription of its account. */
    @Benchmark
    public CompletionStage<Void> publish() {
        return broker.publish(publication);
    }
}
