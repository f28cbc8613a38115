package dev.sender.server;

import dev.sender.core.Broker;

/**
 * Runs beside the server: started when the server starts, stopped when it stops; for instance to publish
 * events from another source through {@link PluginContext#broker()}.
 */
public non-sealed interface BackgroundPlugin extends SenderPlugin {

    /**
     * Starts the plugin; a plugin that throws is logged and shown as not running.
     *
     * @param context what the plugin may use of the server
     * @throws Exception when the plugin cannot start
     */
    void start(PluginContext context) throws Exception;

    /**
     * Stops the plugin.
     *
     * @throws Exception when the plugin cannot stop cleanly; it is logged
     */
    void stop() throws Exception;

    /** What a background plugin may use. */
    interface PluginContext {

        /** {@return the broker of the server} */
        Broker broker();

        /** {@return the settings of the server} */
        SenderSettings settings();
    }
}
