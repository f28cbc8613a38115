package dev.sender.server.internal.websocket;

import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.Uuids;
import dev.sender.server.internal.http.Exchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The account of a handler-event subscription (SPEC §1): the header {@code Luna-Account-Id}, or, since a browser
 * cannot set headers on a WebSocket handshake, the query parameter {@value #PARAMETER}. The parameter is reserved:
 * it never reaches the filters.
 */
final class SubscriptionAccount {

    /** The query parameter that may carry the account. */
    static final String PARAMETER = "luna_account_id";

    private SubscriptionAccount() {
    }

    /**
     * The account {@code exchange} subscribes to; null when it has been answered: {@code 403 29001} without
     * header and parameter, {@code 400 29010} for one that is not a UUID, a parameter given twice differently, or
     * a header and a parameter naming different accounts.
     */
    static @Nullable UUID of(Exchange exchange) {
        String header = exchange.singleHeader(LunaHeaders.ACCOUNT_ID);
        String parameter = parameter(exchange);
        if (exchange.error() != null) {
            return null;
        }
        if (header == null && parameter == null) {
            exchange.sendError(ErrorCode.FORBIDDEN, "header '" + LunaHeaders.ACCOUNT_ID + "' (or, from a browser, "
                    + "the query parameter '" + PARAMETER + "') is required to subscribe");
            return null;
        }
        UUID fromHeader = header == null ? null : Uuids.parse(header);
        if (header != null && fromHeader == null) {
            exchange.sendError(ErrorCode.BAD_HEADER, "header '" + LunaHeaders.ACCOUNT_ID + "' must be a UUID, got '"
                    + header + "'");
            return null;
        }
        UUID fromParameter = parameter == null ? null : Uuids.parse(parameter);
        if (parameter != null && fromParameter == null) {
            exchange.sendError(ErrorCode.BAD_HEADER, "query parameter '" + PARAMETER + "' must be a UUID, got '"
                    + parameter + "'");
            return null;
        }
        if (fromHeader != null && fromParameter != null && !fromHeader.equals(fromParameter)) {
            exchange.sendError(ErrorCode.BAD_HEADER, "header '" + LunaHeaders.ACCOUNT_ID + "' (" + header
                    + ") and query parameter '" + PARAMETER + "' (" + parameter + ") name different accounts; "
                    + "give one");
            return null;
        }
        return fromHeader != null ? fromHeader : fromParameter;
    }

    /** {@code rawQuery} without the pieces of {@value #PARAMETER}, as the filters read it. */
    static String withoutParameter(String rawQuery) {
        if (!rawQuery.contains(PARAMETER.substring(0, 4)) && !rawQuery.contains("%")) {
            return rawQuery;
        }
        StringBuilder kept = new StringBuilder(rawQuery.length());
        for (String piece : rawQuery.split("&")) {
            if (!PARAMETER.equals(name(piece))) {
                kept.append(kept.length() == 0 ? "" : "&").append(piece);
            }
        }
        return kept.toString();
    }

    /** The parameter's decoded value; null when absent, or when given twice differently (then answered). */
    private static @Nullable String parameter(Exchange exchange) {
        String query = exchange.request().getHttpURI().getQuery();
        if (query == null) {
            return null;
        }
        String value = null;
        for (String piece : query.split("&")) {
            if (!PARAMETER.equals(name(piece))) {
                continue;
            }
            int eq = piece.indexOf('=');
            String given = eq < 0 ? "" : decode(piece.substring(eq + 1));
            if (value != null && !value.equals(given)) {
                exchange.sendError(ErrorCode.BAD_HEADER, "query parameter '" + PARAMETER + "' is given more than "
                        + "once with different values ('" + value + "', '" + given + "'); give it once");
                return null;
            }
            value = given;
        }
        return value;
    }

    private static String name(String piece) {
        int eq = piece.indexOf('=');
        return decode(eq < 0 ? piece : piece.substring(0, eq));
    }

    /** The decoded text; a malformed escape is left as it is, for the filters to refuse. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
