package dev.sender.client;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Subscription#next()} throws once the subscription is closed for good and every message it received
 * has been taken: its message says why. When the subscription ended because of a {@link SenderException} (a
 * refused handshake, say), that exception is the cause and its status, error code, desc, detail and request id are
 * copied here, so that one {@code catch (SenderException e)} reads them either way.
 */
public final class SubscriptionClosedException extends SenderException {

    private static final long serialVersionUID = 1L;

    /** The last WebSocket close code, or 0. */
    private final int closeCode;
    /** Whether the application closed the subscription (or its client). */
    private final boolean closedByApplication;

    /**
     * An exception for a subscription closed for good.
     *
     * @param message why the subscription is closed
     * @param closeCode the last WebSocket close code, or 0 when there was no connection to close
     * @param closedByApplication whether the application closed the subscription or its client
     * @param cause the failure that ended the subscription, if any
     */
    public SubscriptionClosedException(String message, int closeCode, boolean closedByApplication,
            @Nullable Throwable cause) {
        super(message, cause, field(cause, 0), field(cause, 1), cause instanceof SenderException s ? s.desc() : "",
                cause instanceof SenderException s ? s.detail() : message,
                cause instanceof SenderException s ? s.requestId() : null);
        this.closeCode = closeCode;
        this.closedByApplication = closedByApplication;
    }

    private static int field(@Nullable Throwable cause, int which) {
        if (cause instanceof SenderException s) {
            return which == 0 ? s.status() : s.errorCode();
        }
        return 0;
    }

    /**
     * The code of the last WebSocket close, such as 1001 when the server shut down or 1000 when the application
     * closed the subscription; 0 when the subscription ended without a connection to close (a refused handshake).
     *
     * @return the close code, or 0
     */
    public int closeCode() {
        return closeCode;
    }

    /** {@return whether the application closed the subscription, or the client it belongs to, rather than a failure} */
    public boolean closedByApplication() {
        return closedByApplication;
    }
}
