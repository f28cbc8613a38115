package dev.sender.bench.jmh;

import dev.sender.core.event.Event;
import dev.sender.core.internal.filter.CompiledFilter;
import dev.sender.core.internal.filter.EventView;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.core.internal.filter.Matcher;
import dev.sender.core.internal.filter.ViewExtractor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Matching one event against one compiled subscription filter: the work a broker repeats for every subscription
 * of the event's account, once the event's view is extracted. Goal (issue 6): at most 100 ns and no allocation
 * per check, so {@code gc.alloc.rate.norm} must read about 0 B/op.
 *
 * <p>The filter is a LUNA query string parsed by {@code HandlerEventFilter} and compiled as the broker compiles
 * it; the view is extracted once, in the setup, from the 5 KiB sample event. Variants ({@code filter}):
 * <ul>
 *   <li>{@code typical}: {@code gender=0&age__gte=30&sources=cam1,3rd+Avenue}, which the event passes;
 *   <li>{@code worst}: every handler parameter family at once (32 parameters: ids, sources, tags, user data,
 *       labels, similarity and age ranges, face attributes, geo box, location, body attributes), all passed, so
 *       every one is evaluated;
 *   <li>{@code miss-early}: the same, but {@code handler_ids} (evaluated first) rejects the event;
 *   <li>{@code detections-fallback}: the {@code worst} filter against the event without
 *       {@code aggregate_estimations}, so that face and body attributes fall back to the detections.
 * </ul>
 *
 * <p>Run, from the repository root, after {@code mvn -B -q package -DskipTests -pl sender-benchmarks}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -prof gc FilterMatchBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterMatchBenchmark extends BenchmarkDefaults {

    /** Which filter and event; see the class description. */
    @Param({"typical", "worst", "miss-early", "detections-fallback"})
    public String filter;

    private Matcher matcher;
    private EventView view;

    /** Compiles the filter and extracts the event's view, then checks the variant's expected answer. */
    @Setup
    public void setUp() {
        String query;
        Event event = LunaSamples.event5k();
        boolean expected = true;
        switch (filter) {
            case "typical" -> query = LunaSamples.TYPICAL_QUERY;
            case "worst" -> query = LunaSamples.WORST_QUERY;
            case "miss-early" -> {
                query = LunaSamples.MISS_EARLY_QUERY;
                expected = false;
            }
            case "detections-fallback" -> {
                query = LunaSamples.WORST_QUERY;
                event = LunaSamples.withoutAggregate(event);
            }
            default -> throw new IllegalArgumentException("unknown filter variant: " + filter);
        }
        FieldRegistry registry = new FieldRegistry();
        matcher = CompiledFilter.compile(LunaSamples.filter(query), registry).matcher();
        view = new EventView();
        ViewExtractor.extract(registry.snapshot(), LunaSamples.message(event), view);
        if (matcher.matches(view) != expected) {
            throw new IllegalStateException("filter variant " + filter + " should " + (expected ? "" : "not ")
                    + "match its event");
        }
    }

    /** One check of the event against the filter. */
    @Benchmark
    public boolean matches() {
        return matcher.matches(view);
    }
}
