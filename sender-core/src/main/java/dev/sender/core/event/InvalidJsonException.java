package dev.sender.core.event;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * JSON that cannot be accepted: either not JSON at all ({@link Kind#NOT_JSON}) or JSON that breaks the
 * expected schema ({@link Kind#SCHEMA}), with the {@link #path()} of the offending element.
 */
public final class InvalidJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the input. */
    public enum Kind {
        /** The input does not parse as JSON. */
        NOT_JSON,
        /** The input is JSON of the wrong shape. */
        SCHEMA
    }

    /** Whether the input was not JSON or broke the schema. */
    private final Kind kind;
    /** Dotted path of the offending element; empty for the root or when the input is not JSON. */
    private final String path;
    /** Why the input was refused. */
    private final String reason;

    private InvalidJsonException(Kind kind, String path, String reason, @Nullable Throwable cause) {
        super(kind == Kind.NOT_JSON ? "not JSON: " + reason : "Path: '" + path + "',  message: '" + reason + "'",
                cause);
        this.kind = kind;
        this.path = path;
        this.reason = reason;
    }

    /**
     * Input that does not parse as JSON, for {@code reason}; {@code cause} is the parser's error, if any.
     *
     * @param reason why the parser refused the input
     * @param cause the parser's error, or {@code null}
     * @return the exception, of kind {@link Kind#NOT_JSON}
     */
    public static InvalidJsonException notJson(String reason, @Nullable Throwable cause) {
        return new InvalidJsonException(Kind.NOT_JSON, "", reason, cause);
    }

    /**
     * JSON whose element at {@code path} (dotted, array indexes as numbers) breaks the schema.
     *
     * @param path the offending element, such as {@code events.0.source}; empty for the root
     * @param reason what is wrong with it, such as {@code field required}
     * @return the exception, of kind {@link Kind#SCHEMA}
     */
    public static InvalidJsonException schema(String path, String reason) {
        return new InvalidJsonException(Kind.SCHEMA, Objects.requireNonNull(path), reason, null);
    }

    /** {@return whether the input was not JSON or broke the schema} */
    public Kind kind() {
        return kind;
    }

    /** {@return dotted path of the offending element, empty for the root or when the input is not JSON} */
    public String path() {
        return path;
    }

    /** {@return why the input was refused, such as {@code field required}} */
    public String reason() {
        return reason;
    }
}
