package dev.sender.core.internal.filter;

/**
 * A comparison on one field, judged three ways per entry: it matches, it does not, or the entry has no value
 * the comparison can read (missing, null, other JSON type). When the primary path has no readable value at
 * all, its fallback is judged instead, and so on down the chain.
 */
abstract class FieldMatcher implements Matcher {

    static final int ABSENT = -1;
    static final int NO = 0;
    static final int MATCH = 1;

    private final int[] slots;
    private final boolean[] max;

    FieldMatcher(Slots slots) {
        this.slots = slots.slots();
        this.max = slots.max();
    }

    @Override
    public final boolean matches(EventView view) {
        int result = ABSENT;
        for (int i = 0; i < slots.length && result == ABSENT; i++) {
            result = judge(view, slots[i], max[i]);
        }
        return result == MATCH;
    }

    private int judge(EventView view, int at, boolean greatestOnly) {
        if (greatestOnly) {
            int greatest = greatestNumber(view, at);
            return greatest < 0 ? ABSENT : judgeEntry(view, greatest);
        }
        return judgeSlot(view, at);
    }

    /** Judges every entry of the slot: any match wins, else any readable value makes it a plain no. */
    int judgeSlot(EventView view, int at) {
        int result = ABSENT;
        for (int e = view.first(at); e >= 0; e = view.next(e)) {
            int r = judgeEntry(view, e);
            if (r == MATCH) {
                return MATCH;
            }
            if (r == NO) {
                result = NO;
            }
        }
        return result;
    }

    abstract int judgeEntry(EventView view, int entry);

    private static int greatestNumber(EventView view, int at) {
        int best = -1;
        for (int e = view.first(at); e >= 0; e = view.next(e)) {
            if (view.isNumber(e) && (best < 0 || view.number(e) > view.number(best))) {
                best = e;
            }
        }
        return best;
    }

    /**
     * The slots a field compiled to: its own, then its fallbacks', in reading order.
     *
     * @param slots slot of each path
     * @param max whether each path is reduced to its greatest number
     */
    record Slots(int[] slots, boolean[] max) {
    }
}
