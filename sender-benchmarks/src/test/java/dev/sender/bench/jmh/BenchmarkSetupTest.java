package dev.sender.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sender.core.event.Event;
import dev.sender.core.internal.filter.CompiledFilter;
import dev.sender.core.internal.filter.FieldRegistry;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.filters.internal.Catalogue;
import dev.sender.filters.internal.Parameter;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmarks measure what their descriptions say: the setups run and check their variants. */
class BenchmarkSetupTest {

    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void event5k_isAbout5KiB_andKeepsWhatFiltersRead() {
        Event event = LunaSamples.event5k();

        assertThat(event.jsonLength()).isBetween(5_000, 5_400);
        assertThat(event.toTree().has("aggregate_estimations")).isTrue();
        assertThat(event.matches()).hasSize(2);
        assertThat(event.location()).isPresent();
        assertThat(event.emotion()).isPresent();
        assertThat(event.upperClothingColors()).isNotEmpty();
        assertThat(event.lowerGarmentType()).isPresent();
    }

    @Test
    void everyParameterQuery_setsEveryParameterOfTheCatalogue() {
        Set<String> catalogue = Catalogue.HANDLER.parameters().stream().map(Parameter::name)
                .collect(Collectors.toSet());

        assertThat(HandlerEventFilter.parse(LunaSamples.EVERY_PARAMETER_QUERY).toQueryParameters().keySet())
                .isEqualTo(catalogue);
        assertThat(HandlerEventFilter.parse(LunaSamples.WORST_QUERY).toQueryParameters()).hasSize(catalogue.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"typical", "worst", "miss-early", "detections-fallback"})
    void filterMatch_setUp_checksItsVariant(String variant) {
        FilterMatchBenchmark benchmark = new FilterMatchBenchmark();
        benchmark.filter = variant;

        benchmark.setUp();

        assertThat(benchmark.matches()).isEqualTo(!variant.equals("miss-early"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"typical", "worst"})
    void queryParse_parsesAndCompiles(String variant) {
        QueryParseBenchmark benchmark = new QueryParseBenchmark();
        benchmark.query = variant;
        benchmark.setUp();

        assertThat(benchmark.parse()).isNotNull();
        assertThat(benchmark.parseAndCompile()).isNotNull();
    }

    @Test
    void everyParameterQuery_reads45Paths() {
        FieldRegistry registry = new FieldRegistry();
        CompiledFilter.compile(LunaSamples.filter(LunaSamples.EVERY_PARAMETER_QUERY), registry);

        assertThat(registry.size()).isEqualTo(45);
    }

    @ParameterizedTest
    @CsvSource({"catalogue,5k", "catalogue,sample", "few,5k", "few,sample"})
    void viewExtraction_extracts(String fields, String event) {
        ViewExtractionBenchmark benchmark = new ViewExtractionBenchmark();
        benchmark.fields = fields;
        benchmark.event = event;
        benchmark.setUp();

        assertThat(benchmark.extract()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"100,0.1,off", "100,1.0,off", "1000,0.1,off", "1000,1.0,off", "100,0.1,on", "1000,1.0,on"})
    void fanOut_setUp_deliversToExactlyTheMatchingShare(int subscriptions, double matchRatio, String history) {
        FanOutBenchmark benchmark = new FanOutBenchmark();
        benchmark.subscriptions = subscriptions;
        benchmark.matchRatio = matchRatio;
        benchmark.history = history;

        // setUp throws unless exactly round(subscriptions × matchRatio) subscriptions received its test event.
        assertThatCode(() -> benchmark.setUp(BLACKHOLE)).doesNotThrowAnyException();
        try {
            assertThat(benchmark.publish().toCompletableFuture()).succeedsWithin(Duration.ofSeconds(10));
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @CsvSource({"100,on", "100,off", "10000,on"})
    void cameraDispatch_setUp_deliversToExactlyOneCamera(int subscriptions, String index) {
        CameraDispatchBenchmark benchmark = new CameraDispatchBenchmark();
        benchmark.subscriptions = subscriptions;
        benchmark.index = index;

        // setUp throws unless exactly one subscription received its test event.
        assertThatCode(() -> benchmark.setUp(BLACKHOLE)).doesNotThrowAnyException();
        try {
            assertThat(benchmark.publish().toCompletableFuture()).succeedsWithin(Duration.ofSeconds(10));
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"any", "typical"})
    void replay_setUp_replaysEveryRetainedEvent(String filter) {
        ReplayBenchmark benchmark = new ReplayBenchmark();
        benchmark.filter = filter;

        // setUp throws unless every retained event was replayed.
        assertThatCode(() -> benchmark.setUp(BLACKHOLE)).doesNotThrowAnyException();
        try {
            assertThat(benchmark.replay().isOpen()).isFalse();
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void subscribeChurn_subscribesAndUnsubscribes() {
        SubscribeChurnBenchmark benchmark = new SubscribeChurnBenchmark();
        benchmark.existing = 1000;
        benchmark.setUp();
        try {
            for (int i = 0; i < 5000; i++) {
                assertThat(benchmark.subscribeAndUnsubscribe()).isNotNull();
            }
        } finally {
            benchmark.tearDown();
        }
    }
}
