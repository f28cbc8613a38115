package dev.sender.core.internal.filter;

import dev.sender.core.filter.Value;
import java.util.Set;

/**
 * {@code ContainsAll}: every value must equal one of the field's entries. Entries are read once; each is
 * checked against every value not found yet.
 */
final class ContainsAllMatcher extends FieldMatcher {

    private final InMatcher[] each;
    private final long allFound;

    ContainsAllMatcher(Slots slots, Set<Value> values) {
        super(slots);
        each = new InMatcher[values.size()];
        int i = 0;
        for (Value value : values) {
            each[i++] = new InMatcher(slots, Set.of(value));
        }
        allFound = each.length >= 64 ? -1L : (1L << each.length) - 1;
    }

    @Override
    int judgeSlot(EventView view, int at) {
        if (each.length >= 64) {
            return judgeEachValue(view, at);
        }
        long found = 0;
        boolean readable = false;
        for (int e = view.first(at); e >= 0; e = view.next(e)) {
            for (int i = 0; i < each.length; i++) {
                if ((found & (1L << i)) == 0) {
                    int r = each[i].judgeEntry(view, e);
                    if (r == MATCH) {
                        found |= 1L << i;
                        readable = true;
                    } else if (r == NO) {
                        readable = true;
                    }
                }
            }
            if (found == allFound) {
                return MATCH;
            }
        }
        return readable ? NO : ABSENT;
    }

    /** For more values than a mask holds: one pass over the entries per value. */
    private int judgeEachValue(EventView view, int at) {
        int result = MATCH;
        for (InMatcher required : each) {
            int r = required.judgeSlot(view, at);
            if (r == ABSENT) {
                return ABSENT;
            }
            if (r == NO) {
                result = NO;
            }
        }
        return result;
    }

    /** One entry (the greatest, for a {@code max} field) contains all values only if it equals each. */
    @Override
    int judgeEntry(EventView view, int entry) {
        int result = MATCH;
        for (InMatcher required : each) {
            int r = required.judgeEntry(view, entry);
            if (r == ABSENT) {
                return ABSENT;
            }
            if (r == NO) {
                result = NO;
            }
        }
        return result;
    }
}
