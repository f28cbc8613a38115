package dev.sender.client;

import java.util.Objects;

/**
 * One plugin of the server, as {@code GET /plugins} lists it: {@code {"name": "Archive", "running": 1}}.
 *
 * @param name the plugin's name
 * @param running whether it runs
 */
public record PluginStatus(String name, boolean running) {

    /**
     * Checks the members.
     *
     * @param name the plugin's name, as {@code /plugins} shows it
     * @param running whether the plugin runs
     */
    public PluginStatus {
        Objects.requireNonNull(name, "name");
    }
}
