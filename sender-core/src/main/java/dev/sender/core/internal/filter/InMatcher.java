package dev.sender.core.internal.filter;

import dev.sender.core.filter.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code In}: an entry matches when it equals one of the values, each compared within its JSON type. */
final class InMatcher extends FieldMatcher {

    private final Set<String> strings = new HashSet<>();
    /** The UUID values in lower case; event strings are compared as they are, or lowered when they hold capitals. */
    private final Set<String> uuids = new HashSet<>();
    private final long[] integers;
    private final double[] numbers;
    private final boolean acceptsTrue;
    private final boolean acceptsFalse;
    private final boolean readsStrings;
    private final boolean readsBooleans;

    InMatcher(Slots slots, Set<Value> values) {
        super(slots);
        List<Long> integerList = new ArrayList<>();
        List<Double> numberList = new ArrayList<>();
        boolean t = false;
        boolean f = false;
        boolean bools = false;
        for (Value value : values) {
            if (value instanceof Value.Str s) {
                strings.add(s.value());
            } else if (value instanceof Value.Uuid u) {
                uuids.add(u.lowerCase());
            } else if (value instanceof Value.Int i) {
                integerList.add(i.value());
            } else if (value instanceof Value.Num n) {
                numberList.add(n.value());
            } else if (value instanceof Value.Bool b) {
                bools = true;
                t |= b.value();
                f |= !b.value();
            }
        }
        integers = integerList.stream().mapToLong(Long::longValue).toArray();
        numbers = numberList.stream().mapToDouble(Double::doubleValue).toArray();
        acceptsTrue = t;
        acceptsFalse = f;
        readsBooleans = bools;
        readsStrings = !strings.isEmpty() || !uuids.isEmpty();
    }

    @Override
    int judgeEntry(EventView view, int entry) {
        switch (view.kind(entry)) {
            case EventView.STRING -> {
                if (!readsStrings) {
                    return ABSENT;
                }
                String s = view.string(entry);
                return !strings.isEmpty() && strings.contains(s) || !uuids.isEmpty() && Uuids.contains(uuids, s)
                        ? MATCH : NO;
            }
            case EventView.INT -> {
                if (integers.length == 0 && numbers.length == 0) {
                    return ABSENT;
                }
                return contains(integers, view.integer(entry)) || contains(numbers, view.number(entry)) ? MATCH : NO;
            }
            case EventView.BIG_INT -> {
                // Beyond the range of a long: no integer literal can equal it.
                if (integers.length == 0 && numbers.length == 0) {
                    return ABSENT;
                }
                return contains(numbers, view.number(entry)) ? MATCH : NO;
            }
            case EventView.FLOAT -> {
                if (numbers.length == 0) {
                    return ABSENT;
                }
                return contains(numbers, view.number(entry)) ? MATCH : NO;
            }
            case EventView.TRUE -> {
                return readsBooleans ? (acceptsTrue ? MATCH : NO) : ABSENT;
            }
            case EventView.FALSE -> {
                return readsBooleans ? (acceptsFalse ? MATCH : NO) : ABSENT;
            }
            default -> {
                return ABSENT;
            }
        }
    }

    private static boolean contains(long[] values, long n) {
        for (long v : values) {
            if (v == n) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(double[] values, double d) {
        for (double v : values) {
            if (v == d) {
                return true;
            }
        }
        return false;
    }
}
