package dev.sender.bench.jmh;

import dev.sender.core.event.Event;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.internal.filter.CompiledFilter;
import dev.sender.core.internal.filter.EventView;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.core.internal.filter.PathTrie;
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
 * Extracting the per-event view: the one streaming pass over an event's JSON that a broker makes per published
 * event, whatever its number of subscribers, to collect the values their filters read
 * ({@code ViewExtractor.extract}, into a reused {@code EventView} as the dispatcher does).
 *
 * <p>Variants: {@code fields} is {@code catalogue} (the registry holds every path the LUNA handler-event
 * catalogue reads: 33 parameters, 45 paths counting the detection fallbacks of face and body attributes) or
 * {@code few} (the three paths of {@code gender=0&age__gte=30&sources=cam1,3rd+Avenue}); {@code event} is
 * {@code 5k} (the 5.2 KiB event) or {@code sample} (the LUNA reference's 10.6 KiB sample event).
 *
 * <p>Run, from the repository root, after {@code mvn -B -q package -DskipTests -pl sender-benchmarks}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -prof gc ViewExtractionBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ViewExtractionBenchmark extends BenchmarkDefaults {

    /** Which paths the registry holds; see the class description. */
    @Param({"catalogue", "few"})
    public String fields;

    /** Which event; see the class description. */
    @Param({"5k", "sample"})
    public String event;

    private PathTrie trie;
    private HandlerEventMessage message;
    private EventView view;

    /** Registers the variant's paths and builds the message. */
    @Setup
    public void setUp() {
        String query = switch (fields) {
            case "catalogue" -> LunaSamples.EVERY_PARAMETER_QUERY;
            case "few" -> LunaSamples.TYPICAL_QUERY;
            default -> throw new IllegalArgumentException("unknown fields variant: " + fields);
        };
        Event e = switch (event) {
            case "5k" -> LunaSamples.event5k();
            case "sample" -> LunaSamples.sampleEvent();
            default -> throw new IllegalArgumentException("unknown event variant: " + event);
        };
        FieldRegistry registry = new FieldRegistry();
        CompiledFilter.compile(LunaSamples.filter(query), registry);
        trie = registry.snapshot();
        message = LunaSamples.message(e);
        view = new EventView();
    }

    /** Extracts the view of the event. */
    @Benchmark
    public EventView extract() {
        ViewExtractor.extract(trie, message, view);
        return view;
    }
}
