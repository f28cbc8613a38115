package dev.sender.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.Topic;
import dev.sender.server.SenderServer;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A real Sender server on a free port of this machine, on a {@link TestBroker}, and a publisher over HTTP. */
final class TestServer implements AutoCloseable {

    private final TestBroker broker;
    private final SenderServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(TestBroker broker, SenderSettings settings) {
        this.broker = broker;
        this.server = SenderServer.builder().settings(settings.toBuilder().host("127.0.0.1").port(0).build())
                .broker(broker).loadPlugins(false).build().start();
    }

    /** A server with the default settings and a healthy broker. */
    static TestServer start() {
        return new TestServer(TestBroker.healthy(), SenderSettings.builder().build());
    }

    /** A server with {@code settings} (host and port replaced) and a healthy broker. */
    static TestServer start(SenderSettings settings) {
        return new TestServer(TestBroker.healthy(), settings);
    }

    /** A server on {@code broker}. */
    static TestServer start(TestBroker broker) {
        return new TestServer(broker, SenderSettings.builder().build());
    }

    /** {@code http://127.0.0.1:port}. */
    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Waits until {@code count} subscriptions to {@code topic} are open: a subscriber receives what follows. */
    void awaitSubscriptions(Topic topic, long count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.openSubscriptions(topic) == count);
    }

    /** Publishes handler events for {@code account} ({@code POST /2/publish}); returns the request id. */
    String publish(UUID account, String body) {
        return post("/2/publish", body, account);
    }

    /** Publishes a general event ({@code POST /2/general_events/publish}); returns the request id. */
    String publishGeneral(String body) {
        return post("/2/general_events/publish", body, null);
    }

    private String post(String path, String body, UUID account) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (account != null) {
            request.header("Luna-Account-Id", account.toString());
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("publish %s: %s", body, answer.body()).isEqualTo(201);
            return answer.headers().firstValue("LUNA-Request-Id").orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
        broker.close();
    }
}
