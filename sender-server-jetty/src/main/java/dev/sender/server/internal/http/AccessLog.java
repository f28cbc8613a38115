package dev.sender.server.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: at INFO on the logger {@value #LOGGER}, one line per HTTP request answered, per subscription
 * opened (its upgrade, status 101) and per subscription closed; never one per message, so that its volume follows
 * requests and connections, not the events delivered. Each line is {@code key=value} pairs without spaces in the
 * values:
 *
 * <pre>
 * event=http method=POST path=/2/publish status=201 duration_ms=1.9 bytes_in=412 bytes_out=0
 *     remote=10.0.0.7:51334 request_id=1767225600,6f1c5a0e-...
 * event=ws_open method=GET path=/2/ws?event_type=extract status=101 duration_ms=2.4 bytes_in=0 bytes_out=0
 *     remote=10.0.0.8:40112 request_id=...
 * event=ws_close path=/2/ws?event_type=extract close=1000 duration_ms=63512.0 messages=18 bytes=90210
 *     remote=10.0.0.8:40112 request_id=...
 * </pre>
 *
 * <p>Each line is wrapped here, not in the log. The path is the request's, percent-encoded as sent, with its query string less
 * any {@code access_token} parameter: a bearer token never reaches the log.
 */
public final class AccessLog {

    /** The name of the access log's logger. */
    public static final String LOGGER = "dev.sender.server.access";
    /** The query parameter of a bearer token (SPEC §8), left out of every line. */
    static final String ACCESS_TOKEN = "access_token";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AccessLog() {
    }

    /**
     * Logs the answer to {@code exchange}, which took {@code nanos}: {@code event=ws_open} for a subscription's
     * upgrade, {@code event=http} for anything else, a refused subscription included.
     *
     * @param exchange the request, answered
     * @param nanos how long answering took
     */
    public static void request(Exchange exchange, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Request request = exchange.request();
        int status = exchange.response().getStatus();
        LOG.info("event={} method={} path={} status={} duration_ms={} bytes_in={} bytes_out={} remote={} request_id={}",
                status == 101 ? "ws_open" : "http", request.getMethod(), target(exchange), status, millis(nanos),
                Request.getContentBytesRead(request), Response.getContentBytesWritten(exchange.response()),
                remote(request), exchange.requestId());
    }

    /**
     * The subscription {@code exchange} asks for, counting what it sends until {@link Subscription#closed} logs it.
     *
     * @param exchange the subscription's upgrade request
     * @return the subscription's entry, its clock started
     */
    public static Subscription subscription(Exchange exchange) {
        return new Subscription(target(exchange), remote(exchange.request()), exchange.requestId());
    }

    /** One subscription: what it was sent, and its {@code event=ws_close} line. */
    public static final class Subscription {
        private final String target;
        private final String remote;
        private final String requestId;
        private final long openedNanos = System.nanoTime();
        /** Messages handed to the socket: written, or gathered for the next write. */
        private final AtomicLong messages = new AtomicLong();
        /** Bytes of those messages, frame headers left out. */
        private final AtomicLong bytes = new AtomicLong();

        private Subscription(String target, String remote, String requestId) {
            this.target = target;
            this.remote = remote;
            this.requestId = requestId;
        }

        /**
         * Counts a message handed to the socket.
         *
         * @param size its bytes
         */
        public void sent(int size) {
            messages.incrementAndGet();
            bytes.addAndGet(size);
        }

        /**
         * Logs the close of the subscription.
         *
         * @param code its close code (RFC 6455 §7.4; {@code 1006} when the connection ended without one)
         */
        public void closed(int code) {
            LOG.info("event=ws_close path={} close={} duration_ms={} messages={} bytes={} remote={} request_id={}",
                    target, code, millis(System.nanoTime() - openedNanos), messages.get(), bytes.get(), remote,
                    requestId);
        }
    }

    /** The path and query of {@code exchange} as sent, less any {@code access_token}, escaped for the log. */
    static String target(Exchange exchange) {
        String query = exchange.queryWithout(ACCESS_TOKEN);
        String path = exchange.request().getHttpURI().getPath();
        return escape(query.isEmpty() ? path : path + "?" + query);
    }

    private static String remote(Request request) {
        String address = Request.getRemoteAddr(request);
        return (address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address) + ":"
                + Request.getRemotePort(request);
    }

    /** Milliseconds with one decimal. */
    private static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }

    /** {@code text} with any blank, control, non-ASCII or quote character percent-encoded, so a line stays one line. */
    static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!printable(text.charAt(i))) {
                return escapeFrom(text, i);
            }
        }
        return text;
    }

    private static String escapeFrom(String text, int first) {
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (printable(c)) {
                escaped.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                escaped.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return escaped.toString();
    }

    private static boolean printable(char c) {
        return c > ' ' && c < 0x7F && c != '"';
    }
}
