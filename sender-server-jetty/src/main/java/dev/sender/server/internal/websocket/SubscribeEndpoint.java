package dev.sender.server.internal.websocket;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.filter.Filter;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.filters.InvalidFilterException;
import dev.sender.server.Scope;
import dev.sender.server.internal.auth.AccessGate;
import dev.sender.server.internal.http.AccessLog;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.Route;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

/**
 * {@code GET /{api}/ws} and {@code GET /{api}/general_events/ws}: validates headers and filters completely,
 * then upgrades; every refusal is an ordinary HTTP error response (SPEC §5), never a socket that opens and
 * closes. The history parameters (SPEC §9) are taken out of the query before the filter parser sees it; a
 * subscription with history is answered with its start in the {@code 101}'s headers.
 */
public final class SubscribeEndpoint {

    private final Broker broker;
    private final Subscribers subscribers;
    private final SubscriberSession.Context sessionContext;
    private final WebSocketComponents components;
    private final Handshaker handshaker = new SubscriberHandshaker();
    private final Configuration.Customizer customizer;

    /**
     * The buffer in which a connection gathers the frames of one write, taken from Jetty's pool while frames
     * wait and given back after: Jetty copies a frame into it when the frame is under a quarter of its size (16
     * KiB here), and writes a larger one from the shared bytes directly.
     */
    static final int WRITE_BUFFER_BYTES = 64 << 10;

    public SubscribeEndpoint(Broker broker, Subscribers subscribers,
            SubscriberSession.Context sessionContext, WebSocketComponents components) {
        this.broker = broker;
        this.subscribers = subscribers;
        this.sessionContext = sessionContext;
        this.components = components;
        // No idle timeout: the liveness sweep pings every subscriber and closes one whose pong does not come in
        // time (then aborts it if its close does not go through), which is what an idle timeout would catch. A
        // timeout would cost each idle connection a task in Jetty's scheduler, run again every timeout.
        // Jetty applies maxFrameSize to outgoing frames too (refusing or fragmenting an event larger than it), so
        // Jetty gets no frame limit: events of any size go out as one frame each. With auto-fragment on, a client's
        // frame is handed over in pieces as its bytes arrive, never buffered whole, and SubscriberSession closes
        // with 1009 once a message passes the inbound limit.
        this.customizer = configuration -> {
            configuration.setIdleTimeout(java.time.Duration.ZERO);
            configuration.setMaxFrameSize(0);
            configuration.setAutoFragment(true);
            configuration.setOutputBufferSize(WRITE_BUFFER_BYTES);
        };
    }

    public void handle(Exchange exchange, Route route) {
        Topic topic;
        Filter filter;
        HistoryParameters history;
        String query = AccessGate.filterQuery(exchange);
        try {
            if (route == Route.SUBSCRIBE_HANDLER) {
                UUID account = SubscriptionAccount.of(exchange);
                if (account == null || !AccessGate.permits(exchange, Scope.SUBSCRIBE, account)) {
                    return;
                }
                topic = Topic.handlerEvents(account);
                history = HistoryParameters.take(SubscriptionAccount.withoutParameter(query), broker.history());
                filter = HandlerEventFilter.parse(history.filterQuery()).toFilter();
            } else {
                if (!AccessGate.permitsGeneralEvents(exchange)) {
                    return;
                }
                topic = Topic.generalEvents();
                history = HistoryParameters.take(query, broker.history());
                filter = GeneralEventFilter.parse(history.filterQuery()).toFilter();
            }
            // Imposed by the token: narrows what the subscriber asks, never widens it.
            filter = Filter.and(AccessGate.imposed(exchange, route), filter);
        } catch (InvalidFilterException e) {
            exchange.sendError(ErrorCode.BAD_QUERY_PARAMETERS, e.detail());
            return;
        }
        if (!UpgradeChecks.accept(exchange)) {
            return;
        }
        String refusal = subscribers.reserve(topic);
        if (refusal != null) {
            exchange.sendError(ErrorCode.TOO_MANY_CONNECTIONS, refusal);
            return;
        }
        SubscriberSession session = new SubscriberSession(topic, filter, history.positions(), exchange.requestId(),
                sessionContext);
        session.expireAt(AccessGate.expiry(exchange));
        session.logAccessTo(AccessLog.subscription(exchange));
        subscribers.add(session);
        try {
            // Subscribed before the 101 goes out, so every event published after the client sees it arrives.
            session.subscribe(broker, history.start());
        } catch (BrokerException e) {
            session.release();
            exchange.fail(e);
            return;
        }
        upgrade(exchange, session, history, session.historyStart());
    }

    private void upgrade(Exchange exchange, SubscriberSession session, HistoryParameters history,
            SubscriptionStart start) {
        WebSocketNegotiator negotiator = new WebSocketNegotiator() {
            @Override
            public org.eclipse.jetty.websocket.core.FrameHandler negotiate(
                    org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest request,
                    org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse response,
                    org.eclipse.jetty.util.Callback callback) {
                // Per-message compression would deflate the shared bytes once per subscriber: refuse it.
                response.setExtensions(List.of());
                response.getHeaders().put(LunaHeaders.RESPONSE_REQUEST_ID, exchange.requestId());
                if (history.positions()) {
                    response.getHeaders().put(SubscriptionStart.POSITION_HEADER,
                            start.latest() == null ? "" : start.latest().value());
                }
                if (history.since()) {
                    response.getHeaders().put(SubscriptionStart.RECOVERED_HEADER, Boolean.toString(start.recovered()));
                }
                return session;
            }

            @Override
            public void customize(Configuration configuration) {
                customizer.customize(configuration);
            }
        };
        boolean upgraded;
        try {
            upgraded = handshaker.upgradeRequest(negotiator, exchange.request(), exchange.response(),
                    exchange.callback(), components, customizer);
        } catch (RuntimeException e) {
            session.release();
            exchange.fail(e);
            return;
        }
        if (!upgraded) {
            session.release();
            if (!exchange.response().isCommitted()) {
                exchange.sendError(ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND,
                        "the WebSocket upgrade request is not valid (version 13 required)");
            }
        }
    }
}
