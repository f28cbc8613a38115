package dev.sender.server.internal.service;

import dev.sender.core.ErrorCode;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.MediaTypes;
import dev.sender.server.internal.settings.Setting;
import dev.sender.server.internal.settings.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;

/**
 * {@code GET /config}: the effective settings as JSON (the default) or {@code text/plain}, every password,
 * token or secret shown as {@code ********}.
 */
public final class ConfigEndpoint {

    static final String MASK = "********";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|token|secret).*");
    /** Any URI with an authority. */
    private static final Pattern URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*$", Pattern.DOTALL);
    /** A URI with user info: scheme, user info, rest. */
    private static final Pattern URI_WITH_USER = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s]+)@(.*)$",
            Pattern.DOTALL);

    private final Map<String, Object> config;

    public ConfigEndpoint(Map<String, Object> effective) {
        this.config = masked(effective);
    }

    /**
     * {@code effective} as {@code /config} shows it, every secret replaced by {@code ********}.
     *
     * @param effective settings by key, in the order to show them
     * @return a copy, in the same order
     */
    public static Map<String, Object> masked(Map<String, Object> effective) {
        Map<String, Object> masked = new LinkedHashMap<>();
        effective.forEach((key, value) -> masked.put(key, mask(key, value)));
        return masked;
    }

    /**
     * {@code value} with any secret it holds replaced by {@link #MASK}. A setting of {@link Settings} is hidden when
     * the table says it is secret: the password of a URI, or else the whole value. Any other key (one given to
     * {@code SenderServer.Builder.describe}) is hidden when its name says password, token or secret, and the
     * password of any URI it holds is.
     */
    static Object mask(String key, Object value) {
        Optional<Setting<?>> setting = Settings.find(key);
        if (setting.isEmpty()) {
            return SECRET_KEY.matcher(key).matches() ? MASK : withoutPassword(value);
        }
        if (!setting.get().secret() || value == null) {
            return value;
        }
        return value instanceof String text && URI.matcher(text).matches() ? withoutPassword(text) : MASK;
    }

    private static Object withoutPassword(Object value) {
        if (value instanceof String text) {
            Matcher uri = URI_WITH_USER.matcher(text);
            if (uri.matches()) {
                // user:password@ keeps the user; a lone user info (redis://password@host) is the password.
                String user = uri.group(2);
                int colon = user.indexOf(':');
                return uri.group(1) + (colon < 0 ? "" : user.substring(0, colon + 1)) + MASK + "@" + uri.group(3);
            }
        }
        return value;
    }

    public void handle(Exchange exchange) {
        Map<String, Object> shown = new LinkedHashMap<>(config);
        if (Integer.valueOf(0).equals(shown.get("port"))) {
            shown.put("port", Request.getLocalPort(exchange.request()));
        }
        String accept = exchange.listHeader("Accept");
        MediaTypes.Choice choice = MediaTypes.choose(accept, "application/json", "text/plain");
        if (choice == MediaTypes.Choice.FIRST || choice == MediaTypes.Choice.DEFAULT) {
            exchange.sendJson(200, shown);
        } else if (choice == MediaTypes.Choice.SECOND) {
            StringBuilder text = new StringBuilder();
            shown.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
            exchange.sendText(200, "text/plain", text.toString());
        } else {
            exchange.sendError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Accept must be 'application/json' or 'text/plain', got '"
                    + accept + "'");
        }
    }
}
