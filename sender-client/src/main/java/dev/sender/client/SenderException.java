package dev.sender.client;

import dev.sender.core.ErrorCode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A call to a Sender server that failed: the server answered with an error, or could not be reached. It is the
 * one exception the client throws for what happens on the wire, whether the call was a publish, a service call
 * or a subscription whose WebSocket handshake was refused.
 *
 * <p>An error answer carries its HTTP {@link #status()} and the fields of the LUNA error body (SPEC §5):
 *
 * <pre>{@code
 * try {
 *     client.subscribe(Map.of("age__gte", "abc"));
 * } catch (SenderException e) {
 *     e.status();     // 400
 *     e.errorCode();  // 12012
 *     e.desc();       // "Bad query parameters"
 *     e.detail();     // "Parameter 'age__gte': expected an integer, got 'abc'"
 *     e.requestId();  // "1795802696,5b5486cc-276c-45a0-b86d-6f3188dc06e8"
 * }
 * }</pre>
 *
 * <p>A failure without an answer (connection refused, timeout, interrupted wait) has status {@code 0}, error code
 * {@code 0}, an empty {@link #desc()}, a {@link #detail()} saying what went wrong, and the underlying
 * {@link #getCause() cause}. An error answer without a LUNA body (a proxy's 502 page, say) has its status, error
 * code {@code 0} and the start of the body as its detail.
 */
public class SenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** HTTP status of the answer; 0 when there was none. */
    private final int status;
    /** {@code error_code} of the body; 0 when there was no LUNA error body. */
    private final int errorCode;
    /** {@code desc} of the body; empty when there was none. */
    private final String desc;
    /** {@code detail} of the body, or what went wrong. */
    private final String detail;
    /** The request id the answer carried, or the one the client sent. */
    private final @Nullable String requestId;

    /**
     * An error answer from the server.
     *
     * @param status the HTTP status
     * @param errorCode the body's {@code error_code}, or 0 when the body was not a LUNA error
     * @param desc the body's {@code desc}, or empty
     * @param detail the body's {@code detail}, or the start of a body that was not a LUNA error
     * @param requestId the {@code LUNA-Request-Id} of the answer, if known
     */
    public SenderException(int status, int errorCode, String desc, String detail, @Nullable String requestId) {
        this(answerMessage(status, errorCode, desc, detail, requestId), null, status, errorCode, desc, detail,
                requestId);
    }

    /**
     * A failure without an answer: status 0.
     *
     * @param message what went wrong, also the {@link #detail()}
     * @param requestId the request id the client sent, if any
     * @param cause the underlying failure, if any
     */
    public SenderException(String message, @Nullable String requestId, @Nullable Throwable cause) {
        this(message + (requestId == null ? "" : " [request " + requestId + "]"), cause, 0, 0, "", message,
                requestId);
    }

    /**
     * For subclasses: every field given.
     *
     * @param message the exception message
     * @param cause the underlying failure, or {@code null}
     * @param status the HTTP status of the answer; 0 when there was none
     * @param errorCode the {@code error_code} of the error body; 0 when there was none
     * @param desc the {@code desc} of the error body; empty when there was none
     * @param detail the {@code detail} of the error body, or what went wrong when there was no answer
     * @param requestId the request id, or {@code null} when unknown
     */
    protected SenderException(String message, @Nullable Throwable cause, int status, int errorCode, String desc,
            String detail, @Nullable String requestId) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.status = status;
        this.errorCode = errorCode;
        this.desc = Objects.requireNonNull(desc, "desc");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.requestId = requestId;
    }

    private static String answerMessage(int status, int errorCode, String desc, String detail,
            @Nullable String requestId) {
        StringBuilder message = new StringBuilder("HTTP ").append(status);
        if (errorCode != 0) {
            message.append(", error ").append(errorCode);
            if (!desc.isEmpty()) {
                message.append(" (").append(desc).append(')');
            }
        }
        if (!detail.isEmpty()) {
            message.append(": ").append(detail);
        }
        if (requestId != null) {
            message.append(" [request ").append(requestId).append(']');
        }
        return message.toString();
    }

    /** {@return the HTTP status of the server's answer, such as 400; 0 when there was no answer} */
    public int status() {
        return status;
    }

    /** {@return the {@code error_code} of the LUNA error body, such as 12012; 0 when there was no such body} */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The {@code desc} of the LUNA error body, such as {@code Bad query parameters}; empty when there was none.
     *
     * @return the description, or an empty string
     */
    public String desc() {
        return desc;
    }

    /**
     * The {@code detail} of the LUNA error body, which names the culprit; for a failure without an answer, what
     * went wrong.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }

    /**
     * The request id: the {@code LUNA-Request-Id} of the answer, or the {@code Luna-Request-Id} the client sent
     * when there was no answer; {@code null} when neither is known.
     *
     * @return the request id, or {@code null}
     */
    public @Nullable String requestId() {
        return requestId;
    }

    /**
     * Whether the server answered with {@code error} (compares {@link #errorCode()}).
     *
     * @param error the error to compare with
     * @return {@code true} when {@link #errorCode()} is {@code error.code()}
     */
    public boolean is(ErrorCode error) {
        return errorCode == error.code();
    }
}
