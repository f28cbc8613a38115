package dev.sender.core;

/**
 * A broker could not accept a publication or a subscription, for instance because its Redis server is
 * unreachable or the broker is closed. Nothing of a publication that failed this way was delivered.
 */
public class BrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure described by {@code message}.
     *
     * @param message what failed, for the log and the error's {@code detail}
     */
    public BrokerException(String message) {
        super(message);
    }

    /**
     * A failure described by {@code message}, caused by {@code cause}.
     *
     * @param message what failed, for the log and the error's {@code detail}
     * @param cause the error of the underlying transport
     */
    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
