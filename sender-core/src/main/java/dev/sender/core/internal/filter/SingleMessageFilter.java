package dev.sender.core.internal.filter;

import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import dev.sender.core.spi.MessageFilter;
import java.util.Objects;

/** {@link MessageFilter#compile}: the filter compiled against a registry of its own paths. */
public final class SingleMessageFilter implements MessageFilter {

    private final Matcher matcher;
    private final PathTrie trie;
    /** Reused from message to message; guarded by this. */
    private final EventView view = new EventView();

    /** Compiles {@code filter}. */
    public SingleMessageFilter(Filter filter) {
        FieldRegistry fields = new FieldRegistry();
        this.matcher = CompiledFilter.compile(Objects.requireNonNull(filter, "filter"), fields).matcher();
        this.trie = fields.snapshot();
    }

    @Override
    public boolean matches(EventMessage message) {
        Objects.requireNonNull(message, "message");
        if (matcher == Matcher.ALWAYS) {
            return true;
        }
        synchronized (view) {
            ViewExtractor.extract(trie, message, view);
            return matcher.matches(view);
        }
    }
}
