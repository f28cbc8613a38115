package dev.sender.client.internal;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * The client's jakarta.websocket container: a Tyrus {@link ClientManager} of its own, each connection on a Grizzly
 * transport of its own (a selector thread and two workers, daemons) that stops when the connection closes, and
 * {@link #shutdown()} stops the container's timers. Not Tyrus's shared transport ({@link
 * ClientProperties#SHARED_CONTAINER}): fewer threads with many connections, but its idle timer is a thread that
 * lives as long as the JVM (eclipse-ee4j/tyrus#538), which kept {@code mvn exec:java} waiting after {@code main}
 * returned, and which stops watching the transport once it fired while a connection was open.
 */
final class WebSockets {

    /** The largest message accepted: the server's default body limit (16 MiB) and room for the envelope. */
    static final int MAX_MESSAGE_BYTES = (16 << 20) + (64 << 10);

    private final ClientManager manager;

    WebSockets(ClientSettings settings) {
        manager = ClientManager.createClient();
        Map<String, Object> properties = manager.getProperties();
        properties.put(ClientProperties.HANDSHAKE_TIMEOUT, (int) settings.connectTimeout().toMillis());
        properties.put(ClientProperties.INCOMING_BUFFER_SIZE, MAX_MESSAGE_BYTES);
        if (settings.sslContext() != null) {
            // Client mode, no client certificate; Tyrus checks the server's host name by default.
            properties.put(ClientProperties.SSL_ENGINE_CONFIGURATOR,
                    new SslEngineConfigurator(settings.sslContext(), true, false, false));
        }
    }

    /**
     * Opens a WebSocket to {@code uri} with the request {@code headers}; {@code afterResponse} sees the handshake
     * answer's headers, whether it was accepted or refused. Blocks until the handshake is done.
     *
     * @throws DeploymentException when the handshake is refused or the connection fails
     * @throws IOException when the connection fails
     */
    Session connect(Endpoint endpoint, URI uri, Map<String, String> headers,
            Consumer<Map<String, List<String>>> afterResponse) throws DeploymentException, IOException {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> requestHeaders) {
                        headers.forEach((name, value) -> requestHeaders.put(name, List.of(value)));
                    }

                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        afterResponse.accept(response.getHeaders());
                    }
                })
                .build();
        return manager.connectToServer(endpoint, config, uri);
    }

    /** Stops the container's executors; each connection's transport stopped when the connection closed. */
    void shutdown() {
        manager.shutdown();
    }
}
