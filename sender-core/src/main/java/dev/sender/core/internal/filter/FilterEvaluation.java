package dev.sender.core.internal.filter;

import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;

/** One-off evaluation of a filter against a message, for {@link Filter#matches(EventMessage)}. */
public final class FilterEvaluation {

    private FilterEvaluation() {
    }

    /** Compiles {@code filter}, extracts what it reads from {@code message}, and evaluates. */
    public static boolean matches(Filter filter, EventMessage message) {
        FieldRegistry registry = new FieldRegistry();
        CompiledFilter compiled = CompiledFilter.compile(filter, registry);
        if (compiled.matcher() == Matcher.ALWAYS) {
            return true;
        }
        EventView view = new EventView();
        ViewExtractor.extract(registry.snapshot(), message, view);
        return compiled.matcher().matches(view);
    }
}
