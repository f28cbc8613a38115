package dev.sender.server.internal.http;

import dev.sender.core.ErrorCode;

/** A request refused while it is being read; the router answers it with {@link #code()} and the message. */
public final class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    RefusedException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    /** The error to answer with. */
    public ErrorCode code() {
        return code;
    }
}
