package dev.sender.server;

import dev.sender.core.Broker;
import dev.sender.server.internal.Router;
import dev.sender.server.internal.auth.JwtAccessControl;
import dev.sender.server.internal.metrics.SenderMetrics;
import dev.sender.server.internal.plugins.Plugins;
import dev.sender.server.internal.settings.Settings;
import dev.sender.server.internal.websocket.SubscriberSession;
import dev.sender.server.internal.websocket.Subscribers;
import dev.sender.server.internal.websocket.WriterThreads;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.jspecify.annotations.Nullable;

/**
 * Every Sender resource (SPEC §1) as one Jetty {@link Handler}, for an application that runs its own Jetty
 * server. Mount it at the root or under a context path; paths are resolved within the context:
 *
 * <pre>{@code
 * SenderHandler sender = SenderHandler.create(Broker.inMemory(), SenderSettings.ofDefaults(), List.of());
 * ContextHandler context = new ContextHandler(sender, "/sender");
 * server.setHandler(new ContextHandlerCollection(context, appContext));
 * }</pre>
 *
 * <p>The handler starts and stops with the server: stopping it closes every subscriber with 1001 after what
 * was accepted for it is written (within {@link SenderSettings#shutdownTimeout()}), then stops its plugins. It
 * never closes the broker, which belongs to whoever created it.
 */
public final class SenderHandler extends Handler.Abstract implements Graceful {

    private final Broker broker;
    private final SenderSettings settings;
    private final Plugins plugins;
    private final Subscribers subscribers;
    private final SenderMetrics metrics;
    private final WebSocketComponents components = new WebSocketComponents();
    private final ScheduledExecutorService scheduler;
    private final WriterThreads writers;
    private final Router router;
    private final AccessControl accessControl;
    /** What {@code /config} shows, before secrets are masked. */
    private final Map<String, Object> effectiveConfig;

