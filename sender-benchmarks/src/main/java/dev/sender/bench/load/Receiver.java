package dev.sender.bench.load;

/** What a load scenario does with each message its clients receive. */
interface Receiver {

    /**
     * One message arrived at {@code receivedNanos}.
     *
     * @param connection the connection it arrived on
     * @param sentNanos its scheduled send time, or -1 when it carries none
     * @param sequence the event's sequence number in its run, or -1
     * @param owner the group of subscribers the event was published for, or -1
     * @param length the message's length in bytes (a frame's payload, a NATS message's), or -1 when it is malformed
     * @param receivedNanos when it arrived
     */
    void onMessage(int connection, long sentNanos, long sequence, int owner, long length, long receivedNanos);

    /** The server closed connection {@code connection} with {@code code} (-1: no close frame). */
    default void onClose(int connection, int code) {
    }
}
