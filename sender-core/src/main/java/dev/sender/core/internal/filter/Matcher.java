package dev.sender.core.internal.filter;

/** A compiled filter: decides on an {@link EventView} without allocating. */
@FunctionalInterface
public interface Matcher {

    /** Matches every view without reading it. */
    Matcher ALWAYS = view -> true;

    /** Whether the event behind {@code view} passes. */
    boolean matches(EventView view);
}
