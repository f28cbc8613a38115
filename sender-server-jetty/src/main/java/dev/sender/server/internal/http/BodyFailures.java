package dev.sender.server.internal.http;

import dev.sender.core.ErrorCode;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request whose body could not be read. These are the client's faults, answered as such with the body
 * error {@code 11027} and at most a debug line: a body that stops arriving is {@code 408}, a body whose framing
 * is broken (a bad chunk size, a truncated chunk) keeps the {@code 400} Jetty gave it, and a client that went
 * away gets what can still be sent. Anything else is an internal failure.
 */
public final class BodyFailures {

    private static final Logger LOG = LoggerFactory.getLogger(BodyFailures.class);

    private BodyFailures() {
    }

    /** Answers {@code exchange}, whose body read failed with {@code error}; the connection closes after. */
    public static void answer(Exchange exchange, Throwable error) {
        exchange.response().getHeaders().put("Connection", "close");
        Throwable timeout = find(error, TimeoutException.class);
        if (timeout != null) {
            LOG.debug("[{}] the request body stopped arriving", exchange.requestId(), error);
            exchange.sendError(ErrorCode.BAD_INPUT_DATA, 408,
                    "the request body stopped arriving before its end; send it whole, without pauses");
            return;
        }
        EofException eof = find(error, EofException.class);
        if (eof != null) {
            // Jetty reports a malformed chunk as an early end too: the body stops being readable where it breaks.
            LOG.debug("[{}] the request body ended early or is malformed", exchange.requestId(), error);
            exchange.sendError(ErrorCode.BAD_INPUT_DATA, exchange.request().getHeaders()
                    .contains(HttpHeader.TRANSFER_ENCODING, "chunked")
                    ? "the request body's chunked encoding is malformed or ends early (a chunk size must be hex digits)"
                    : "the request body ended before its Content-Length");
            return;
        }
        HttpException http = find(error, HttpException.class);
        if (http != null && http.getCode() >= 400 && http.getCode() < 500) {
            LOG.debug("[{}] the request body is malformed", exchange.requestId(), error);
            exchange.sendError(ErrorCode.BAD_INPUT_DATA, http.getCode(), "the request body is malformed: "
                    + reason(http));
            return;
        }
        exchange.fail(error);
    }

    private static String reason(HttpException http) {
        String reason = http.getReason();
        return reason == null || reason.isBlank() ? "its framing (Content-Length or chunked encoding) is broken"
                : reason;
    }

    private static <T> @Nullable T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
