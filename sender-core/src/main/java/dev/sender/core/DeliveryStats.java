package dev.sender.core;

/**
 * What a broker has delivered in this process since it started.
 *
 * @param eventsDispatched events matched against the local subscriptions of their topic
 * @param messagesDelivered messages handed to subscriptions (one per event and matching subscription)
 * @param messagesFilteredOut pairs of event and subscription of its topic that the subscription's filter rejected
 */
public record DeliveryStats(long eventsDispatched, long messagesDelivered, long messagesFilteredOut) {
}
