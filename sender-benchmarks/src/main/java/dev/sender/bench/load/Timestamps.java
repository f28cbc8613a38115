package dev.sender.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * The stamp a load-tool event starts with: {@code {"t":"<19 digits>","k":"<19 digits>","o":"<6 digits>"}: the
 * scheduled send time in {@link System#nanoTime()} (comparable across processes of one Linux host), the event's
 * sequence number in its run, and its owner (the group of subscribers it is published for). Fixed-width strings,
 * so that stamping needs no re-encoding and a receiver reads them from a frame's first bytes.
 */
final class Timestamps {

    static final byte[] MARKER = "\"t\":\"".getBytes(StandardCharsets.US_ASCII);
    static final int DIGITS = 19;
    /** Where the sequence digits start, counted from the first digit of the send time. */
    static final int SEQUENCE_AT = DIGITS + "\",\"k\":\"".length();
    /** Where the owner digits start, counted from the first digit of the send time. */
    static final int OWNER_AT = SEQUENCE_AT + DIGITS + "\",\"o\":\"".length();
    static final int OWNER_DIGITS = 6;
    /** Bytes of a message a receiver keeps to read its stamp (the stamp plus a wrapper's first fields). */
    static final int PREFIX = 128;

    private Timestamps() {
    }

    /** The stamp of an event of group {@code owner}, send time and sequence zero. */
    static String header(int owner) {
        return "{\"t\":\"" + "0".repeat(DIGITS) + "\",\"k\":\"" + "0".repeat(DIGITS) + "\",\"o\":\""
                + String.format("%0" + OWNER_DIGITS + "d", owner) + "\"";
    }

    /** Writes {@code nanos} as 19 digits at {@code at}. */
    static void stamp(byte[] target, int at, long nanos) {
        long n = nanos;
        for (int i = at + DIGITS - 1; i >= at; i--) {
            target[i] = (byte) ('0' + (n % 10));
            n /= 10;
        }
    }

    /** Writes the send time and the sequence of an event whose send time starts at {@code at}. */
    static void stamp(byte[] target, int at, long nanos, long sequence) {
        stamp(target, at, nanos);
        stamp(target, at + SEQUENCE_AT, sequence);
    }

    /** Where the send-time digits start in the first {@code length} bytes of a message, or -1. */
    static int find(byte[] prefix, int length) {
        outer:
        for (int i = 0; i + MARKER.length + DIGITS <= length; i++) {
            for (int j = 0; j < MARKER.length; j++) {
                if (prefix[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            return i + MARKER.length;
        }
        return -1;
    }

    /** The send time in the first {@code length} bytes of a message, or -1 when there is none. */
    static long read(byte[] prefix, int length) {
        int at = find(prefix, length);
        return at < 0 ? -1 : digits(prefix, at, DIGITS);
    }

    /**
     * Hands one received message to its connection's receiver: its stamp read from its first {@code prefixLength}
     * bytes ({@code -1} for what is missing) and its {@code length}.
     */
    static void deliver(LeanClients.Connection connection, byte[] prefix, int prefixLength, long length) {
        int at = find(prefix, prefixLength);
        long sent = at < 0 ? -1 : digits(prefix, at, DIGITS);
        boolean whole = at >= 0 && at + OWNER_AT + OWNER_DIGITS <= prefixLength;
        long sequence = whole ? digits(prefix, at + SEQUENCE_AT, DIGITS) : -1;
        int owner = whole ? (int) digits(prefix, at + OWNER_AT, OWNER_DIGITS) : -1;
        connection.receiver().onMessage(connection.id, sent, sequence, owner, length, System.nanoTime());
    }

    private static long digits(byte[] bytes, int at, int count) {
        long n = 0;
        for (int k = at; k < at + count; k++) {
            int d = bytes[k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }
}
