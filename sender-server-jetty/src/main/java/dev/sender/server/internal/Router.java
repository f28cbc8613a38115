package dev.sender.server.internal;

import dev.sender.core.Broker;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import dev.sender.server.AccessControl;
import dev.sender.server.Scope;
import dev.sender.server.SenderSettings;
import dev.sender.server.internal.auth.AccessGate;
import dev.sender.server.internal.http.AccessLog;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.RefusedException;
import dev.sender.server.internal.http.Route;
import dev.sender.server.internal.metrics.SenderMetrics;
import dev.sender.server.internal.plugins.Plugins;
import dev.sender.server.internal.publish.PublishEndpoint;
import dev.sender.server.internal.service.ConfigEndpoint;
import dev.sender.server.internal.service.DocsEndpoint;
import dev.sender.server.internal.service.ServiceEndpoints;
import dev.sender.server.internal.viewer.ViewerEndpoint;
import dev.sender.server.internal.websocket.SubscribeEndpoint;
import dev.sender.server.internal.websocket.SubscriberSession;
import dev.sender.server.internal.websocket.Subscribers;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.jspecify.annotations.Nullable;

/**
 * Answers every request: assigns its request id, routes it to its resource (404 and 405 otherwise), and
 * counts it in the metrics and the access log when it completes.
 */
public final class Router {

    private final SenderSettings settings;
    private final SenderMetrics metrics;
    private final SubscribeEndpoint subscribe;
    private final PublishEndpoint publish;
    private final ServiceEndpoints service;
    private final ConfigEndpoint config;
    private final DocsEndpoint docs = new DocsEndpoint();
    /** Null without access control. */
    private final @Nullable AccessGate gate;
    /** Null when the viewer is off: its paths are then no resources. */
    private final @Nullable ViewerEndpoint viewer;

    /** A router for a server on {@code broker}. */
    public Router(Broker broker, SenderSettings settings, Subscribers subscribers, SenderMetrics metrics,
            Plugins plugins, SubscriberSession.Context sessionContext, WebSocketComponents components,
            Map<String, Object> effectiveConfig, AccessControl accessControl, boolean viewer) {
        this.settings = settings;
        this.metrics = metrics;
        this.subscribe = new SubscribeEndpoint(broker, subscribers, sessionContext, components);
        this.publish = new PublishEndpoint(broker, settings, metrics, plugins);
        this.service = new ServiceEndpoints(broker, plugins, metrics);
        this.config = new ConfigEndpoint(effectiveConfig);
        this.gate = AccessGate.of(accessControl);
        this.viewer = viewer ? new ViewerEndpoint(settings.apiVersions(), ServiceEndpoints.API_VERSION) : null;
    }

    /** Answers {@code request}; always handles it. */
    public void handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        // An ambiguous or malformed path (an empty segment, an encoded '/' or '.', a bad %-escape) names no
        // resource: it is answered here, in SPEC format, rather than by Jetty's own error page.
        boolean malformed = request.getHttpURI().hasViolations();
        String path = malformed ? request.getHttpURI().getPath() : Request.getPathInContext(request);
        String method = request.getMethod();
        String given;
        String refusal = null;
        try {
            given = Exchange.singleHeader(request, LunaHeaders.REQUEST_ID);
        } catch (RefusedException e) {
            given = null;
            refusal = e.getMessage();
        }
        if (given != null && !RequestId.isValid(given)) {
            refusal = "header 'Luna-Request-Id' must be Unix seconds, a comma and a lower-case UUID, such as "
                    + "'1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a'; got '" + given + "'";
        }
        String requestId = given != null && refusal == null ? given : RequestId.generate();
        response.getHeaders().put(LunaHeaders.RESPONSE_REQUEST_ID, requestId);

        Route.Resolution resolution = malformed ? new Route.Resolution(null, 0, null)
                : Route.resolve(path, settings.apiVersions());
        Route route = resolution.route();
        String label = route == null ? "unknown" : route.template().replace("{api}",
                Integer.toString(resolution.apiVersion()));
        Exchange[] holder = new Exchange[1];
        Callback counted = Callback.from(callback, () -> count(method, label, response, holder[0], start));
        Exchange exchange = new Exchange(request, response, counted, requestId, path);
        holder[0] = exchange;
        try {
            if (refusal != null) {
                exchange.sendError(ErrorCode.BAD_HEADER, refusal);
            } else if (route == null) {
                exchange.sendError(ErrorCode.RESOURCE_NOT_FOUND, resolution.unsupportedVersion() != null
                        ? "API version '" + resolution.unsupportedVersion() + "' is not supported"
                        : "no resource at path '" + path + "'");
            } else if (!route.answers(method)) {
                response.getHeaders().put(HttpHeader.ALLOW, route.allow());
                exchange.sendError(ErrorCode.METHOD_NOT_ALLOWED,
                        "method '" + method + "' is not allowed on '" + path + "'; use " + route.method());
            } else if (gate == null || !AccessGate.protects(route) || gate.admit(exchange)) {
                dispatch(exchange, route);
            }
        } catch (RefusedException e) {
            exchange.sendError(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            exchange.fail(e);
        }
    }

    private void dispatch(Exchange exchange, Route route) {
        switch (route) {
            case VERSION -> service.version(exchange);
            case SUBSCRIBE_HANDLER, SUBSCRIBE_GENERAL -> subscribe.handle(exchange, route);
            case PUBLISH_HANDLER, PUBLISH_GENERAL -> publish.handle(exchange, route);
            case DOCS_SPEC -> docs.spec(exchange);
            case DOCS_SPEC_UI -> docs.specUi(exchange);
            case DOCS_DEV -> docs.manualRoot(exchange);
            case DOCS_DEV_PAGE -> docs.manualPage(exchange);
            case CONFIG -> {
                if (AccessGate.permits(exchange, Scope.ADMIN, null)) {
                    config.handle(exchange);
                }
            }
            case PLUGINS -> service.plugins(exchange);
            case METRICS -> service.metrics(exchange);
            case HEALTHCHECK -> service.health(exchange);
            case VIEWER, VIEWER_CATALOGUE, VIEWER_FILE -> {
                if (viewer != null) {
                    viewer.handle(exchange, route);
                } else {
                    exchange.sendError(ErrorCode.RESOURCE_NOT_FOUND, "no resource at path '" + exchange.path()
                            + "': the viewer is off (setting 'viewer')");
                }
            }
        }
    }

    private void count(String method, String label, Response response, Exchange exchange, long start) {
        long nanos = System.nanoTime() - start;
        metrics.request(method, label, response.getStatus(), exchange.error(), nanos);
        AccessLog.request(exchange, nanos);
    }
}
