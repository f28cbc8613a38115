package dev.sender.core;

import dev.sender.core.event.EventMessage;

/**
 * Receives the messages of one subscription. The broker calls {@link #onMessage} for every matching event,
 * in publish order, as {@link Delivery} describes; a sink that throws is logged and receives the next
 * message all the same.
 *
 * <pre>{@code
 * Subscription s = broker.subscribe(Topic.handlerEvents(account), filter,
 *         message -> System.out.println(message.toJson()));
 * }</pre>
 */
@FunctionalInterface
public interface MessageSink {

    /**
     * Receives one message. Its {@linkplain dev.sender.core.event.EventMessage#json() JSON} is shared with
     * every other subscriber of the event.
     *
     * @param message a message that passed the subscription's filter
     */
    void onMessage(EventMessage message);

    /**
     * Called once when the broker closes the subscription, after the last {@link #onMessage}.
     *
     * @param reason why the subscription closed
     */
    default void onClose(CloseReason reason) {
    }
}
