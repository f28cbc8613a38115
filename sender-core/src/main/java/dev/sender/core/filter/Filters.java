package dev.sender.core.filter;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Argument checks and printing shared by the filter records. */
final class Filters {

    private Filters() {
    }

    static Set<Value> orderedSet(Collection<? extends Value> values, String name) {
        Objects.requireNonNull(values, name);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return ValueSet.copyOf(values);
    }

    static void requireNumeric(@Nullable Value bound, String name) {
        if (bound != null && bound.type() != ValueType.INTEGER && bound.type() != ValueType.NUMBER) {
            throw new IllegalArgumentException(name + " bound must be an integer or a number: " + bound);
        }
    }

    static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
    }

    static String list(Set<Value> values) {
        return values.stream().map(Value::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    static String join(List<Filter> filters, String operator) {
        return filters.stream().map(Filter::toString).collect(Collectors.joining(operator, "(", ")"));
    }
}
