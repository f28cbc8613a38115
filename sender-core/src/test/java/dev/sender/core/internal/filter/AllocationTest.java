package dev.sender.core.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.Event;
import dev.sender.core.event.EventFields;
import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.testkit.SampleEvents;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Evaluating a compiled filter against an extracted view must not allocate. */
class AllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void matching_allocatesNothingPerEvaluation() {
        Filter worstCase = Filter.and(
                Filter.in(EventFields.HANDLER_ID, Value.uuid(UUID.randomUUID()),
                        Value.uuid(UUID.fromString("557d54ec-29ad-4f3c-93b4-c9092ef12515"))),
                Filter.in(EventFields.SOURCE, Value.string("3rd Avenue"), Value.string("cam2")),
                Filter.containsAll(EventFields.TAGS, List.of(Value.string("tag1"), Value.string("tag2"))),
                Filter.like(EventFields.USER_DATA, "event"),
                Filter.gte(EventFields.TOP_SIMILARITY, Value.number(0.1)),
                Filter.in(EventFields.EMOTION, Value.string("surprise")),
                Filter.in(EventFields.UPPER_CLOTHING_COLORS, Value.string("black")),
                Filter.geoBox(EventFields.LONGITUDE, EventFields.LATITUDE, 36.616, 55.752, 0.01, 0.01),
                Filter.not(Filter.present(Field.of("event.nope"), dev.sender.core.filter.ValueType.ANY)));
        assertEvaluationAllocatesNothing(worstCase, SampleEvents.message());
    }

    @Test
    void matching_throughTheDetectionsFallback_allocatesNothing() {
        Field age = Field.of("event.face_attributes.basic_attributes.age");
        Filter fallback = Filter.and(
                Filter.in(EventFields.EMOTION, Value.string("happiness"), Value.string("neutral")),
                Filter.in(EventFields.LIVENESS, Value.string("spoof")),
                Filter.or(Filter.lt(age, Value.integer(18)), Filter.gte(age, Value.integer(40))),
                Filter.in(EventFields.APPARENT_GENDER, Value.number(0)));
        Event withoutAggregate = SampleEvents.event(tree -> tree.remove("aggregate_estimations"));

        assertEvaluationAllocatesNothing(fallback, SampleEvents.handlerMessage(withoutAggregate));
    }

    private static void assertEvaluationAllocatesNothing(Filter filter, EventMessage message) {
        FieldRegistry registry = new FieldRegistry();
        Matcher matcher = CompiledFilter.compile(filter, registry).matcher();
        EventView view = new EventView();
        ViewExtractor.extract(registry.snapshot(), message, view);
        assertThat(matcher.matches(view)).isTrue();
        for (int i = 0; i < 100_000; i++) {
            matcher.matches(view);
        }

        long before = THREADS.getCurrentThreadAllocatedBytes();
        boolean all = true;
        for (int i = 0; i < 100_000; i++) {
            all &= matcher.matches(view);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertThat(all).isTrue();
        assertThat(allocated).as("bytes allocated by 100,000 evaluations").isLessThan(10_000);
    }
}
