package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Broker;
import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.TestSubscriber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.Test;

/** The handler mounted in an application's own Jetty, under a context path, beside the application. */
class EmbeddingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void handlerUnderAContextPath_servesEveryResourceThere() throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(0);
        jetty.addConnector(connector);
        Broker broker = Broker.inMemory();
        SenderHandler sender = SenderHandler.create(broker, SenderSettings.ofDefaults(), List.of());
        Handler application = new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, Response response,
                    org.eclipse.jetty.util.Callback callback) {
                response.write(true, ByteBuffer.wrap("the application".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        jetty.setHandler(new ContextHandlerCollection(new ContextHandler(sender, "/sender"),
                new ContextHandler(application, "/app")));
        jetty.start();
        try {
            String base = "http://localhost:" + connector.getLocalPort();
            UUID account = UUID.randomUUID();
            try (TestSubscriber subscriber = TestSubscriber.connect(URI.create("ws://localhost:"
                    + connector.getLocalPort() + "/sender/2/ws?sources=cam1"), Map.of(LunaHeaders.ACCOUNT_ID,
                    account.toString()))) {
                HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sender/2/publish"))
                        .header(LunaHeaders.ACCOUNT_ID, account.toString()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[{\"source\":\"cam1\"}],"
                                + "\"handler_id\":\"h\",\"event_create_time\":\"c\",\"event_end_time\":\"e\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(published.statusCode()).isEqualTo(201);
                assertThat(subscriber.awaitJson().get("event").get("source").asText()).isEqualTo("cam1");
            }
            assertThat(get(base + "/sender/version").body()).contains("\"api\":2");
            assertThat(get(base + "/sender/docs/dev").headers().firstValue("Location"))
                    .contains("/sender/docs/dev/index.html");
            assertThat(get(base + "/app/anything").body()).isEqualTo("the application");
        } finally {
            jetty.stop();
            broker.close();
        }
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serverOnPortZero_reportsThePortItPicked_andExposesJetty() {
        try (SenderServer server = SenderServer.builder().port(0).loadPlugins(false).build().start()) {
            assertThat(server.port()).isPositive();
            assertThat(server.uri()).hasPort(server.port());
            assertThat(server.jetty().isStarted()).isTrue();
            assertThat(server.broker().name()).isEqualTo("in-memory");
        }
    }

    @Test
    void portInUse_failsToStartWithAClearError() {
        try (SenderServer first = SenderServer.builder().port(0).loadPlugins(false).build().start()) {
            SenderServer second = SenderServer.builder().port(first.port()).loadPlugins(false).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(":" + first.port());
        }
    }
}
