package dev.sender.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The values of an {@code In}: a set like the unmodifiable {@link LinkedHashSet} it replaces, to the letter. */
class ValueSetTest {

    private static final Value A = Value.string("a");
    private static final Value B = Value.uuid(UUID.fromString("557d54ec-29ad-4f3c-93b4-c9092ef12515"));
    private static final Value C = Value.integer(3);

    @Test
    void keepsTheFirstOrder_withoutRepeats_andPrintsAsALinkedHashSet() {
        Set<Value> set = ValueSet.copyOf(List.of(C, A, C, B, A));
        Set<Value> expected = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(C, A, B)));

        assertThat(set).containsExactly(C, A, B);
        assertThat(set.stream().toList()).containsExactly(C, A, B);
        assertThat(set.toArray()).containsExactly(C, A, B);
        assertThat(set).hasToString(expected.toString());
        assertThat(ValueSet.copyOf(set)).isSameAs(set);
    }

    @Test
    void equalsAndHashesAsEverySet() {
        Set<Value> set = ValueSet.copyOf(List.of(A, B, C));

        List<Set<Value>> sameValues = List.of(Set.of(C, B, A), new HashSet<>(List.of(B, A, C)),
                ValueSet.copyOf(List.of(C, A, B)));
        for (Set<Value> same : sameValues) {
            assertThat(set).isEqualTo(same).hasSameHashCodeAs(same);
            assertThat(same).isEqualTo(set);
        }
        assertThat(set).isNotEqualTo(ValueSet.copyOf(List.of(A, B, Value.integer(4))))
                .isNotEqualTo(Set.of(A, B, Value.number(3))).isNotEqualTo(Set.of(A, B)).isNotEqualTo(List.of(A, B, C));
    }

    @Test
    void contains_findsEqualValuesOnly_andNullIsNoValue() {
        Set<Value> set = ValueSet.copyOf(IntStream.range(0, 100).mapToObj(i -> Value.string("cam" + i)).toList());

        assertThat(set).hasSize(100).contains(Value.string("cam0"), Value.string("cam99"));
        assertThat(set.contains(Value.string("cam100"))).isFalse();
        assertThat(set.contains(null)).isFalse();
        assertThat(set.contains("cam1")).isFalse();
        assertThat(set.containsAll(List.of(Value.string("cam7"), Value.string("cam8")))).isTrue();
    }

    @Test
    void everyMutatorThrows_evenWhenItWouldChangeNothing() {
        Set<Value> set = ValueSet.copyOf(List.of(A, B));
        List<Consumer<Set<Value>>> mutators = List.of(
                s -> s.add(A), s -> s.add(C), s -> s.remove(A), s -> s.remove(C), s -> s.addAll(List.of(A)),
                s -> s.removeAll(List.of(C)), s -> s.retainAll(List.of(A, B)), s -> s.removeIf(v -> false),
                Set::clear, s -> {
                    var it = s.iterator();
                    it.next();
                    it.remove();
                });

        for (Consumer<Set<Value>> mutator : mutators) {
            assertThatThrownBy(() -> mutator.accept(set)).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(set).containsExactly(A, B);
    }

    @Test
    void filters_withTheirValuesInAnotherOrder_areEqualAndHashAlike() {
        Field source = Field.of("event.source");
        Filter a = Filter.in(source, A, B, C);
        Filter b = new Filter.In(source, new LinkedHashSet<>(List.of(C, B, A)));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(((Filter.In) b).values()).containsExactly(C, B, A);
        assertThat(new Filter.ContainsAll(source, Set.of(A)).values()).containsExactly(A);
    }
}
