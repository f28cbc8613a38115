package dev.sender.filters;

import dev.sender.core.ErrorCode;
import java.util.Objects;

/**
 * A subscription filter that cannot be accepted: an unknown or repeated parameter, a value that does not
 * parse or lies outside its range or enum, an impossible combination. It is the only exception the filter
 * parsers throw, whatever their input, and the one builders throw for a value a query could not carry.
 * A server answers it with {@link ErrorCode#BAD_QUERY_PARAMETERS} ({@code 400 12012}) and {@link #detail()}.
 *
 * <pre>{@code
 * try {
 *     HandlerEventFilter.parse("age__gte=abc");
 * } catch (InvalidFilterException e) {
 *     e.parameter(); // "age__gte"
 *     e.detail();    // "Parameter 'age__gte': expected an integer, got 'abc'"
 * }
 * }</pre>
 */
public final class InvalidFilterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    /** Names longer than this are cut in the detail, so that a huge query cannot make a huge error body. */
    private static final int MAX_NAME_IN_DETAIL = 200;

    /** The refused parameter's name, or the raw piece whose name could not be decoded. */
    private final String parameter;
    /** {@code Parameter '<parameter>': <reason>}, also the exception's message. */
    private final String detail;

    /**
     * An exception about {@code parameter} whose detail reads {@code Parameter '<parameter>': <reason>} (a
     * name over 200 characters is cut there).
     *
     * @param parameter the parameter's name, or the raw query piece when the name itself is unreadable
     * @param reason why the parameter is refused, e.g. {@code expected an integer, got 'abc'}
     */
    public InvalidFilterException(String parameter, String reason) {
        super(detail(parameter, reason));
        this.parameter = parameter;
        this.detail = getMessage();
    }

    private static String detail(String parameter, String reason) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(reason, "reason");
        String name = parameter;
        if (name.length() > MAX_NAME_IN_DETAIL) {
            int end = Character.isHighSurrogate(name.charAt(MAX_NAME_IN_DETAIL - 1))
                    ? MAX_NAME_IN_DETAIL - 1 : MAX_NAME_IN_DETAIL;
            name = name.substring(0, end) + "…";
        }
        return "Parameter '" + name + "': " + reason;
    }

    /** {@return the name of the refused parameter, or the raw query piece when its name could not be decoded} */
    public String parameter() {
        return parameter;
    }

    /** {@return the human message for the error body's {@code detail}: it names the parameter and says why} */
    public String detail() {
        return detail;
    }

    /** {@return {@link ErrorCode#BAD_QUERY_PARAMETERS}, always} */
    public ErrorCode errorCode() {
        return ErrorCode.BAD_QUERY_PARAMETERS;
    }
}
