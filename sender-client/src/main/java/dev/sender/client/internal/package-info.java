/**
 * The implementation of the Sender client: WebSocket connections over Tyrus, HTTP calls over
 * {@code java.net.http}, subscriptions and their delivery. Nothing here is API; applications use
 * {@code dev.sender.client} only.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.client.internal;

import org.jspecify.annotations.NullMarked;
