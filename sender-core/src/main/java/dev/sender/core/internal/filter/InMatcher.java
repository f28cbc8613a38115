package dev.sender.core.internal.filter;

import dev.sender.core.filter.Value;
import java.util.Set;

/** {@code In}: an entry matches when it equals one of the values, each compared within its JSON type. */
final class InMatcher extends FieldMatcher {

    private static final String[] NO_STRINGS = {};
    private static final long[] NO_INTEGERS = {};
    private static final double[] NO_NUMBERS = {};

    /** Immutable sets: one or two values are compared without hashing, and nothing is built per value. */
    private final Set<String> strings;
    /** The UUID values in lower case; event strings are compared as they are, or lowered when they hold capitals. */
    private final Set<String> uuids;
    private final long[] integers;
    private final double[] numbers;
    private final boolean acceptsTrue;
    private final boolean acceptsFalse;
    private final boolean readsStrings;
    private final boolean readsBooleans;

    InMatcher(Slots slots, Set<Value> values) {
        super(slots);
        int stringCount = 0;
        int uuidCount = 0;
        int integerCount = 0;
        int numberCount = 0;
        for (Value value : values) {
            if (value instanceof Value.Str) {
                stringCount++;
            } else if (value instanceof Value.Uuid) {
                uuidCount++;
            } else if (value instanceof Value.Int) {
                integerCount++;
            } else if (value instanceof Value.Num) {
                numberCount++;
            }
        }
        String[] stringArray = stringCount == 0 ? NO_STRINGS : new String[stringCount];
        String[] uuidArray = uuidCount == 0 ? NO_STRINGS : new String[uuidCount];
        integers = integerCount == 0 ? NO_INTEGERS : new long[integerCount];
        numbers = numberCount == 0 ? NO_NUMBERS : new double[numberCount];
        int s = 0;
        int u = 0;
        int i = 0;
        int n = 0;
        boolean t = false;
        boolean f = false;
        boolean bools = false;
        for (Value value : values) {
            if (value instanceof Value.Str str) {
                stringArray[s++] = str.value();
            } else if (value instanceof Value.Uuid uuid) {
                uuidArray[u++] = uuid.lowerCase();
            } else if (value instanceof Value.Int integer) {
                integers[i++] = integer.value();
            } else if (value instanceof Value.Num number) {
                numbers[n++] = number.value();
            } else if (value instanceof Value.Bool b) {
                bools = true;
                t |= b.value();
                f |= !b.value();
            }
        }
        // Distinct: equal Str values, and Uuid values of equal UUIDs, are one element of the filter's set.
        strings = Set.of(stringArray);
        uuids = Set.of(uuidArray);
        acceptsTrue = t;
        acceptsFalse = f;
        readsBooleans = bools;
        readsStrings = stringCount + uuidCount > 0;
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
