package dev.sender.client.internal;

import dev.sender.client.SenderException;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.glassfish.tyrus.client.auth.AuthenticationException;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;
import org.glassfish.tyrus.core.HandshakeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection of a subscription: a Tyrus endpoint that forwards what happens on it to the subscription's
 * {@link ConnectionStateMachine}, from Tyrus threads.
 */
final class Connection extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final ConnectionStateMachine machine;
    private final URI uri;
    private volatile @Nullable Session session;
    /** The {@code LUNA-Request-Id} of the handshake answer. */
    private volatile @Nullable String handshakeRequestId;
    /** The headers of the handshake answer. */
    private volatile Map<String, List<String>> handshakeHeaders = Map.of();
    /** Whether the machine has seen this connection open; guarded by the machine's lock. */
    boolean reported;

    private Connection(ConnectionStateMachine machine, URI uri) {
        this.machine = machine;
        this.uri = uri;
    }

    /**
     * Opens a connection to {@code uri} with {@code headers} and a fresh request id; returns once it is open. The
     * machine hears of the opening from Tyrus, possibly before this returns.
     *
     * @throws SenderException when the handshake is refused (with the server's error) or the connection fails
     */
    static Connection open(RealSenderClient client, ConnectionStateMachine machine, URI uri,
            Map<String, String> headers) {
        String requestId = RequestId.generate();
        Connection connection = new Connection(machine, uri);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.put(LunaHeaders.REQUEST_ID, requestId);
        String authorization = client.settings().authorization(requestId);
        if (authorization != null) {
            sent.put(Http.AUTHORIZATION, authorization);
        }
        try {
            connection.session = client.webSockets().connect(connection, uri, sent,
                    answer -> {
                        connection.handshakeHeaders = new HashMap<>(answer);
                        connection.handshakeRequestId = header(answer, LunaHeaders.RESPONSE_REQUEST_ID);
                    });
        } catch (DeploymentException | IOException | RuntimeException e) {
            int status = handshakeStatus(e);
            if (status > 0) {
                throw client.http().handshakeRefused(uri, sent, requestId, status, connection.handshakeRequestId);
            }
            throw new SenderException("cannot open " + uri + ": " + rootMessage(e), requestId, e);
        }
        return connection;
    }

    @Nullable String handshakeRequestId() {
        return handshakeRequestId;
    }

    /** The headers of the {@code 101} that opened the connection. */
    Map<String, List<String>> handshakeHeaders() {
        return handshakeHeaders;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> machine.received(this, text));
        machine.opened(this);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        machine.closed(this, reason.getCloseCode().getCode(),
                reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase());
    }

    @Override
    public void onError(Session session, Throwable error) {
        machine.failed(this, error);
    }

    /** Closes the connection with code 1000 and {@code reason}, unless it is not open. */
    void close(String reason) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        try {
            s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a connection of {} failed", uri, e);
        }
    }

    /**
     * The HTTP status of a refused handshake, or 0 when {@code e} is not a refusal. Tyrus reports a 401 it cannot
     * answer with credentials of its own as an {@link AuthenticationException} of status 500.
     */
    private static int handshakeStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) {
                return 401;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            int status = 0;
            if (t instanceof DeploymentHandshakeException handshake) {
                status = handshake.getHttpStatusCode();
            } else if (t instanceof HandshakeException handshake) {
                status = handshake.getHttpStatusCode();
            }
            if (status >= 300 && status < 600) {
                return status;
            }
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getMessage() + " (" + root + ")";
    }

    /** A header of the handshake answer; Tyrus splits values at commas, which a request id contains. */
    private static @Nullable String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().stream().map(String::strip).collect(Collectors.joining(","));
            }
        }
        return null;
    }
}
