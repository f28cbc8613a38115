package dev.sender.server;

import dev.sender.core.HistoryOptions;
import dev.sender.server.internal.service.ConfigEndpoint;
import dev.sender.server.internal.service.ServiceEndpoints;
import dev.sender.server.internal.settings.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** The lines a {@link SenderServer} logs when it starts and when it stops. */
final class ServerSummary {

    private ServerSummary() {
    }

    /**
     * {@code Sender listening on http://0.0.0.0:5080 (version 0.1.0, broker memory, settings: defaults)}: where
     * the server listens, its version, its broker, and every setting that differs from its default, as
     * {@code /config} shows it (secrets masked).
     *
     * @param addresses where the server listens, its own connector first
     * @param effective what {@code /config} shows, before masking
     */
    static String started(List<String> addresses, Map<String, Object> effective) {
        Map<String, Object> defaults = new HashMap<>(SenderSettings.ofDefaults().asMap());
        defaults.putAll(Settings.shown(HistoryOptions.ofDefaults()));
        defaults.put("plugins", List.of());
        defaults.put("viewer", false); // an embedded server's; the standalone one lists its viewer
        StringJoiner changed = new StringJoiner(", ");
        ConfigEndpoint.masked(effective).forEach((key, value) -> {
            if (!key.equals("broker") && !Objects.equals(defaults.get(key), value)) {
                changed.add(key + "=" + value);
            }
        });
        return "Sender listening on " + String.join(", ", addresses) + " (version " + ServiceEndpoints.projectVersion()
                + ", broker " + effective.get("broker") + ", settings: "
                + (changed.length() == 0 ? "defaults" : changed.toString()) + ")";
    }

    /** {@code Sender stopped after 2h5m13.042s of uptime}. */
    static String stopped(Duration uptime) {
        return "Sender stopped after " + Duration.ofMillis(uptime.toMillis()).toString().substring(2)
                .toLowerCase(Locale.ROOT) + " of uptime";
    }
}