    private SenderHandler(Builder b) {
        this.broker = Objects.requireNonNull(b.broker, "broker");
        this.settings = b.settings;
        this.accessControl = b.accessControl != null ? b.accessControl
                : settings.auth() == AuthMode.JWT ? JwtAccessControl.of(settings) : AccessControl.none();
        List<SenderPlugin> plugins = List.copyOf(b.plugins);
        Map<String, Object> extraConfig = b.extraConfig;
        this.plugins = new Plugins(plugins);
        this.subscribers = new Subscribers(settings);
        this.metrics = new SenderMetrics(broker, subscribers, b.meterRegistry, b.processMeters);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sender-liveness");
            t.setDaemon(true);
            return t;
        });
        Map<String, Object> config = new LinkedHashMap<>(settings.asMap());
        config.put("broker", broker.name());
        config.putAll(Settings.shown(broker.history()));
        config.putAll(extraConfig);
        config.put("plugins", plugins.stream().map(SenderPlugin::name).toList());
        config.put("viewer", b.viewer);
        this.effectiveConfig = Collections.unmodifiableMap(config);
        this.writers = new WriterThreads("sender-writer", settings.writerThreads());
        SubscriberSession.Context sessionContext = new SubscriberSession.Context(subscribers, metrics, scheduler,
                settings.subscriberQueueBytes(), settings.writeTimeout().toMillis(), settings.maxInboundFrameBytes(),
                writers);
        this.router = new Router(broker, settings, subscribers, metrics, this.plugins, sessionContext, components,
                config, this.accessControl, b.viewer);
        addBean(components);
    }

    /**
     * A handler serving {@code broker} with {@code settings} and the given plugins; access control as
     * {@link SenderSettings#auth()} says. {@link #builder(Broker)} offers more.
     *
     * @param broker the broker the handler serves, which the caller closes
     * @param settings the settings
     * @param plugins the plugins, started and stopped with the handler
     * @return the handler, not started
     * @throws IllegalStateException when {@code auth=jwt} and its keys are not configured or cannot be read
     */
    public static SenderHandler create(Broker broker, SenderSettings settings, List<SenderPlugin> plugins) {
        return builder(broker).settings(settings).plugins(plugins).build();
    }

    /**
     * A builder of a handler serving {@code broker}, with the default settings and no plugin.
     *
     * @param broker the broker the handler serves, which the caller closes
     * @return the builder
     */
    public static Builder builder(Broker broker) {
        return new Builder().broker(broker);
    }

    /** A builder whose broker {@link SenderServer} gives it when it builds. */
    static Builder builder() {
        return new Builder();
    }

    /** {@return the broker the handler serves} */
    public Broker broker() {
        return broker;
    }

    /**
     * What decides who may subscribe, publish and read {@code /config}; {@link AccessControl#none()} by default.
     *
     * @return the access control
     */
    public AccessControl accessControl() {
        return accessControl;
    }

    /** {@return the handler's settings} */
    public SenderSettings settings() {
        return settings;
    }

    /** The settings {@code /config} shows, the broker's name and the plugins' among them; secrets not masked. */
    Map<String, Object> effectiveConfig() {
        return effectiveConfig;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        writers.start();
        subscribers.scheduleLiveness(scheduler);
        plugins.start(broker, settings);
    }

    /**
     * Starts the graceful shutdown Jetty asks for before it closes connections: new subscriptions are refused
     * and every subscriber is closed with 1001 after what was accepted for it is written.
     */
    @Override
    public CompletableFuture<Void> shutdown() {
        return Graceful.shutdown(() -> subscribers.shutdown(settings.shutdownTimeout()));
    }

    @Override
    public boolean isShutdown() {
        return subscribers.isShutdown();
    }

    @Override
    protected void doStop() throws Exception {
        subscribers.shutdown(settings.shutdownTimeout());
        plugins.stop();
        metrics.close();
        scheduler.shutdownNow();
        writers.close();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        router.handle(request, response, callback);
        return true;
    }

    /** Builds a {@link SenderHandler}. */
    public static final class Builder {
        private @Nullable Broker broker;
        private SenderSettings settings = SenderSettings.ofDefaults();
        private List<SenderPlugin> plugins = List.of();
        private @Nullable AccessControl accessControl;
        private @Nullable MeterRegistry meterRegistry;
        private boolean processMeters;
        private boolean viewer;
        private Map<String, Object> extraConfig = Map.of();

        private Builder() {
        }

        Builder broker(Broker broker) {
            this.broker = Objects.requireNonNull(broker, "broker");
            return this;
        }

        /**
         * The settings; the defaults otherwise.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(SenderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The plugins, started and stopped with the handler.
         *
         * @param plugins the plugins
         * @return this builder
         */
        public Builder plugins(List<SenderPlugin> plugins) {
            this.plugins = List.copyOf(plugins);
            return this;
        }

        /**
         * What decides who may subscribe, publish and read {@code /config} (SPEC §8), in place of the
         * {@link SenderSettings#auth()} setting; see {@link AccessControl}.
         *
         * @param accessControl the access control
         * @return this builder
         */
        public Builder accessControl(AccessControl accessControl) {
            this.accessControl = Objects.requireNonNull(accessControl, "accessControl");
            return this;
        }

        /**
         * The application's Micrometer registry, which then also gets Sender's meters; {@code /metrics} serves
         * them either way.
         *
         * @param registry the application's registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Whether {@code /metrics} also carries the JVM's and the process' meters ({@code jvm_*},
         * {@code process_*}), as the standalone server does; off by default, since a host application usually
         * meters its JVM itself.
         *
         * @param processMeters whether {@code /metrics} carries the JVM's and the process' meters
         * @return this builder
         */
        public Builder processMeters(boolean processMeters) {
            this.processMeters = processMeters;
            return this;
        }

        /**
         * Whether {@code /viewer} serves the live event viewer, a web page that subscribes and lists the events as
         * they arrive; off by default (a 404, as for any unknown path), on in the standalone server.
         *
         * @param viewer whether to serve the viewer
         * @return this builder
         */
        public Builder viewer(boolean viewer) {
            this.viewer = viewer;
            return this;
        }

        /** Settings {@code /config} shows beside the server's own (secrets masked), as the standalone's Redis URI. */
        Builder extraConfig(Map<String, Object> extraConfig) {
            this.extraConfig = Map.copyOf(extraConfig);
            return this;
        }

        /**
         * The handler.
         *
         * @return the handler, not started
         * @throws IllegalStateException when {@code auth=jwt} and its keys are not configured or cannot be read
         */
        public SenderHandler build() {
            return new SenderHandler(this);
        }
    }
}
