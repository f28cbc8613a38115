package dev.sender.core.internal.filter;

import dev.sender.core.filter.Value;
import java.util.Set;

/** {@code ContainsAll}: every value must equal one of the field's entries. */
final class ContainsAllMatcher extends FieldMatcher {

    private final InMatcher[] each;

    ContainsAllMatcher(Slots slots, Set<Value> values) {
        super(slots);
        each = values.stream().map(v -> new InMatcher(slots, Set.of(v))).toArray(InMatcher[]::new);
    }

    @Override
    int judgeSlot(EventView view, int at) {
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
