package dev.sender.core.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.EventFields;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which filters the index files, and under what. */
class FilterIndexTest {

    private static final Filter CAM1 = Filter.in(EventFields.SOURCE, Value.string("cam1"));

    @Test
    void keyOf_in_isItsValues_withUuidsLowered() {
        UUID id = UUID.fromString("557D54EC-29AD-4F3C-93B4-C9092EF12515");
        FilterIndex.Key key = FilterIndex.keyOf(Filter.in(EventFields.HANDLER_ID, Value.uuid(id), Value.string("x")));

        assertThat(key).isNotNull();
        assertThat(key.strings).containsExactly("x");
        assertThat(key.uuids).containsExactly("557d54ec-29ad-4f3c-93b4-c9092ef12515");
        assertThat(key.accepts("557D54EC-29ad-4f3c-93b4-c9092ef12515")).isTrue();
    }

    @Test
    void keyOf_and_isItsInWithFewestValues() {
        Filter streams = Filter.in(EventFields.STREAM_ID, Value.string("s1"), Value.string("s2"));
        Filter filter = Filter.and(streams, Filter.gte(EventFields.AGE, Value.integer(18)), CAM1);

        assertThat(FilterIndex.keyOf(filter).strings).isEqualTo(Set.of("cam1"));
        assertThat(FilterIndex.keyOf(filter).path).isEqualTo(EventFields.SOURCE.path());
    }

    @Test
    void keyOf_isNull_forWhatTheIndexCannotFind() {
        assertThat(FilterIndex.keyOf(Filter.any())).isNull();
        assertThat(FilterIndex.keyOf(Filter.not(CAM1))).isNull();
        assertThat(FilterIndex.keyOf(CAM1.or(Filter.in(EventFields.CITY, Value.string("Moscow"))))).isNull();
        assertThat(FilterIndex.keyOf(Filter.gte(EventFields.AGE, Value.integer(18)))).isNull();
        assertThat(FilterIndex.keyOf(Filter.in(EventFields.GENDER, Value.integer(1)))).isNull();
        assertThat(FilterIndex.keyOf(Filter.in(EventFields.EMOTION, Value.string("happiness")))).isNull();
        assertThat(FilterIndex.keyOf(Filter.in(EventFields.TOP_SIMILARITY, Value.string("x")))).isNull();
    }
}
