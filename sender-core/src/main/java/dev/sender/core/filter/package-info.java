/**
 * The filter DSL: a {@link dev.sender.core.filter.Filter} is immutable data (a tree of records) that a
 * broker compiles once per subscription and evaluates against every published event.
 *
 * <pre>{@code
 * Filter f = Filter.and(
 *     Filter.in(Field.of("event.source"), Value.string("cam1"), Value.string("cam2")),
 *     Filter.gte(Field.of("event.face_attributes.basic_attributes.age"), Value.integer(30)));
 * }</pre>
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.core.filter;

import org.jspecify.annotations.NullMarked;
