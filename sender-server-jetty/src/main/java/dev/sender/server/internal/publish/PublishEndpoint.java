package dev.sender.server.internal.publish;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.Topic;
import dev.sender.core.Uuids;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.event.Publication;
import dev.sender.core.event.PublicationJson;
import dev.sender.server.Scope;
import dev.sender.server.SenderSettings;
import dev.sender.server.internal.auth.AccessGate;
import dev.sender.server.internal.http.BodyFailures;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.Route;
import dev.sender.server.internal.metrics.SenderMetrics;
import dev.sender.server.internal.plugins.Plugins;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * {@code POST /{api}/publish} and {@code POST /{api}/general_events/publish}: headers, content type, size and
 * schema are checked before anything reaches the broker (SPEC §2.5); the answer is {@code 201} once the broker
 * has accepted the publication.
 */
public final class PublishEndpoint {

    private final Broker broker;
    private final SenderSettings settings;
    private final SenderMetrics metrics;
    private final Plugins plugins;

    public PublishEndpoint(Broker broker, SenderSettings settings, SenderMetrics metrics, Plugins plugins) {
        this.broker = broker;
        this.settings = settings;
        this.metrics = metrics;
        this.plugins = plugins;
    }

    public void handle(Exchange exchange, Route route) {
        UUID account = null;
        if (route == Route.PUBLISH_HANDLER) {
            String header = exchange.singleHeader(LunaHeaders.ACCOUNT_ID);
            if (header == null) {
                exchange.sendError(ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND,
                        "header 'Luna-Account-Id' is required to publish");
                return;
            }
            account = Uuids.parse(header);
            if (account == null) {
                exchange.sendError(ErrorCode.BAD_HEADER,
                        "header 'Luna-Account-Id' must be a UUID, got '" + header + "'");
                return;
            }
            if (!AccessGate.permits(exchange, Scope.PUBLISH, account)) {
                return;
            }
        } else if (!AccessGate.permits(exchange, Scope.GENERAL_PUBLISH, null)) {
            return;
        }
        String contentType = exchange.singleHeader(HttpHeader.CONTENT_TYPE.asString());
        if (!isJson(contentType)) {
            exchange.sendError(ErrorCode.BAD_CONTENT_TYPE,
                    "Content-Type must be 'application/json', got '" + (contentType == null ? "" : contentType) + "'");
            return;
        }
        long declared = exchange.request().getLength();
        if (declared > settings.maxBodyBytes()) {
            tooLarge(exchange);
            return;
        }
        UUID publishAccount = account;
        // BLOCKING, as the CompletableFuture form of asByteArrayAsync was: publishing may wait for the broker.
        Promise.Invocable<byte[]> onBody = Promise.Invocable.from(InvocationType.BLOCKING, (body, error) -> {
            try {
                if (error != null) {
                    if (Request.getContentBytesRead(exchange.request()) > settings.maxBodyBytes()) {
                        tooLarge(exchange);
                    } else {
                        BodyFailures.answer(exchange, error);
                    }
                    return;
                }
                exchange.bodyRead();
                publish(exchange, route, publishAccount, body);
            } catch (RuntimeException e) {
                exchange.fail(e);
            }
        });
        Content.Source.asByteArrayAsync(exchange.request(), (int) settings.maxBodyBytes(), onBody);
    }

    private void publish(Exchange exchange, Route route, UUID account, byte[] body) {
        if (isBlank(body)) {
            exchange.sendError(ErrorCode.NO_DATA, body.length == 0 ? "the request body is empty"
                    : "the request body holds only whitespace");
            return;
        }
        Publication publication;
        try {
            publication = route == Route.PUBLISH_HANDLER
                    ? PublicationJson.readHandlerRequest(body, account, exchange.requestId())
                    : PublicationJson.readGeneralRequest(body, exchange.requestId());
        } catch (InvalidJsonException e) {
            if (e.kind() == InvalidJsonException.Kind.NOT_JSON) {
                exchange.sendError(ErrorCode.NOT_JSON, "the request body is not valid JSON: " + e.reason());
            } else {
                exchange.sendError(ErrorCode.BAD_INPUT_DATA, "Failed to validate input json. Path: '" + e.path()
                        + "',  message: '" + e.reason() + "'");
            }
            return;
        }
        if (publication instanceof GeneralPublication general && general.accountId() != null
                && !AccessGate.permits(exchange, Scope.GENERAL_PUBLISH, accountOf(general))) {
            return;
        }
        broker.publish(publication).whenComplete((ok, error) -> {
            if (error == null) {
                metrics.published(route == Route.PUBLISH_HANDLER ? Topic.Kind.HANDLER_EVENTS
                        : Topic.Kind.GENERAL_EVENTS, publication.size());
                exchange.sendEmpty(201);
                plugins.onPublication(publication);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof BrokerException) {
                exchange.sendError(ErrorCode.PUBLISH_FAILED, "the broker did not accept the events: " + cause.getMessage());
            } else {
                exchange.fail(cause);
            }
        });
    }

    /** The account a general event names; one no grant holds when it is not a UUID. */
    private static UUID accountOf(GeneralPublication general) {
        UUID account = Uuids.parse(String.valueOf(general.accountId()));
        return account == null ? new UUID(0, 0) : account;
    }

    /** Whether {@code body} holds nothing but JSON whitespace. */
    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void tooLarge(Exchange exchange) {
        exchange.sendError(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is over the limit of " + settings.maxBodyBytes() + " bytes");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mime.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
