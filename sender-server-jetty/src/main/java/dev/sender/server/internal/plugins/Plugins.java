package dev.sender.server.internal.plugins;

import dev.sender.core.Broker;
import dev.sender.core.event.Publication;
import dev.sender.server.BackgroundPlugin;
import dev.sender.server.EventPlugin;
import dev.sender.server.SenderPlugin;
import dev.sender.server.SenderSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's plugins: event plugins fed on their own threads, background plugins started and stopped. */
public final class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final List<SenderPlugin> plugins;
    private final Map<EventPlugin, ExecutorService> eventThreads = new LinkedHashMap<>();
    private final Map<SenderPlugin, Boolean> running = new java.util.concurrent.ConcurrentHashMap<>();

    /** The given plugins, in order. */
    public Plugins(List<SenderPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    /** Starts background plugins and the threads of event plugins. */
    public void start(Broker broker, SenderSettings settings) {
        BackgroundPlugin.PluginContext context = new BackgroundPlugin.PluginContext() {
            @Override
            public Broker broker() {
                return broker;
            }

            @Override
            public SenderSettings settings() {
                return settings;
            }
        };
        for (SenderPlugin plugin : plugins) {
            if (plugin instanceof EventPlugin event) {
                eventThreads.put(event, Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "sender-plugin-" + plugin.name());
                    t.setDaemon(true);
                    return t;
                }));
                running.put(plugin, true);
            } else if (plugin instanceof BackgroundPlugin background) {
                try {
                    background.start(context);
                    running.put(plugin, true);
                    LOG.info("Plugin {} started", plugin.name());
                } catch (Exception e) {
                    running.put(plugin, false);
                    LOG.error("Plugin {} failed to start", plugin.name(), e);
                }
            }
        }
    }

    /** Hands {@code publication} to every event plugin, each on its own thread. */
    public void onPublication(Publication publication) {
        eventThreads.forEach((plugin, thread) -> thread.execute(() -> {
            try {
                plugin.onPublication(publication);
            } catch (RuntimeException e) {
                LOG.warn("[{}] plugin {} failed on a publication", publication.requestId(), plugin.name(), e);
            }
        }));
    }

    /** Stops background plugins and lets event plugins finish what they were given. */
    public void stop() {
        for (SenderPlugin plugin : plugins) {
            if (plugin instanceof BackgroundPlugin background && Boolean.TRUE.equals(running.get(plugin))) {
                try {
                    background.stop();
                } catch (Exception e) {
                    LOG.warn("Plugin {} failed to stop", plugin.name(), e);
                }
            }
            running.put(plugin, false);
        }
        for (ExecutorService thread : eventThreads.values()) {
            thread.shutdown();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        eventThreads.clear();
    }

    /** Each plugin's name and whether it runs, for {@code /plugins}. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SenderPlugin plugin : plugins) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", plugin.name());
            entry.put("running", Boolean.TRUE.equals(running.get(plugin)) ? 1 : 0);
            out.add(entry);
        }
        return out;
    }
}
