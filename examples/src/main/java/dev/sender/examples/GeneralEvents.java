package dev.sender.examples;

import dev.sender.client.SenderClient;
import dev.sender.client.Subscription;
import dev.sender.client.SubscriptionListener;
import dev.sender.core.Broker;
import dev.sender.core.event.Event;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.UserFilter;
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import dev.sender.server.SenderServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * General events (any JSON, with an event type) filtered on the server by user-defined filters
 * {@code event.<path>__<op>:<type>}, delivered to a listener: here, doors opened by someone with a fever.
 * No account is needed for general events.
 */
public final class GeneralEvents {

    private GeneralEvents() {
    }

    /** Runs the example; prints what it does. */
    public static void main(String[] args) throws InterruptedException {
        try (Broker broker = Broker.inMemory();
             SenderServer server = SenderServer.builder().host("127.0.0.1").port(0).broker(broker).build().start();
             SenderClient client = SenderClient.builder().origin(server.uri()).build()) {
            GeneralEventFilter feverAtTheDoor = GeneralEventFilter.builder()
                    .eventTypes("door_opened")
                    .where(UserFilter.of("temperature", Operator.GT, FieldType.NUMERIC, "37.5"))
                    .where(UserFilter.of("badge.kind", Operator.IN, FieldType.STRING, "staff", "visitor"))
                    .build();
            CountDownLatch received = new CountDownLatch(2);
            try (Subscription<GeneralEventMessage> subscription = client.subscribeGeneral(feverAtTheDoor,
                    new SubscriptionListener<>() {
                        @Override
                        public void onMessage(GeneralEventMessage message) {
                            System.out.println("Received " + message.eventType() + ": " + message.event().json());
                            received.countDown();
                        }
                    })) {
                System.out.println("Subscribed to " + subscription.uri());

                publish(client, "door_opened", "{\"door\":\"A\",\"temperature\":36.6,\"badge\":{\"kind\":\"staff\"}}");
                publish(client, "door_opened", "{\"door\":\"B\",\"temperature\":38.2,\"badge\":{\"kind\":\"staff\"}}");
                publish(client, "window_opened", "{\"door\":\"C\",\"temperature\":39.0,\"badge\":{\"kind\":\"staff\"}}");
                publish(client, "door_opened", "{\"door\":\"D\",\"temperature\":38.9,\"badge\":{\"kind\":\"visitor\"}}");
                publish(client, "door_opened", "{\"door\":\"E\",\"temperature\":40.1}");

                if (!received.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the two matching events did not arrive within 10 s");
                }
            }
        }
        System.out.println("Done: doors B and D matched");
    }

    private static void publish(SenderClient client, String eventType, String json) {
        System.out.println("Publishing " + eventType + ": " + json);
        client.publishGeneral(eventType, Event.parse(json));
    }
}
