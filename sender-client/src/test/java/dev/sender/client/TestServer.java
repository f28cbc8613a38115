package dev.sender.client;

import dev.sender.core.Broker;
import dev.sender.server.SenderServer;
import dev.sender.server.SenderSettings;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * A real Sender server on a free port of this machine, with an in-memory broker by default, that can be stopped
 * and started again on the same port.
 */
final class TestServer implements AutoCloseable {

    private final UnaryOperator<SenderServer.Builder> configure;
    private final int port;
    private SenderServer server;

    private TestServer(UnaryOperator<SenderServer.Builder> configure) {
        this.configure = configure;
        this.server = configure.apply(SenderServer.builder().port(0).loadPlugins(false)).build().start();
        this.port = server.port();
    }

    /** A server with the default settings. */
    static TestServer start() {
        return new TestServer(b -> b);
    }

    /** A server with {@code settings} (port replaced) and a new in-memory broker. */
    static TestServer start(SenderSettings settings) {
        return new TestServer(b -> b.settings(settings.toBuilder().port(0).build()));
    }

    /** A server on {@code broker}, which the caller closes. */
    static TestServer start(Broker broker) {
        return new TestServer(b -> b.broker(broker));
    }

    /** {@code http://localhost:port}. */
    URI origin() {
        return URI.create("http://localhost:" + port);
    }

    int port() {
        return port;
    }

    SenderServer server() {
        return server;
    }

    /** A client builder for this server with {@code account} and fast reconnects. */
    SenderClient.Builder client(java.util.UUID account) {
        return SenderClient.builder().origin(origin()).accountId(account)
                .reconnect(ReconnectPolicy.exponentialBackoff().initialDelay(java.time.Duration.ofMillis(50))
                        .maxDelay(java.time.Duration.ofMillis(200)).build());
    }

    /** Stops the server: its subscribers are closed with 1001. */
    void stop() {
        server.close();
    }

    /** Starts a new server on the same port, configured as the first one, with {@code more} on top. */
    void startAgain(UnaryOperator<SenderServer.Builder> more) {
        server = more.apply(configure.apply(SenderServer.builder().port(port).loadPlugins(false))).build().start();
    }

    @Override
    public void close() {
        server.close();
    }
}
