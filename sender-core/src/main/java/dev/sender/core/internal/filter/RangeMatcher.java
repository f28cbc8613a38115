package dev.sender.core.internal.filter;

import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import org.jspecify.annotations.Nullable;

/**
 * {@code Range}: a number within the bounds. An integer bound reads only JSON integers and compares them
 * exactly; a number bound reads any JSON number.
 */
final class RangeMatcher extends FieldMatcher {

    private final @Nullable Value lower;
    private final @Nullable Value upper;
    private final boolean lowerInclusive;
    private final boolean upperInclusive;
    private final boolean integersOnly;

    RangeMatcher(Slots slots, Filter.Range range) {
        super(slots);
        lower = range.lower();
        upper = range.upper();
        lowerInclusive = range.lowerInclusive();
        upperInclusive = range.upperInclusive();
        integersOnly = lower instanceof Value.Int || upper instanceof Value.Int;
    }

    @Override
    int judgeEntry(EventView view, int entry) {
        if (integersOnly ? !view.isInteger(entry) : !view.isNumber(entry)) {
            return ABSENT;
        }
        boolean within = (lower == null || holds(compare(view, entry, lower), lowerInclusive, true))
                && (upper == null || holds(compare(view, entry, upper), upperInclusive, false));
        return within ? MATCH : NO;
    }

    /** The sign of entry − bound, numerically: {@code -0.0} equals {@code 0} (unlike {@link Double#compare}). */
    private static int compare(EventView view, int entry, Value bound) {
        if (bound instanceof Value.Int i && view.kind(entry) == EventView.INT) {
            return Long.compare(view.integer(entry), i.value());
        }
        double b = bound instanceof Value.Int i ? i.value() : ((Value.Num) bound).value();
        double value = view.number(entry);
        return value < b ? -1 : value > b ? 1 : 0;
    }

    private static boolean holds(int sign, boolean inclusive, boolean isLower) {
        if (sign == 0) {
            return inclusive;
        }
        return isLower ? sign > 0 : sign < 0;
    }
}
