package dev.sender.core;

/** Why a broker closed a subscription; see {@link MessageSink#onClose(CloseReason)}. */
public enum CloseReason {
    /** The subscriber closed it with {@link Subscription#close()}. */
    CLOSED,
    /** The subscriber fell behind: its queue passed the limits of its {@link DeliveryOptions}. */
    OVERFLOW,
    /** The broker shut down after delivering what it had accepted. */
    BROKER_CLOSED
}
