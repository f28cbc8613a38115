package dev.sender.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * The send time a load-tool event carries: its JSON starts {@code {"t":"<19 digits>"}, the scheduled send time
 * in {@link System#nanoTime()} (comparable across processes of one Linux host), as a fixed-width string so that
 * stamping it needs no re-encoding.
 */
final class Timestamps {

    static final byte[] MARKER = "\"t\":\"".getBytes(StandardCharsets.US_ASCII);
    static final int DIGITS = 19;

    private Timestamps() {
    }

    /** Writes {@code nanos} as 19 digits at {@code at}. */
    static void stamp(byte[] target, int at, long nanos) {
        long n = nanos;
        for (int i = at + DIGITS - 1; i >= at; i--) {
            target[i] = (byte) ('0' + (n % 10));
            n /= 10;
        }
    }

    /** The send time in the first {@code length} bytes of a message, or -1 when there is none. */
    static long read(byte[] prefix, int length) {
        outer:
        for (int i = 0; i + MARKER.length + DIGITS <= length; i++) {
            for (int j = 0; j < MARKER.length; j++) {
                if (prefix[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            long n = 0;
            for (int k = i + MARKER.length; k < i + MARKER.length + DIGITS; k++) {
                n = n * 10 + (prefix[k] - '0');
            }
            return n;
        }
        return -1;
    }
}
