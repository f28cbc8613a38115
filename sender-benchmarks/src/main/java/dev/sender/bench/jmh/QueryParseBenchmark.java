package dev.sender.bench.jmh;

import dev.sender.core.filter.Filter;
import dev.sender.core.internal.filter.CompiledFilter;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.filters.HandlerEventFilter;
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
 * Reading a subscription's query string into a core filter, as the server does once per WebSocket subscription:
 * {@code HandlerEventFilter.parse(rawQuery).toFilter()} ({@code parse}), and the same followed by compiling the
 * filter against a registry that already holds its paths, then releasing it ({@code parseAndCompile}: what a
 * subscription costs the broker when other subscribers read the same fields).
 *
 * <p>Variants ({@code query}): {@code typical} is {@code gender=0&age__gte=30&sources=cam1,3rd+Avenue};
 * {@code worst} sets every handler parameter family at once (32 parameters, most of them lists).
 *
 * <p>Run, from the repository root, after {@code mvn -B -q package -DskipTests -pl sender-benchmarks}:
 * <pre>{@code
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -prof gc QueryParseBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryParseBenchmark extends BenchmarkDefaults {

    /** Which query string; see the class description. */
    @Param({"typical", "worst"})
    public String query;

    private String rawQuery;
    private FieldRegistry registry;

    /** Picks the query and fills a registry with the paths it reads, as other subscribers would. */
    @Setup
    public void setUp() {
        rawQuery = switch (query) {
            case "typical" -> LunaSamples.TYPICAL_QUERY;
            case "worst" -> LunaSamples.WORST_QUERY;
            default -> throw new IllegalArgumentException("unknown query variant: " + query);
        };
        registry = new FieldRegistry();
        CompiledFilter.compile(LunaSamples.filter(rawQuery), registry);
    }

    /** Parses the query into a filter. */
    @Benchmark
    public Filter parse() {
        return HandlerEventFilter.parse(rawQuery).toFilter();
    }

    /** Parses the query, compiles the filter for the broker, and releases it as a closing subscription does. */
    @Benchmark
    public CompiledFilter parseAndCompile() {
        CompiledFilter compiled = CompiledFilter.compile(HandlerEventFilter.parse(rawQuery).toFilter(), registry);
        compiled.release();
        return compiled;
    }
}
