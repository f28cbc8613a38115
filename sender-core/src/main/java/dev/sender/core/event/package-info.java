/**
 * The event model: the {@link dev.sender.core.event.Event} object as published, the messages a subscriber
 * receives (SPEC §2.1 and §2.2), the publications a publisher hands a broker, their JSON codec, and the
 * enumerated attributes of LUNA events.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.core.event;

import org.jspecify.annotations.NullMarked;
