package dev.sender.core.internal.filter;

/** {@code Like}: a string containing the substring. */
final class LikeMatcher extends FieldMatcher {

    private final String substring;

    LikeMatcher(Slots slots, String substring) {
        super(slots);
        this.substring = substring;
    }

    @Override
    int judgeEntry(EventView view, int entry) {
        if (view.kind(entry) != EventView.STRING) {
            return ABSENT;
        }
        return view.string(entry).contains(substring) ? MATCH : NO;
    }
}
