package dev.sender.core.internal.filter;

import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.filter.ValueType;
import org.jspecify.annotations.Nullable;

/** {@code Range}: a number within the bounds; integer bounds read only integers. */
final class RangeMatcher extends FieldMatcher {

    private final double lower;
    private final double upper;
    private final boolean lowerInclusive;
    private final boolean upperInclusive;
    private final boolean integersOnly;

    RangeMatcher(Slots slots, Filter.Range range) {
        super(slots);
        lower = bound(range.lower(), Double.NEGATIVE_INFINITY);
        upper = bound(range.upper(), Double.POSITIVE_INFINITY);
        lowerInclusive = range.lower() == null || range.lowerInclusive();
        upperInclusive = range.upper() == null || range.upperInclusive();
        integersOnly = isInteger(range.lower()) || isInteger(range.upper());
    }

    private static double bound(@Nullable Value value, double none) {
        if (value == null) {
            return none;
        }
        return value instanceof Value.Int i ? i.value() : ((Value.Num) value).value();
    }

    private static boolean isInteger(@Nullable Value value) {
        return value != null && value.type() == ValueType.INTEGER;
    }

    @Override
    int judgeEntry(EventView view, int entry) {
        byte kind = view.kind(entry);
        if (kind != EventView.INT && (kind != EventView.FLOAT || integersOnly)) {
            return ABSENT;
        }
        double d = view.number(entry);
        boolean above = lowerInclusive ? d >= lower : d > lower;
        boolean below = upperInclusive ? d <= upper : d < upper;
        return above && below ? MATCH : NO;
    }
}
