package dev.sender.examples;

import dev.sender.client.SenderClient;
import dev.sender.client.Subscription;
import dev.sender.core.Broker;
import dev.sender.core.event.Event;
import dev.sender.core.event.Gender;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.SenderServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sender in one minute: an embedded server with the in-memory broker, a client that subscribes to men aged 30 or
 * more, four events published of which two match, and the two received.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl examples exec:java -Dexec.mainClass=dev.sender.examples.QuickStart
 * </pre>
 *
 * <p>or, without installing the modules first:
 *
 * <pre>
 * mvn -B -q -pl examples -am -DskipTests package -Dexample=QuickStart
 * </pre>
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** Runs the example; prints what it does. */
    public static void main(String[] args) {
        UUID account = UUID.randomUUID();
        try (Broker broker = Broker.inMemory();
             SenderServer server = SenderServer.builder().host("127.0.0.1").port(0).broker(broker).build().start();
             SenderClient client = SenderClient.builder().origin(server.uri()).accountId(account).build()) {
            System.out.println("Sender server listening on " + server.uri());

            HandlerEventFilter menOver30 = HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).build();
            try (Subscription<HandlerEventMessage> subscription = client.subscribe(menOver30)) {
                System.out.println("Subscribed to " + subscription.uri());

                List<Event> events = List.of(People.person("Ann", 0, 34), People.person("Bob", 1, 25),
                        People.person("Carl", 1, 41), People.person("Dan", 1, 67));
                String now = Instant.now().toString();
                String requestId = client.publish("quick-start-handler", now, now, events);
                System.out.println("Published " + events.size() + " events: Ann (woman, 34), Bob (man, 25), "
                        + "Carl (man, 41), Dan (man, 67); request " + requestId);

                for (int i = 0; i < 2; i++) {
                    HandlerEventMessage message = subscription.next(Duration.ofSeconds(10))
                            .orElseThrow(() -> new IllegalStateException("no event within 10 s"));
                    System.out.println("Received " + People.describe(message));
                }
            }
        }
        System.out.println("Done: 2 of 4 events matched the filter");
    }
}
