package dev.sender.examples;

import dev.sender.client.SenderClient;
import dev.sender.client.Subscription;
import dev.sender.core.Broker;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.server.SenderServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A subscription written as a LUNA user writes it with the Python client:
 *
 * <pre>
 * senderAPI = LunaWSClient(origin="http://127.0.0.1:5080", api=2, accountId="...")
 * with senderAPI.connect(gender=1, age__gte=30) as ws:
 *     print(ws.recv())
 * </pre>
 *
 * <p>The parameters go to the server as they are; the server validates them, and a bad one is thrown as a
 * {@code SenderException} naming it.
 */
public final class RawParameters {

    private RawParameters() {
    }

    /** Runs the example; prints what it does. */
    public static void main(String[] args) {
        UUID account = UUID.randomUUID();
        try (Broker broker = Broker.inMemory();
             SenderServer server = SenderServer.builder().host("127.0.0.1").port(0).broker(broker).build().start();
             SenderClient senderApi = SenderClient.builder().origin(server.uri()).apiVersion(2).accountId(account)
                     .build()) {
            try (Subscription<HandlerEventMessage> ws = senderApi.subscribe(Map.of("gender", 1, "age__gte", 30))) {
                System.out.println("Subscribed to " + ws.uri());
                String now = Instant.now().toString();
                senderApi.publish("raw-parameters-handler", now, now, List.of(People.person("Bob", 1, 25),
                        People.person("Carl", 1, 41)));

                HandlerEventMessage message = ws.next();
                System.out.println("Received " + People.describe(message));
                System.out.println("As JSON: " + message.toJson());
            }
        }
        System.out.println("Done");
    }
}
