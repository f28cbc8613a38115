package dev.sender.server;

import dev.sender.core.Broker;
import dev.sender.server.internal.http.JsonErrorHandler;
import dev.sender.server.internal.http.TlsKeystore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sender server on its own Jetty: every resource of SPEC §1 on one port.
 *
 * <pre>{@code
 * try (SenderServer server = SenderServer.builder().port(0).broker(Broker.inMemory()).build().start()) {
 *     System.out.println("listening on " + server.uri());
 * }
 * }</pre>
 *
 * <p>{@link #jetty()} reaches the Jetty {@link Server} for what the builder does not cover (call it before
 * {@link #start()} to add connectors or beans). {@link #close()} shuts down gracefully: subscribers are closed
 * with 1001 after what was accepted for them is written, then Jetty stops. A broker the builder created is
 * closed with the server; one given to {@link Builder#broker(Broker)} is left open for its owner.
 *
 * <p>Once listening, the server logs where, its version, its broker and the settings that differ from their
 * defaults (secrets masked) in one line at INFO; once stopped, its uptime.
 */
public final class SenderServer implements AutoCloseable {

    /** Default {@link Builder#maxThreads(int)}: the most threads Jetty's pool may run. */
    public static final int DEFAULT_MAX_THREADS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(SenderServer.class);

    private final Server jetty;
    private final ServerConnector connector;
    private final SenderHandler handler;
    private final SenderSettings settings;
    private final @Nullable Broker ownedBroker;
    /** When {@link #start()} succeeded, by {@link System#nanoTime()}; 0 when not running. */
    private final AtomicLong startedNanos = new AtomicLong();

    private SenderServer(Builder b) {
        settings = b.settings;
        Path keystore = settings.tlsKeystore();
        SslContextFactory.Server tls = keystore == null ? null
                : TlsKeystore.contextFactory(keystore, settings.tlsKeystorePassword());
        Broker broker = b.broker != null ? b.broker : Broker.inMemory();
        ownedBroker = b.broker == null ? broker : null;
        List<SenderPlugin> plugins = new ArrayList<>(b.plugins);
        if (b.loadPlugins) {
            ServiceLoader.load(SenderPlugin.class).forEach(plugins::add);
        }
        QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, 4);
        threads.setName("sender-http");
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Ambiguous paths reach the router, which answers them 404 12013 like any path that names no resource.
        http.setUriCompliance(UriCompliance.UNSAFE);
        if (tls == null) {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        } else {
            http.addCustomizer(new SecureRequestCustomizer());
            connector = new ServerConnector(jetty, new SslConnectionFactory(tls, "http/1.1"),
                    new HttpConnectionFactory(http));
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(4096);
        connector.setAcceptedSendBufferSize(settings.socketSendBufferBytes());
        jetty.addConnector(connector);
        handler = b.handler.broker(broker).settings(settings).plugins(plugins).extraConfig(b.extraConfig).build();
        jetty.setHandler(handler);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setStopTimeout(settings.shutdownTimeout().toMillis() + 1000);
    }

    /** {@return a builder with the default settings and an in-memory broker} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening; returns this server.
     *
     * @return this server, started
     * @throws IllegalStateException when the server cannot start, for instance because the port is taken
     */
    public SenderServer start() {
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start Sender on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        startedNanos.set(System.nanoTime());
        LOG.info(ServerSummary.started(addresses(), handler.effectiveConfig()));
        return this;
    }

    /** {@return the port listened on; with port 0 in the settings, the one picked} */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * {@code http://host:port} of this server, {@code https://} with a {@linkplain SenderSettings#tlsKeystore() TLS
     * keystore}; {@code 0.0.0.0} shows as {@code localhost}.
     *
     * @return the server's base URI, with the port listened on
     */
    public URI uri() {
        String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        return URI.create(scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** Where the server listens: its own connector, then any added through {@link #jetty()}. */
    private List<String> addresses() {
        List<String> addresses = new ArrayList<>();
        addresses.add(scheme() + "://" + settings.host() + ":" + port());
        for (Connector added : jetty.getConnectors()) {
            if (added != connector && added instanceof NetworkConnector network) {
                addresses.add((network.getHost() == null ? "0.0.0.0" : network.getHost()) + ":"
                        + network.getLocalPort());
            }
        }
        return addresses;
    }

    private String scheme() {
        return settings.tlsKeystore() == null ? "http" : "https";
    }

    /** {@return the Jetty server, for what the builder does not cover} */
    public Server jetty() {
        return jetty;
    }

    /** {@return the handler that serves the resources} */
    public SenderHandler handler() {
        return handler;
    }

    /** {@return the broker the server publishes to} */
    public Broker broker() {
        return handler.broker();
    }

    /** Stops gracefully; idempotent. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Sender did not stop cleanly", e);
        } finally {
            if (ownedBroker != null) {
                ownedBroker.close();
            }
            long started = startedNanos.getAndSet(0);
            if (started != 0) {
                LOG.info(ServerSummary.stopped(Duration.ofNanos(System.nanoTime() - started)));
            }
        }
    }

    /** Builds a {@link SenderServer}. */
    public static final class Builder {
        private SenderSettings settings = SenderSettings.ofDefaults();
        private @Nullable Broker broker;
        private final List<SenderPlugin> plugins = new ArrayList<>();
        private boolean loadPlugins = true;
        private int maxThreads = DEFAULT_MAX_THREADS;
        private final Map<String, Object> extraConfig = new LinkedHashMap<>();
        /** Collects what only the handler reads: access control and meters. */
        private final SenderHandler.Builder handler = SenderHandler.builder();

        private Builder() {
        }

        /**
         * All settings at once; later {@link #host} and {@link #port} calls change them.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(SenderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The interface to listen on; see {@link SenderSettings#host()}.
         *
         * @param host a host name or address
         * @return this builder
         */
        public Builder host(String host) {
            settings = settings.toBuilder().host(host).build();
            return this;
        }

        /**
         * The port; 0 picks a free one. See {@link SenderSettings#port()}.
         *
         * @param port the TCP port
         * @return this builder
         */
        public Builder port(int port) {
            settings = settings.toBuilder().port(port).build();
            return this;
        }

        /**
         * The broker to serve; by default a new in-memory broker that the server owns.
         *
         * @param broker the broker, which the caller closes after the server
         * @return this builder
         */
        public Builder broker(Broker broker) {
            this.broker = Objects.requireNonNull(broker, "broker");
            return this;
        }

        /**
         * Adds a plugin.
         *
         * @param plugin the plugin, started and stopped with the server
         * @return this builder
         */
        public Builder plugin(SenderPlugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        /**
         * Whether to add the plugins {@link ServiceLoader} finds; true by default.
         *
         * @param load whether to load plugins with {@link ServiceLoader}
         * @return this builder
         */
        public Builder loadPlugins(boolean load) {
            this.loadPlugins = load;
            return this;
        }

        /**
         * The most threads Jetty's pool may run; {@value SenderServer#DEFAULT_MAX_THREADS} by default.
         *
         * @param threads the most threads
         * @return this builder
         */
        public Builder maxThreads(int threads) {
            if (threads < 8) {
                throw new IllegalArgumentException("max-threads must be at least 8: " + threads);
            }
            this.maxThreads = threads;
            return this;
        }

        /**
         * A setting shown by {@code /config} beside the server's own (secrets are masked there).
         *
         * @param key the key {@code /config} shows
         * @param value the value it shows
         * @return this builder
         */
        public Builder describe(String key, Object value) {
            extraConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
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
            handler.accessControl(accessControl);
            return this;
        }

        /**
         * The application's registry, which then gets Sender's meters too; see {@link SenderHandler.Builder}.
         *
         * @param registry the application's registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            handler.meterRegistry(registry);
            return this;
        }

        /**
         * See {@link SenderHandler.Builder#processMeters(boolean)}: JVM and process meters on {@code /metrics}.
         *
         * @param processMeters whether {@code /metrics} carries the JVM's and the process' meters
         * @return this builder
         */
        public Builder processMeters(boolean processMeters) {
            handler.processMeters(processMeters);
            return this;
        }

        /**
         * Whether {@code /viewer} serves the live event viewer; off by default. See
         * {@link SenderHandler.Builder#viewer(boolean)}.
         *
         * @param viewer whether to serve the viewer
         * @return this builder
         */
        public Builder viewer(boolean viewer) {
            handler.viewer(viewer);
            return this;
        }

        /**
         * The server, not started.
         *
         * @return the server, which {@link SenderServer#start()} starts
         * @throws IllegalStateException when {@code auth=jwt} and its keys are not configured or cannot be read, or
         *     when the {@linkplain SenderSettings#tlsKeystore() TLS keystore} cannot be used: missing, unreadable,
         *     not PKCS#12, a wrong password or no private key
         */
        public SenderServer build() {
            return new SenderServer(this);
        }
    }
}
