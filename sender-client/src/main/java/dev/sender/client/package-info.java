/**
 * The typed Java client of a Sender server: {@link dev.sender.client.SenderClient} subscribes to handler and
 * general events over WebSocket (filtered on the server with the typed filters of {@code sender-filters}, or
 * with raw LUNA query parameters), publishes events and calls the service resources over HTTP.
 *
 * <pre>{@code
 * try (SenderClient client = SenderClient.builder()
 *         .origin(URI.create("http://127.0.0.1:5080"))
 *         .accountId(UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a"))
 *         .build();
 *      Subscription<HandlerEventMessage> men = client.subscribe(
 *         HandlerEventFilter.builder().gender(Gender.MALE).build())) {
 *     HandlerEventMessage message = men.next();
 * }
 * }</pre>
 *
 * <p>Every failure the server reports, and every failure to reach it, is a {@link dev.sender.client.SenderException}.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.client;

import org.jspecify.annotations.NullMarked;
