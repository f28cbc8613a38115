/**
 * A {@link dev.sender.core.Broker} on Redis pub/sub, so that several Sender servers share their events:
 * {@link dev.sender.redis.RedisBroker}. It speaks LUNA's channel format, so a server also serves the events
 * LUNA handlers publish.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.redis;

import org.jspecify.annotations.NullMarked;
