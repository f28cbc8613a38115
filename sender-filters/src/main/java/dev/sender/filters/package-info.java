/**
 * The LUNA subscription filters as typed values: {@link dev.sender.filters.HandlerEventFilter} for handler
 * events (SPEC §3) and {@link dev.sender.filters.GeneralEventFilter} for general events (SPEC §4). Each
 * parses a subscription's query string, prints itself back as one, and turns into the core
 * {@link dev.sender.core.filter.Filter} a broker evaluates. A bad query is an
 * {@link dev.sender.filters.InvalidFilterException}, error {@code 12012}.
 *
 * <pre>{@code
 * HandlerEventFilter filter = HandlerEventFilter.parse("gender=1&age__gte=30&sources=cam1,cam2");
 * Filter core = filter.toFilter();
 * }</pre>
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.filters;

import org.jspecify.annotations.NullMarked;
