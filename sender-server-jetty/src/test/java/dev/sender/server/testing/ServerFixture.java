package dev.sender.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sender.core.Broker;
import dev.sender.core.LunaHeaders;
import dev.sender.server.SenderServer;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A Sender server on a free port with an HTTP client and WebSocket subscribers, all closed together. */
public final class ServerFixture implements AutoCloseable {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SenderServer server;
    private final List<AutoCloseable> resources = new ArrayList<>();

    private ServerFixture(SenderServer server) {
        this.server = server;
    }

    /** A server with default settings and an in-memory broker. */
    public static ServerFixture start() {
        return start(b -> b);
    }

    /** A server configured by {@code configure} (port 0 and no service-loaded plugins already set). */
    public static ServerFixture start(UnaryOperator<SenderServer.Builder> configure) {
        SenderServer.Builder builder = SenderServer.builder().port(0).loadPlugins(false);
        return new ServerFixture(configure.apply(builder).build().start());
    }

    /** A server with {@code settings} (its port replaced by 0) and {@code broker}. */
    public static ServerFixture start(SenderSettings settings, Broker broker) {
        return start(b -> b.settings(settings.toBuilder().port(0).build()).broker(broker));
    }

    /** The server. */
    public SenderServer server() {
        return server;
    }

    /** The port. */
    public int port() {
        return server.port();
    }

    /** {@code http://localhost:port} + {@code path}. */
    public URI http(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    /** {@code ws://localhost:port} + {@code path}. */
    public URI ws(String path) {
        return URI.create("ws://localhost:" + port() + path);
    }

    /** A handler-event subscriber of {@code account} with the raw query {@code query}. */
    public TestSubscriber subscribe(UUID account, String query) {
        return track(TestSubscriber.connect(ws("/2/ws" + (query.isEmpty() ? "" : "?" + query)),
                Map.of(LunaHeaders.ACCOUNT_ID, account.toString())));
    }

    /** A general-event subscriber with the raw query {@code query}. */
    public TestSubscriber subscribeGeneral(String query) {
        return track(TestSubscriber.connect(ws("/2/general_events/ws" + (query.isEmpty() ? "" : "?" + query)),
                Map.of()));
    }

    /** Closes {@code resource} with the fixture. */
    public <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** {@code GET path} with headers given as name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(http(path)).GET(), headers);
    }

    /** {@code POST path} of {@code body} with headers given as name, value... */
    public HttpResponse<String> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(http(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Sends {@code request} with headers given as name, value... */
    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Publishes {@code events} (JSON objects) for {@code account}; asserts 201. */
    public HttpResponse<String> publish(UUID account, String... events) {
        HttpResponse<String> response = post("/2/publish", body(events), LunaHeaders.ACCOUNT_ID, account.toString(),
                "Content-Type", "application/json");
        if (response.statusCode() != 201) {
            throw new AssertionError("publish answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** A handler publish body of {@code events}. */
    public static String body(String... events) {
        return "{\"events\":[" + String.join(",", events) + "],\"handler_id\":\"557d54ec-29ad-4f3c-93b4-c9092ef12515\","
                + "\"event_create_time\":\"2026-11-27T10:00:00Z\",\"event_end_time\":\"2026-11-27T10:00:01Z\"}";
    }

    /** {@code body} parsed as JSON. */
    public static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Stops the server (gracefully: subscribers are closed with 1001), then what the test opened. */
    @Override
    public void close() {
        server.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the test is over; a subscriber the server already closed may refuse
            }
        }
    }
}
