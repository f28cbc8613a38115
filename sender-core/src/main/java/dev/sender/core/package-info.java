/**
 * Sender's core: the {@link dev.sender.core.Broker} that carries published events to subscribers, and
 * the types a broker is built from.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.core;

import org.jspecify.annotations.NullMarked;
