package dev.sender.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTest {

    private static final Field SOURCE = Field.of("event.source");
    private static final Field AGE = Field.of("event.face_attributes.basic_attributes.age");

    @Test
    void filters_areEqualByStructure() {
        Filter a = Filter.in(SOURCE, Value.string("cam1"), Value.string("cam2"));
        Filter b = Filter.in(SOURCE, List.of(Value.string("cam2"), Value.string("cam1"), Value.string("cam1")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Filter.eq(SOURCE, Value.string("cam1"))).isEqualTo(Filter.in(SOURCE, Value.string("cam1")));
        assertThat(Filter.gte(AGE, Value.integer(3))).isNotEqualTo(Filter.gte(AGE, Value.number(3)));
    }

    @Test
    void and_flattensAndDropsAny() {
        Filter x = Filter.eq(SOURCE, Value.string("x"));
        Filter y = Filter.gte(AGE, Value.integer(1));
        Filter z = Filter.like(SOURCE, "z");

        assertThat(Filter.and(x, Filter.and(y, z))).isEqualTo(Filter.and(x, y, z));
        assertThat(Filter.and(Filter.any(), x)).isEqualTo(x);
        assertThat(Filter.and()).isEqualTo(Filter.any());
        assertThat(x.and(y)).isEqualTo(new Filter.And(List.of(x, y)));
    }

    @Test
    void or_withAny_isAny_andNotNot_isTheFilter() {
        Filter x = Filter.eq(SOURCE, Value.string("x"));

        assertThat(Filter.or(x, Filter.any())).isEqualTo(Filter.any());
        assertThat(Filter.not(Filter.not(x))).isEqualTo(x);
        assertThat(x.negate()).isEqualTo(new Filter.Not(x));
        assertThatThrownBy(Filter::or).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_isReadable() {
        Filter f = Filter.and(Filter.in(SOURCE, Value.string("cam1"), Value.string("cam2")),
                Filter.gte(AGE, Value.integer(30)), Filter.not(Filter.present(Field.of("event.x"), ValueType.ANY)));

        assertThat(f).hasToString("(event.source in (\"cam1\", \"cam2\") and 30 <= "
                + "event.face_attributes.basic_attributes.age and not (event.x is present))");
        assertThat(Field.of("event.matches[].candidates[].similarity").max())
                .hasToString("max(event.matches[].candidates[].similarity)");
    }

    @Test
    void range_needsANumericBound() {
        assertThatThrownBy(() -> Filter.gte(AGE, Value.string("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Filter.Range(AGE, null, false, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void field_parsesArrayNotation() {
        Field f = Field.of("event.matches[].candidates[].similarity");

        assertThat(f.path()).containsExactly("event", "matches", "[]", "candidates", "[]", "similarity");
        assertThat(f.dottedPath()).isEqualTo("event.matches[].candidates[].similarity");
        assertThatThrownBy(() -> Field.of("event..x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Field.of("[]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filters_areImmutable_evenWhenBuiltFromMutableCollections() {
        List<Value> values = new ArrayList<>(List.of(Value.string("a")));
        List<String> path = new ArrayList<>(List.of("event", "source"));
        Filter.In in = (Filter.In) Filter.in(new Field(path, false, null), values);
        Filter.And and = (Filter.And) Filter.and(new ArrayList<>(List.of(in, Filter.like(SOURCE, "x"))));

        values.add(Value.string("b"));
        path.add("more");

        assertThat(in.values()).containsExactly(Value.string("a"));
        assertThat(in.field()).isEqualTo(SOURCE);
        assertThatThrownBy(() -> in.values().add(Value.string("c"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> and.filters().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SOURCE.path().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void number_mustBeFinite() {
        assertThatThrownBy(() -> Value.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
