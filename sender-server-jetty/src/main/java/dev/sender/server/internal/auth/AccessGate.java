package dev.sender.server.internal.auth;

import dev.sender.core.ErrorCode;
import dev.sender.core.event.EventFields;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.server.AccessControl;
import dev.sender.server.AccessGrant;
import dev.sender.server.AccessRefusedException;
import dev.sender.server.AccessRequest;
import dev.sender.server.Scope;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.Route;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where access control meets the endpoints (SPEC §8). The router asks {@link #admit} of every protected request
 * once its path and method are known; the endpoints then ask {@link #permits} after their own header checks and
 * take the imposed filters and expiry from the grant {@link #admit} left on the exchange. Without access control
 * no grant is left, and every check passes without a look at the request, as before access control existed.
 *
 * <p>The token is never logged, never echoed in a detail, and its query parameter {@value #ACCESS_TOKEN} never
 * reaches a filter.
 */
public final class AccessGate {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);

    /** The query parameter a token may travel in: reserved, never a filter. */
    public static final String ACCESS_TOKEN = "access_token";
    private static final String BEARER = "bearer ";

    private final AccessControl control;

    /** A gate asking {@code control}. */
    public AccessGate(AccessControl control) {
        this.control = control;
    }

    /** The gate of {@code control}; null for {@link AccessControl#none()}, which checks nothing. */
    public static @Nullable AccessGate of(AccessControl control) {
        return control instanceof OpenAccess ? null : new AccessGate(control);
    }

    /** Whether {@code route} needs a token: subscriptions, publications and {@code /config}. */
    public static boolean protects(Route route) {
        return switch (route) {
            case SUBSCRIBE_HANDLER, SUBSCRIBE_GENERAL, PUBLISH_HANDLER, PUBLISH_GENERAL, CONFIG -> true;
            default -> false;
        };
    }

    /**
     * Authenticates the bearer of {@code exchange} and leaves its grant on the exchange; otherwise answers
     * {@code 401 29020} (or {@code 400 29010} for a token given twice, differently).
     *
     * @return whether the request may go on
     */
    public boolean admit(Exchange exchange) {
        String header = exchange.singleHeader(HttpHeader.AUTHORIZATION.asString());
        String fromQuery = queryToken(exchange);
        if (exchange.error() != null) {
            return false;
        }
        String token = null;
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length())
                    .isBlank()) {
                return refuse(exchange, true, "the 'Authorization' header must be 'Bearer <token>'");
            }
            token = header.substring(BEARER.length()).trim();
        }
        if (fromQuery != null) {
            if (token != null && !token.equals(fromQuery)) {
                exchange.sendError(ErrorCode.BAD_HEADER, "a token is given both in the 'Authorization' header and in "
                        + "the query parameter '" + ACCESS_TOKEN + "', and they differ; give one");
                return false;
            }
            token = fromQuery;
        }
        AccessRequest request = new AccessRequest(exchange.request().getMethod(), exchange.path(), token,
                exchange.requestId());
        AccessGrant grant;
        try {
            grant = control.authenticate(request);
        } catch (AccessRefusedException e) {
            LOG.debug("[{}] {} {} refused: {}", exchange.requestId(), request.method(), request.path(), e.getMessage());
            return refuse(exchange, token != null, e.getMessage());
        }
        Instant expiry = grant.expiresAt();
        if (expiry != null && !expiry.isAfter(Instant.now())) {
            return refuse(exchange, true, "the token has expired");
        }
        LOG.debug("[{}] {} {} by {}", exchange.requestId(), request.method(), request.path(), grant);
        exchange.grant(grant);
        return true;
    }

    private static boolean refuse(Exchange exchange, boolean tokenGiven, @Nullable String reason) {
        exchange.response().getHeaders().put(HttpHeader.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        exchange.sendError(ErrorCode.UNAUTHORIZED, reason == null ? "the token is not valid" : reason);
        return false;
    }

    /** The token of the query parameter; null when none (or when the request was answered, given twice). */
    private static @Nullable String queryToken(Exchange exchange) {
        String query = exchange.request().getHttpURI().getQuery();
        if (query == null) {
            return null;
        }
        String token = null;
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (!ACCESS_TOKEN.equals(Exchange.decode(eq < 0 ? part : part.substring(0, eq)))) {
                continue;
            }
            String value = eq < 0 ? "" : Exchange.decode(part.substring(eq + 1));
            if (token != null && !token.equals(value)) {
                exchange.sendError(ErrorCode.BAD_HEADER, "the query parameter '" + ACCESS_TOKEN
                        + "' is given more than once with different values; give it once");
                return null;
            }
            token = value;
        }
        return token;
    }

    /**
     * The query string of {@code exchange} for filter parsing: without {@value #ACCESS_TOKEN} when access control
     * is on; as given otherwise, where {@value #ACCESS_TOKEN} is an unknown filter as it always was.
     */
    public static String filterQuery(Exchange exchange) {
        if (exchange.grant() == null) {
            String query = exchange.request().getHttpURI().getQuery();
            return query == null ? "" : query;
        }
        return exchange.queryWithout(ACCESS_TOKEN);
    }

    /**
     * Whether the grant on {@code exchange} allows {@code scope} (and {@code account}, unless null); otherwise
     * answers {@code 403 29021} naming what is missing. Always true without access control.
     */
    public static boolean permits(Exchange exchange, Scope scope, @Nullable UUID account) {
        AccessGrant grant = exchange.grant();
        if (grant == null) {
            return true;
        }
        boolean scoped = grant.has(scope);
        boolean granted = account == null || grant.grants(account);
        if (scoped && granted) {
            return true;
        }
        String missing = (scoped ? "" : "the scope '" + scope.claim() + "'") + (scoped || granted ? "" : " and ")
                + (granted ? "" : "the account " + account);
        LOG.debug("[{}] {} lacks {}", exchange.requestId(), grant.principal(), missing);
        exchange.sendError(ErrorCode.ACCESS_DENIED, "the token does not grant " + missing);
        return false;
    }

    /**
     * Whether the grant on {@code exchange} lets its bearer subscribe to general events of some account; otherwise
     * answers {@code 403 29021}. Always true without access control.
     */
    public static boolean permitsGeneralEvents(Exchange exchange) {
        AccessGrant grant = exchange.grant();
        if (!permits(exchange, Scope.GENERAL_SUBSCRIBE, null)) {
            return false;
        }
        if (grant != null && !grant.allAccounts() && grant.accounts().isEmpty()) {
            exchange.sendError(ErrorCode.ACCESS_DENIED, "the token does not grant any account");
            return false;
        }
        return true;
    }

    /**
     * The filter imposed on a subscription to {@code route} by the grant on {@code exchange}; {@link Filter#any()}
     * without access control. A general-event bearer of some accounts only gets events of those accounts.
     */
    public static Filter imposed(Exchange exchange, Route route) {
        AccessGrant grant = exchange.grant();
        if (grant == null) {
            return Filter.any();
        }
        if (route != Route.SUBSCRIBE_GENERAL) {
            return grant.handlerFilter();
        }
        if (grant.allAccounts()) {
            return grant.generalFilter();
        }
        return Filter.and(grant.generalFilter(), Filter.in(EventFields.ACCOUNT_ID,
                grant.accounts().stream().sorted().map(Value::uuid).toList()));
    }

    /** When the subscription of {@code exchange} must close with {@code 4001}; null for never. */
    public static @Nullable Instant expiry(Exchange exchange) {
        AccessGrant grant = exchange.grant();
        return grant == null ? null : grant.expiresAt();
    }
}
