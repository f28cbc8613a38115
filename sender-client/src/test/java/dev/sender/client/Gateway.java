package dev.sender.client;

import dev.sender.core.Broker;
import dev.sender.server.SenderHandler;
import dev.sender.server.SenderSettings;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * A Sender handler on its own Jetty behind a stand-in for the gateway of LUNA deployments (and for SPEC §8 access
 * control, which a server of this branch does not have yet): every request needs {@code Authorization: Bearer} with
 * the {@linkplain #expect(String) expected} token, or is answered {@code 401 29020} with
 * {@code WWW-Authenticate: Bearer}; {@link #FORBIDDEN} is answered {@code 403 29021}. It records the
 * {@code Authorization} of every request, and can close the WebSockets it let through with 4001, as a server
 * does when a token expires.
 */
final class Gateway implements AutoCloseable {

    /** A token the gateway knows but that grants nothing. */
    static final String FORBIDDEN = "forbidden-token";

    /**
     * One request that reached the gateway.
     *
     * @param webSocket whether it was a WebSocket handshake
     * @param path the request path
     * @param authorization its {@code Authorization} header, or {@code null}
     * @param userAgent its {@code User-Agent}, or {@code null}
     */
    record Call(boolean webSocket, String path, String authorization, String userAgent) {
    }

    private final Broker broker = Broker.inMemory();
    private final Server jetty = new Server();
    private final ServerConnector connector = new ServerConnector(jetty);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Endpoints of the handshakes let through; after the upgrade their connection is a WebSocket one. */
    private final Set<EndPoint> upgraded = ConcurrentHashMap.newKeySet();
    private volatile String expected;

    private Gateway(String expected) {
        this.expected = expected;
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        SenderHandler sender = SenderHandler.create(broker, SenderSettings.ofDefaults(), List.of());
        jetty.setHandler(new Handler.Wrapper(sender) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return check(request, response, callback) || super.handle(request, response, callback);
            }
        });
    }

    /** A started gateway that lets through requests bearing {@code token}. */
    static Gateway start(String token) {
        Gateway gateway = new Gateway(token);
        try {
            gateway.jetty.start();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return gateway;
    }

    /** From now on, lets through requests bearing {@code token} (and no longer the previous one). */
    void expect(String token) {
        this.expected = token;
    }

    URI origin() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** A client builder for this gateway with {@code account}. */
    SenderClient.Builder client(java.util.UUID account) {
        return SenderClient.builder().origin(origin()).accountId(account);
    }

    /** Every request so far, in order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * The WebSocket handshakes that try to subscribe: those of Tyrus, not the JDK client's repetitions with which
     * the client reads the body of a refused handshake.
     */
    List<Call> tyrusHandshakes() {
        return calls.stream().filter(c -> c.webSocket() && (c.userAgent() == null
                || !c.userAgent().startsWith("Java-http-client"))).toList();
    }

    /** Closes every WebSocket let through that is still open with 4001, as on an expired token; returns how many. */
    int expireTokens() {
        int closed = 0;
        for (EndPoint endPoint : upgraded) {
            upgraded.remove(endPoint);
            if (endPoint.isOpen() && endPoint.getConnection() instanceof WebSocketConnection connection) {
                coreSession(connection).close(4001, "token expired", Callback.NOOP);
                closed++;
            }
        }
        return closed;
    }

    /** Answers the request when its token is missing or refused; false when it may go through. */
    private boolean check(Request request, Response response, Callback callback) {
        boolean webSocket = "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        calls.add(new Call(webSocket, Request.getPathInContext(request), authorization,
                request.getHeaders().get(HttpHeader.USER_AGENT)));
        if (("Bearer " + expected).equals(authorization)) {
            if (webSocket) {
                upgraded.add(request.getConnectionMetaData().getConnection().getEndPoint());
            }
            return false;
        }
        if (("Bearer " + FORBIDDEN).equals(authorization)) {
            refuse(response, callback, 403, 29021, "Forbidden", "the token does not grant this account");
        } else {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, authorization == null ? "Bearer"
                    : "Bearer error=\"invalid_token\"");
            refuse(response, callback, 401, 29020, "Unauthorized",
                    authorization == null ? "a bearer token is required" : "the token is not valid");
        }
        return true;
    }

    private static void refuse(Response response, Callback callback, int status, int code, String desc,
            String detail) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, "{\"error_code\":" + code + ",\"desc\":\"" + desc + "\",\"detail\":\""
                + detail + "\"}", callback);
    }

    /** Jetty's core API does not expose a connection's session; a test may reach it. */
    private static CoreSession coreSession(WebSocketConnection connection) {
        try {
            Field field = WebSocketConnection.class.getDeclaredField("coreSession");
            field.setAccessible(true);
            return (CoreSession) field.get(connection);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot reach the session of " + connection, e);
        }
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            broker.close();
        }
    }
}
