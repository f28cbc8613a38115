package dev.sender.client.internal;

import dev.sender.client.ConnectionListener;
import dev.sender.client.ReconnectPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
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
 */
public record ClientSettings(URI origin, int apiVersion, @Nullable UUID accountId, Duration requestTimeout,
        Duration connectTimeout, ReconnectPolicy reconnect, ConnectionListener connectionListener, int messageBuffer) {

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
