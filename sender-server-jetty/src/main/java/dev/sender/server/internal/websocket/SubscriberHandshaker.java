package dev.sender.server.internal.websocket;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.internal.AbstractHandshaker;
import org.eclipse.jetty.websocket.core.server.internal.RFC6455Negotiation;
import org.eclipse.jetty.websocket.core.server.internal.WebSocketNegotiation;
import org.eclipse.jetty.websocket.core.util.WebSocketUtils;

/**
 * Jetty's HTTP/1.1 WebSocket upgrade (RFC 6455 §4.2), opening a {@link SelectorReadConnection} where Jetty
 * opens its own {@link WebSocketConnection}; an upgrade over HTTP/2 (RFC 8441) goes to Jetty's handshaker.
 * Jetty's RFC 6455 handshaker is final, so this one does the same few steps: a {@code GET} over HTTP/1.1 with
 * {@code Sec-WebSocket-Key}, answered {@code 101} with {@code Sec-WebSocket-Accept}.
 */
final class SubscriberHandshaker extends AbstractHandshaker {

    private final Handshaker others = Handshaker.newInstance();

    @Override
    public boolean upgradeRequest(WebSocketNegotiator negotiator, Request request, Response response,
            Callback callback, WebSocketComponents components, Configuration.Customizer customizer) {
        if (isGetOverHttp11(request)) {
            return super.upgradeRequest(negotiator, request, response, callback, components, customizer);
        }
        return others.upgradeRequest(negotiator, request, response, callback, components, customizer);
    }

    @Override
    public boolean isWebSocketUpgradeRequest(Request request) {
        return isGetOverHttp11(request) ? super.isWebSocketUpgradeRequest(request)
                : others.isWebSocketUpgradeRequest(request);
    }

    private static boolean isGetOverHttp11(Request request) {
        return HttpMethod.GET.is(request.getMethod())
                && HttpVersion.HTTP_1_1.is(request.getConnectionMetaData().getProtocol());
    }

    @Override
    protected WebSocketNegotiation newNegotiation(Request request, Response response, Callback callback,
            WebSocketComponents components) {
        return new RFC6455Negotiation(request, response, callback, components);
    }

    @Override
    protected boolean validateNegotiation(WebSocketNegotiation negotiation) {
        if (!super.validateNegotiation(negotiation)) {
            return false;
        }
        if (((RFC6455Negotiation) negotiation).getKey() == null) {
            throw new BadMessageException("Missing request header 'Sec-WebSocket-Key'");
        }
        return true;
    }

    @Override
    protected WebSocketConnection createWebSocketConnection(Request request, WebSocketCoreSession coreSession) {
        ConnectionMetaData connection = request.getConnectionMetaData();
        Connector connector = connection.getConnector();
        SelectorReadConnection webSocket = new SelectorReadConnection(connection.getConnection().getEndPoint(),
                connector.getExecutor(), connector.getScheduler(), connector.getByteBufferPool(), coreSession);
        coreSession.setWebSocketConnection(webSocket);
        return webSocket;
    }

    @Override
    protected void prepareResponse(Response response, WebSocketNegotiation negotiation) {
        response.setStatus(HttpStatus.SWITCHING_PROTOCOLS_101);
        response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeader.UPGRADE.asString());
        response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_ACCEPT,
                WebSocketUtils.hashKey(((RFC6455Negotiation) negotiation).getKey()));
    }
}
