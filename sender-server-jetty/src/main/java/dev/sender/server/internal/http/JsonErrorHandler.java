package dev.sender.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers the requests Jetty refuses before they reach the resources with a LUNA error body (SPEC §5) and a
 * {@code LUNA-Request-Id}, instead of Jetty's HTML page. A URI Jetty cannot parse (a bad %-escape, a path above
 * the root) names no resource: {@code 404 12013}. A status with one LUNA error keeps it (404, 405, 413, 415, 503);
 * a request line over the limit is {@code 414 12012} (its query holds the filters); any other client error (an
 * unsupported HTTP version, headers over the limit, an unreadable request head) keeps Jetty's status with
 * {@code 29010}; a server error is {@code 500 1}. A client's error is logged at debug level at most.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        if (cause instanceof HttpException http) {
            status = http.getCode();
        }
        ErrorCode code = isMalformedUri(cause) ? ErrorCode.RESOURCE_NOT_FOUND : code(status);
        int answered = code == ErrorCode.BAD_HEADER || status == 414 ? status : code.httpStatus();
        String detail = switch (code) {
            case INTERNAL -> code.desc();
            case RESOURCE_NOT_FOUND -> "the request URI is malformed and names no resource" + reason(cause);
            case BAD_QUERY_PARAMETERS -> "the request line is over the server's limit; send shorter filters";
            case BAD_HEADER -> status == 505 ? "the HTTP version is not supported" + reason(cause) + "; use HTTP/1.1"
                    : "the request was refused before it reached a resource: HTTP " + status + reason(cause);
            default -> "the request was refused before it reached a resource: HTTP " + status + reason(cause);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code.code());
        body.put("desc", code.desc());
        body.put("detail", detail);
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return true;
        }
        String given = request.getHeaders().get(LunaHeaders.REQUEST_ID);
        response.setStatus(answered);
        response.getHeaders().put(LunaHeaders.RESPONSE_REQUEST_ID,
                given != null && RequestId.isValid(given) ? given : RequestId.generate());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchange.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    /** Whether Jetty refused the request because it could not parse its URI (a bad %-escape, say). */
    private static boolean isMalformedUri(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(HttpURI.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost reason of {@code cause} (without Jetty's status prefix), as {@code ": reason"}, or nothing. */
    private static String reason(@Nullable Throwable cause) {
        String message = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String reason = t instanceof HttpException http ? http.getReason() : t.getMessage();
            message = reason != null ? reason : message;
        }
        return message == null ? "" : ": " + message;
    }

    private static ErrorCode code(int status) {
        return switch (status) {
            case 404 -> ErrorCode.RESOURCE_NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 414 -> ErrorCode.BAD_QUERY_PARAMETERS;
            case 503 -> ErrorCode.TOO_MANY_CONNECTIONS;
            default -> status >= 500 && status != 505 ? ErrorCode.INTERNAL : ErrorCode.BAD_HEADER;
        };
    }
}
