package dev.sender.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sender.core.ErrorCode;
import dev.sender.core.RequestId;
import dev.sender.core.internal.json.Json;
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
 * {@code LUNA-Request-Id}, instead of Jetty's HTML page. A URI Jetty cannot parse (a bad %-escape, a path
 * above the root) or one over its length limit names no resource: {@code 404 12013}. A status with one LUNA
 * error keeps it (404, 405, 413, 415, 503); any other client error (headers over the limit, an unreadable
 * request head) is {@code 400 29010}; a server error is {@code 500 1}.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        if (cause instanceof HttpException http) {
            status = http.getCode();
        }
        ErrorCode code = status == 414 || isMalformedUri(cause) ? ErrorCode.RESOURCE_NOT_FOUND : code(status);
        String detail = switch (code) {
            case INTERNAL -> code.desc();
            case RESOURCE_NOT_FOUND -> "the request URI is malformed or too long and names no resource"
                    + reason(cause);
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
        String given = request.getHeaders().get(Exchange.REQUEST_ID_HEADER);
        response.setStatus(code.httpStatus());
        response.getHeaders().put(Exchange.RESPONSE_REQUEST_ID_HEADER,
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

    /** The innermost message of {@code cause}, as {@code ": message"}, or nothing. */
    private static String reason(@Nullable Throwable cause) {
        String message = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            message = t.getMessage() != null ? t.getMessage() : message;
        }
        return message == null ? "" : ": " + message;
    }

    private static ErrorCode code(int status) {
        return switch (status) {
            case 404 -> ErrorCode.RESOURCE_NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.TOO_MANY_CONNECTIONS;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_HEADER;
        };
    }
}
