/**
 * Building blocks for {@link dev.sender.core.Broker} implementations: the local dispatcher that matches
 * events against the subscriptions of one process and hands them to their sinks.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.core.spi;

import org.jspecify.annotations.NullMarked;
