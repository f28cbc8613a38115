package dev.sender.server;

import dev.sender.core.Broker;
import dev.sender.server.internal.auth.JwtAccessControl;
import dev.sender.server.internal.plugins.Plugins;
import dev.sender.server.internal.Router;
import dev.sender.server.internal.metrics.SenderMetrics;
import dev.sender.server.internal.websocket.SubscriberSession;
import dev.sender.server.internal.websocket.Subscribers;
import dev.sender.server.internal.websocket.WriterThreads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private SenderHandler(Broker broker, SenderSettings settings, List<SenderPlugin> plugins,
            Map<String, Object> extraConfig, @Nullable AccessControl accessControl) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.accessControl = accessControl != null ? accessControl
                : settings.auth() == AuthMode.JWT ? JwtAccessControl.of(settings) : AccessControl.none();
        this.plugins = new Plugins(plugins);
        this.subscribers = new Subscribers(settings);
        this.metrics = new SenderMetrics(broker, subscribers);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sender-liveness");
            t.setDaemon(true);
            return t;
        });
        Map<String, Object> config = new LinkedHashMap<>(settings.asMap());
        config.put("broker", broker.name());
        config.putAll(extraConfig);
        config.put("plugins", plugins.stream().map(SenderPlugin::name).toList());
        this.writers = new WriterThreads("sender-writer", settings.writerThreads());
        SubscriberSession.Context sessionContext = new SubscriberSession.Context(subscribers, metrics, scheduler,
                settings.subscriberQueueBytes(), settings.writeTimeout().toMillis(), settings.maxInboundFrameBytes(),
                writers);
        this.router = new Router(broker, settings, subscribers, metrics, this.plugins, sessionContext, components,
                config, this.accessControl);
        addBean(components);
    }

    /**
     * A handler serving {@code broker} with {@code settings} and the given plugins; access control as
     * {@link SenderSettings#auth()} says.
     *
     * @throws IllegalStateException when {@code auth=jwt} and its keys are not configured or cannot be read
     */
    public static SenderHandler create(Broker broker, SenderSettings settings, List<SenderPlugin> plugins) {
        return new SenderHandler(broker, settings, List.copyOf(plugins), Map.of(), null);
    }

    /**
     * A handler serving {@code broker} with {@code settings} and the given plugins, whose subscriptions,
     * publications and {@code /config} {@code accessControl} decides on (SPEC §8), whatever
     * {@link SenderSettings#auth()} says.
     */
    public static SenderHandler create(Broker broker, SenderSettings settings, List<SenderPlugin> plugins,
            AccessControl accessControl) {
        Objects.requireNonNull(accessControl, "accessControl");
        return new SenderHandler(broker, settings, List.copyOf(plugins), Map.of(), accessControl);
    }

    /**
     * A handler whose {@code /config} also shows {@code extraConfig} (secrets masked), as the standalone server
     * does for its broker URI.
     */
    static SenderHandler create(Broker broker, SenderSettings settings, List<SenderPlugin> plugins,
            Map<String, Object> extraConfig, @Nullable AccessControl accessControl) {
        return new SenderHandler(broker, settings, List.copyOf(plugins), extraConfig, accessControl);
    }

    /** The broker the handler serves. */
    public Broker broker() {
        return broker;
    }

    /** What decides who may subscribe, publish and read {@code /config}; {@link AccessControl#none()} by default. */
    public AccessControl accessControl() {
        return accessControl;
    }

    /** The handler's settings. */
    public SenderSettings settings() {
        return settings;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        writers.start();
        long period = Math.max(10, Math.min(1000, Math.min(settings.pingInterval().toMillis(),
                settings.pongTimeout().toMillis()) / 2));
        scheduler.scheduleAtFixedRate(subscribers.livenessTask(), period, period, TimeUnit.MILLISECONDS);
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
        scheduler.shutdownNow();
        writers.close();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        router.handle(request, response, callback);
        return true;
    }
}
