package dev.sender.examples;

import dev.sender.client.SenderClient;
import dev.sender.client.Subscription;
import dev.sender.core.Broker;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.SenderHandler;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;

/**
 * An application with its own Jetty server that mounts Sender under {@code /sender}, beside its own handler under
 * {@code /app}; the client's origin is then {@code http://host:port/sender}.
 */
public final class EmbeddedInJetty {

    private EmbeddedInJetty() {
    }

    /** Runs the example; prints what it does. */
    public static void main(String[] args) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        Handler application = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
                response.write(true, ByteBuffer.wrap("Hello from the application".getBytes(StandardCharsets.UTF_8)),
                        callback);
                return true;
            }
        };
        try (Broker broker = Broker.inMemory()) {
            SenderHandler sender = SenderHandler.create(broker, SenderSettings.ofDefaults(), List.of());
            jetty.setHandler(new ContextHandlerCollection(new ContextHandler(sender, "/sender"),
                    new ContextHandler(application, "/app")));
            jetty.setStopTimeout(5_000);
            jetty.start();
            try {
                String base = "http://127.0.0.1:" + connector.getLocalPort();
                System.out.println("Application listening on " + base + ": /app is the application, /sender is Sender");
                System.out.println("GET /app/hello: " + get(URI.create(base + "/app/hello")));
                useSender(URI.create(base + "/sender"));
            } finally {
                jetty.stop();
            }
        }
        System.out.println("Done");
    }

    private static void useSender(URI origin) {
        try (SenderClient client = SenderClient.builder().origin(origin).accountId(UUID.randomUUID()).build();
             Subscription<HandlerEventMessage> everything = client.subscribe(HandlerEventFilter.empty())) {
            System.out.println("Sender version " + client.version() + ", subscribed to " + everything.uri());
            String now = Instant.now().toString();
            client.publish("embedded-handler", now, now, List.of(People.person("Eve", 0, 29)));
            System.out.println("Received " + People.describe(everything.next()));
        }
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
