package dev.sender.client.internal;

import dev.sender.client.ConnectionListener;
import dev.sender.client.ReconnectPolicy;
import dev.sender.client.SenderException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a client, as its builder checked them.
 *
 * @param origin http or https base URI, possibly with a path
 * @param apiVersion the API version in resource paths
 * @param accountId the account of handler subscriptions and publications, if any
 * @param requestTimeout how long an HTTP call may take
 * @param connectTimeout how long opening a connection may take
 * @param reconnect when lost connections are reopened
 * @param connectionListener told about every subscription's connections
 * @param messageBuffer messages that may wait per subscription
 * @param token asked for the bearer token of every HTTP call and handshake, if any
 * @param sslContext the TLS context of {@code https} and {@code wss}, if not the JVM's default
 * @param resume whether subscriptions ask for history and resume from their last position after a reconnect
 */
public record ClientSettings(URI origin, int apiVersion, @Nullable UUID accountId, Duration requestTimeout,
        Duration connectTimeout, ReconnectPolicy reconnect, ConnectionListener connectionListener, int messageBuffer,
        @Nullable Supplier<String> token, @Nullable SSLContext sslContext, boolean resume) {

    /**
     * The {@code Authorization} header of a new request or handshake, {@code Bearer} and a token just asked of
     * {@link #token()}; null without a token supplier.
     *
     * @throws SenderException (status 0) when the supplier fails, or gives no token or one a header cannot carry
     */
    @Nullable String authorization(String requestId) {
        if (token == null) {
            return null;
        }
        String value;
        try {
            value = token.get();
        } catch (RuntimeException e) {
            throw new SenderException("the token supplier failed: " + e, requestId, e);
        }
        if (value == null || value.isBlank()) {
            throw new SenderException("the token supplier gave no token", requestId, null);
        }
        value = value.strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new SenderException("the token supplier gave a token with a character a header cannot carry "
                        + "at index " + i, requestId, null);
            }
        }
        return "Bearer " + value;
    }

    /**
     * {@code origin}, checked for {@code SenderClient.Builder.origin}.
     *
     * @throws IllegalArgumentException when it is not an http or https URI with a host, or has a query or a fragment
     */
    public static URI checkOrigin(URI origin) {
        Objects.requireNonNull(origin, "origin");
        String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("origin must be an http or https URI: " + origin);
        }
        if (origin.getHost() == null) {
            throw new IllegalArgumentException("origin must name a host: " + origin);
        }
        if (origin.getRawQuery() != null || origin.getRawFragment() != null) {
            throw new IllegalArgumentException("origin must not have a query or a fragment: " + origin);
        }
        return origin;
    }

    /**
     * {@code value}, checked to be positive.
     *
     * @throws IllegalArgumentException naming the setting {@code name} otherwise
     */
    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /**
     * {@code timeout}, checked to be positive and at most {@code Integer.MAX_VALUE} milliseconds.
     *
     * @throws IllegalArgumentException naming {@code connectTimeout} otherwise
     */
    public static Duration checkConnectTimeout(Duration timeout) {
        positive(timeout, "connectTimeout");
        if (timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout must be at most " + Integer.MAX_VALUE + " ms: "
                    + timeout);
        }
        return timeout;
    }

    /**
     * {@code value}, checked to be at least {@code min}.
     *
     * @throws IllegalArgumentException with {@code refusal}, such as {@code "apiVersion must be positive"}, otherwise
     */
    public static int atLeast(int min, int value, String refusal) {
        if (value < min) {
            throw new IllegalArgumentException(refusal + ": " + value);
        }
        return value;
    }

    /** The origin as text without a trailing slash, such as {@code http://host:5080/sender}. */
    String httpBase() {
        String path = origin.getRawPath() == null ? "" : origin.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return origin.getScheme().toLowerCase(Locale.ROOT) + "://" + origin.getRawAuthority() + path;
    }

    /** The HTTP URI of {@code path} (which starts with a slash) and {@code rawQuery} (possibly empty). */
    URI http(String path, String rawQuery) {
        return URI.create(httpBase() + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }

    /** The WebSocket URI of {@code path} and {@code rawQuery}: {@code ws://} for http, {@code wss://} for https. */
    URI webSocket(String path, String rawQuery) {
        String http = http(path, rawQuery).toString();
        return URI.create(http.startsWith("https:") ? "wss:" + http.substring(6) : "ws:" + http.substring(5));
    }
}
