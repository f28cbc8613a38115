package dev.sender.bench.load;

/** What a load scenario does with each message its clients receive. */
interface Receiver {

    /**
     * One message arrived at {@code receivedNanos}; {@code sentNanos} is its scheduled send time, or -1 when
     * the message carries none.
     */
    void onMessage(int connection, long sentNanos, long receivedNanos);

    /** The server closed connection {@code connection} with {@code code} (-1: no close frame). */
    default void onClose(int connection, int code) {
    }
}
