package dev.sender.core;

import java.util.Optional;

/**
 * The LUNA errors Sender answers with (SPEC §5): each has its {@code error_code}, its short {@code desc} and
 * the HTTP status it travels with. Error bodies read
 * {@code {"error_code": 12012, "desc": "Bad query parameters", "detail": "..."}}.
 */
public enum ErrorCode {
    /** An unexpected failure; details go to the log, not to the client. */
    INTERNAL(1, "Internal server error", 500),
    /** A publish body breaks the schema. */
    BAD_INPUT_DATA(11027, "Bad/incomplete input data", 400),
    /** A publish body is not JSON. */
    NOT_JSON(12002, "Request does not contain json", 400),
    /** A subscription filter is bad. */
    BAD_QUERY_PARAMETERS(12012, "Bad query parameters", 400),
    /** Unknown path or API version. */
    RESOURCE_NOT_FOUND(12013, "Resource not found", 404),
    /** A required header is missing on a publish. */
    REQUIRED_PARAMETERS_NOT_FOUND(12014, "Required parameters not found", 400),
    /** A publish without {@code application/json}. */
    BAD_CONTENT_TYPE(12017, "Bad content type", 400),
    /** Known path, wrong method. */
    METHOD_NOT_ALLOWED(12021, "Method not allowed", 405),
    /** An unacceptable {@code Accept} header. */
    UNSUPPORTED_MEDIA_TYPE(12024, "Unsupported media type", 415),
    /** An empty publish body. */
    NO_DATA(12030, "Request does not contain data", 400),
    /** A subscription without {@code Luna-Account-Id}. */
    FORBIDDEN(29001, "Forbidden", 403),
    /** The broker refused a publication or is down. */
    PUBLISH_FAILED(29004, "Failed to publish message", 500),
    /** A malformed {@code Luna-Account-Id} or {@code Luna-Request-Id}. */
    BAD_HEADER(29010, "Bad header", 400),
    /** A body over the configured limit. */
    PAYLOAD_TOO_LARGE(29011, "Payload too large", 413),
    /** A connection limit is reached. */
    TOO_MANY_CONNECTIONS(29012, "Too many connections", 503),
    /** The broker (e.g. Redis) does not work: {@code /healthcheck} answers with it (a Sender decision). */
    BROKER_UNAVAILABLE(29013, "Broker is unavailable", 502),
    /** Access control is on and the request has no token, or one that is not valid (a Sender decision). */
    UNAUTHORIZED(29020, "Unauthorized", 401),
    /** Access control is on and the token does not grant this account, kind of event or operation. */
    ACCESS_DENIED(29021, "Forbidden", 403);

    private final int code;
    private final String desc;
    private final int httpStatus;

    ErrorCode(int code, String desc, int httpStatus) {
        this.code = code;
        this.desc = desc;
        this.httpStatus = httpStatus;
    }

    /** {@return the {@code error_code} of the body} */
    public int code() {
        return code;
    }

    /** {@return the {@code desc} of the body} */
    public String desc() {
        return desc;
    }

    /** {@return the HTTP status the error travels with} */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The error with {@code error_code} {@code code}, if Sender knows it.
     *
     * @param code an {@code error_code}, as an error body carries it
     * @return the error, or empty when Sender does not know the code
     */
    public static Optional<ErrorCode> of(int code) {
        for (ErrorCode error : values()) {
            if (error.code == code) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }
}
