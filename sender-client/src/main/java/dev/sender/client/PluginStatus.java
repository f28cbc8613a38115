package dev.sender.client;

import java.util.Objects;

/**
 * One plugin of the server, as {@code GET /plugins} lists it: {@code {"name": "Archive", "running": 1}}.
 *
 * @param name the plugin's name
 * @param running whether it runs
 */
public record PluginStatus(String name, boolean running) {

    /** Checks the members. */
    public PluginStatus {
        Objects.requireNonNull(name, "name");
    }
}
