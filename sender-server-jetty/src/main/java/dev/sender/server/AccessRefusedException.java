package dev.sender.server;

/**
 * Thrown by {@link AccessControl#authenticate} when a request carries no credentials or credentials that are not
 * valid: the request is answered {@code 401 29020} with {@code WWW-Authenticate: Bearer} and the message as its
 * detail. The message must never hold the credentials themselves.
 */
public final class AccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal saying why, such as {@code "the token has expired"}.
     *
     * @param reason why, in words fit for the error's {@code detail}
     */
    public AccessRefusedException(String reason) {
        super(reason, null, false, false);
    }

    /**
     * A refusal saying why, with the failure that caused it (for the log, never for the client).
     *
     * @param reason why, in words fit for the error's {@code detail}
     * @param cause the failure, logged but never sent
     */
    public AccessRefusedException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
