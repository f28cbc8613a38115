package dev.sender.core.filter;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;

/**
 * The values of an {@code In} or a {@code ContainsAll}: an unmodifiable set in the order given, which equals and
 * hashes as every {@link Set} does. Brokers hash filters and walk their values on every subscribe and
 * unsubscribe, so the values are kept in an array (walked without allocating), the hash code is computed once,
 * and lookups go through an immutable hash set.
 */
final class ValueSet extends AbstractSet<Value> {

    private final Value[] values;
    private final Set<Value> lookup;
    private final int hash;

    private ValueSet(Value[] values) {
        this.values = values;
        this.lookup = Set.of(values);
        int h = 0;
        for (Value v : values) {
            h += v.hashCode();
        }
        this.hash = h;
    }

    /** {@code values} without repeats, in their first order; the same set when it is one already. */
    static ValueSet copyOf(Collection<? extends Value> values) {
        if (values instanceof ValueSet set) {
            return set;
        }
        Set<Value> distinct = new LinkedHashSet<>();
        for (Value v : values) {
            distinct.add(Objects.requireNonNull(v, "value"));
        }
        return new ValueSet(distinct.toArray(new Value[0]));
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean contains(Object o) {
        return o != null && lookup.contains(o); // Set.of refuses null
    }

    @Override
    public Iterator<Value> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < values.length;
            }

            @Override
            public Value next() {
                if (next >= values.length) {
                    throw new NoSuchElementException();
                }
                return values[next++];
            }
        };
    }

    @Override
    public Spliterator<Value> spliterator() {
        return Spliterators.spliterator(values, Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL
                | Spliterator.IMMUTABLE);
    }

    @Override
    public Object[] toArray() {
        return values.clone();
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof ValueSet other && other.hash != hash) {
            return false;
        }
        return super.equals(o);
    }

    // Unmodifiable like Collections.unmodifiableSet: every mutator throws, even when it would change nothing.

    @Override
    public boolean add(Value value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(Collection<? extends Value> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeIf(Predicate<? super Value> filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }
}
