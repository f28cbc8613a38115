package dev.sender.client;

import dev.sender.core.StartAt;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import java.util.UUID;

/**
 * Subscriptions of a {@link SenderClient} that start at a point of the server's history (SPEC §9), for
 * applications that keep positions themselves, such as to go on after their own restart:
 * {@link StartAt#after(dev.sender.core.Position) StartAt.after(position)} (the query parameter {@code since}) first
 * replays the retained events after a position an earlier subscription received, {@link StartAt#last(int)
 * StartAt.last(n)} ({@code rewind}) the last {@code n} retained events that pass the filter; live events follow,
 * none twice and none missing. {@link StartAt#live()} starts live, with history. Each message carries its
 * {@linkplain dev.sender.core.event.EventMessage#position() position}, and the subscription resumes after
 * reconnects like any other, even when the client does not {@linkplain SenderClient.Builder#resume(boolean)
 * resume} its other subscriptions.
 *
 * <pre>{@code
 * Position saved = message.position();   // stored with what the application did with the message
 * // ... later, maybe in another process:
 * Subscription<HandlerEventMessage> resumed = client.subscribe(filter, StartAt.after(saved));
 * }</pre>
 *
 * <p>When the server no longer holds the position (it was trimmed, or the history was lost), the first message is
 * preceded by an {@link EventsLostException}. A server that keeps no history refuses every such subscription with
 * {@code 400 12012}, and so does one whose history is smaller than a {@code rewind}.
 */
public interface HistorySubscriptions {

    /**
     * Subscribes to the handler events of the client's account that pass {@code filter}, from {@code start}.
     *
     * @param filter the handler-event parameters, sent as the query string
     * @param start where in the history to start
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client has no {@link SenderClient.Builder#accountId(UUID) account}, or
     *     is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter, StartAt start);

    /**
     * Subscribes to the handler events of the client's account that pass {@code filter}, from {@code start},
     * delivered to {@code listener}.
     *
     * @param filter the handler-event parameters, sent as the query string
     * @param start where in the history to start
     * @param listener receives the messages, the gaps and the changes of the connection, on the client's threads
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client has no {@link SenderClient.Builder#accountId(UUID) account}, or
     *     is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter, StartAt start,
            SubscriptionListener<? super HandlerEventMessage> listener);

    /**
     * Subscribes to the general events that pass {@code filter}, from {@code start}.
     *
     * @param filter the general-event parameters, sent as the query string
     * @param start where in the history to start
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter, StartAt start);

    /**
     * Subscribes to the general events that pass {@code filter}, from {@code start}, delivered to {@code listener}.
     *
     * @param filter the general-event parameters, sent as the query string
     * @param start where in the history to start
     * @param listener receives the messages, the gaps and the changes of the connection, on the client's threads
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter, StartAt start,
            SubscriptionListener<? super GeneralEventMessage> listener);
}
