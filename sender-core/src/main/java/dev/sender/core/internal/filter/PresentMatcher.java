package dev.sender.core.internal.filter;

import dev.sender.core.filter.ValueType;

/** {@code Present}: a non-null value of the type. */
final class PresentMatcher extends FieldMatcher {

    private final ValueType type;

    PresentMatcher(Slots slots, ValueType type) {
        super(slots);
        this.type = type;
    }

    @Override
    int judgeEntry(EventView view, int entry) {
        byte kind = view.kind(entry);
        boolean readable = switch (type) {
            case STRING, UUID -> kind == EventView.STRING;
            case INTEGER -> view.isInteger(entry);
            case NUMBER -> view.isNumber(entry);
            case BOOLEAN -> kind == EventView.TRUE || kind == EventView.FALSE;
            case ANY -> kind != EventView.NULL;
        };
        return readable ? MATCH : ABSENT;
    }
}
