package dev.sender.core;

import java.util.Set;

/**
 * The WebSocket close codes of SPEC §5 with which a server ends a subscription, and which of them a client may
 * answer by connecting again.
 */
public final class CloseCodes {

    /** The application closed the subscription. */
    public static final int NORMAL = 1000;
    /** The server is shutting down. */
    public static final int SHUTDOWN = 1001;
    /** The connection dropped without a close frame (never sent, only reported). */
    public static final int ABNORMAL = 1006;
    /** The subscriber sent a frame or message over the server's inbound limit. */
    public static final int MESSAGE_TOO_LARGE = 1009;
    /** The server failed unexpectedly. */
    public static final int INTERNAL_ERROR = 1011;
    /** The subscriber's token expired (SPEC §8, a Sender decision): connect again with a fresh one. */
    public static final int TOKEN_EXPIRED = 4001;
    /** The subscriber was too slow: its outbound queue passed its limit (a Sender decision). */
    public static final int TOO_SLOW = 4008;

    /**
     * Closes after which connecting again can succeed: shutdown, a dropped connection, an internal error, a
     * restart (1012), try again later (1013), a bad gateway (1014), an expired token, and too slow.
     */
    public static final Set<Integer> RECONNECTABLE =
            Set.of(SHUTDOWN, ABNORMAL, INTERNAL_ERROR, 1012, 1013, 1014, TOKEN_EXPIRED, TOO_SLOW);

    private CloseCodes() {
    }

    /**
     * Whether a client may connect again after a close with {@code code}.
     *
     * @param code the WebSocket close code received
     * @return {@code true} when it is one of {@link #RECONNECTABLE}
     */
    public static boolean isReconnectable(int code) {
        return RECONNECTABLE.contains(code);
    }
}
