package dev.sender.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sender.core.ErrorCode;
import dev.sender.server.AccessGrant;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One HTTP request being answered: its request id, and the ways to answer it. */
public final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    static final String JSON = "application/json";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String requestId;
    private final String path;
    private @Nullable ErrorCode error;
    /** What access control granted the request's bearer; null without access control. */
    private @Nullable AccessGrant grant;
    /** Whether the request's body was read to its end. */
    private boolean bodyRead;

    public Exchange(Request request, Response response, Callback callback, String requestId, String path) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.requestId = requestId;
        this.path = path;
    }

    /** The request. */
    public Request request() {
        return request;
    }

    /** The response. */
    public Response response() {
        return response;
    }

    /** The callback that completes the exchange. */
    public Callback callback() {
        return callback;
    }

    /** The request id: the client's, or one generated for this request. */
    public String requestId() {
        return requestId;
    }

    /** The path within the server's context. */
    public String path() {
        return path;
    }

    /** The error the exchange was answered with, if any. */
    public @Nullable ErrorCode error() {
        return error;
    }

    /** What access control granted the request's bearer; null without access control (SPEC §8). */
    public @Nullable AccessGrant grant() {
        return grant;
    }

    /** Notes what access control granted the request's bearer. */
    public void grant(AccessGrant grant) {
        this.grant = grant;
    }

    /** Notes that the request's body was read to its end. */
    public void bodyRead() {
        bodyRead = true;
    }

    /** A request header, or {@code null}; the first of several. */
    public @Nullable String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Every value of a list header (such as {@code Accept}), joined by commas as RFC 9110 §5.3 allows; or null. */
    public @Nullable String listHeader(String name) {
        List<String> values = request.getHeaders().getValuesList(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /**
     * A header that must have one value, or {@code null}: given several times with different values, it is
     * ambiguous (a proxy may check one and Sender use another), and the request is refused with {@code 29010}.
     *
     * @throws RefusedException when the header is given with different values
     */
    public @Nullable String singleHeader(String name) {
        return singleHeader(request, name);
    }

    public static @Nullable String singleHeader(Request request, String name) {
        List<String> values = request.getHeaders().getValuesList(name);
        if (values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        for (String value : values) {
            if (!value.equals(first)) {
                throw new RefusedException(ErrorCode.BAD_HEADER, "header '" + name
                        + "' is given more than once with different values ('" + first + "', '" + value
                        + "'); give it once");
            }
        }
        return first;
    }

    /**
     * The raw query string without the parameters named {@code name}, compared once percent-decoded (so that
     * {@code access%5Ftoken} is {@code access_token} too); empty when there is no query.
     */
    public String queryWithout(String name) {
        String query = request.getHttpURI().getQuery();
        if (query == null) {
            return "";
        }
        if (query.indexOf('%') < 0 && !query.contains(name)) {
            return query;
        }
        StringBuilder kept = new StringBuilder(query.length());
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (!name.equals(decode(eq < 0 ? part : part.substring(0, eq)))) {
                kept.append(kept.length() == 0 ? "" : "&").append(part);
            }
        }
        return kept.toString();
    }

    /** {@code text} of a query string percent-decoded; lower-cased as given when it is not valid. */
    public static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /** Answers with {@code body} as JSON. */
    public void sendJson(int status, Object body) {
        try {
            send(status, JSON, Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            fail(e);
        }
    }

    /** Answers with {@code body} of {@code contentType}. */
    public void send(int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Answers with {@code body} as UTF-8 text of {@code contentType}. */
    public void sendText(int status, String contentType, String body) {
        send(status, contentType + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with an empty body. */
    public void sendEmpty(int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
    }

    /** Answers with a LUNA error body (SPEC §5). */
    public void sendError(ErrorCode code, String detail) {
        sendError(code, code.httpStatus(), detail);
    }

    /**
     * Answers with a LUNA error body under an HTTP status of its own, for refusals HTTP gives a status of their own
     * to (such as {@code 426} for a WebSocket version, or {@code 408} for a body that does not arrive).
     */
    public void sendError(ErrorCode code, int status, String detail) {
        error = code;
        LOG.debug("[{}] {} {} answered {} {}: {}", requestId, request.getMethod(), path, status, code.code(), detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code.code());
        body.put("desc", code.desc());
        body.put("detail", detail);
        if (!bodyRead && request.getLength() != 0) {
            // The unread body stands in front of any next request: the connection closes after this answer, and
            // the client is told so, lest it send another request on it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (!response.isCommitted()) {
            sendJson(status, body);
        } else {
            callback.failed(new IllegalStateException(detail));
        }
    }

    /** Answers {@code 500} with error 1, logging {@code cause} with the request id; no detail leaks. */
    public void fail(Throwable cause) {
        LOG.error("[{}] {} {} failed", requestId, request.getMethod(), path, cause);
        sendError(ErrorCode.INTERNAL, ErrorCode.INTERNAL.desc());
    }

    /** Redirects to {@code location} with {@code 302}. */
    public void redirect(String location) {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        sendEmpty(302);
    }
}
