/**
 * Implementation of the Sender server; not an API, may change in any release. The {@link
 * dev.sender.server.internal.Router} hands each request to its resource: {@code publish} (the publish
 * resources), {@code websocket} (subscriptions and their sessions) or {@code service} (version, health, metrics,
 * configuration, documentation), all built on the HTTP plumbing of {@code http}; {@code metrics}, {@code plugins}
 * and {@code settings} serve them all.
 */
@NullMarked
package dev.sender.server.internal;

import org.jspecify.annotations.NullMarked;
