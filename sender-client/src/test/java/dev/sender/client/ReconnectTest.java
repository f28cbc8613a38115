package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.sender.core.CloseCodes;
import dev.sender.core.ErrorCode;
import dev.sender.core.event.Gender;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.SenderSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * Connections that are lost: reopened with the same filters when the policy allows, reported to both listeners,
 * never retried after a 4xx refusal; and subscriptions whose application does not keep up.
 */
class ReconnectTest {

    private static final HandlerEventFilter MEN = HandlerEventFilter.builder().gender(Gender.MALE).build();

    private static void publishPeople(SenderClient client) {
        client.publish(Events.HANDLER, Events.CREATED, Events.ENDED,
                List.of(Events.person("woman", 0, 30), Events.person("man", 1, 40)));
    }

    /** The restarted server has a new in-memory broker, whose history lacks what the first one held: a gap. */
    @Test
    void serverRestartOnTheSamePort_resubscribesWithTheSameFilters_reportsTheLostHistory_andDeliversAgain() {
        UUID account = UUID.randomUUID();
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(account).connectionListener(recorder).build()) {
            Subscription<HandlerEventMessage> pulled = client.subscribe(MEN);
            Subscription<HandlerEventMessage> pushed = client.subscribe(MEN, recorder);
            publishPeople(client);
            assertThat(pulled.next().event().eventId()).hasValue("man");
            assertThat(recorder.awaitMessage().event().eventId()).hasValue("man");

            server.stop();
            await().atMost(Recorder.TIMEOUT).until(() -> pushed.state() == Subscription.State.RECONNECTING
                    && pulled.state() == Subscription.State.RECONNECTING);
            server.startAgain(b -> b);
            await().atMost(Recorder.TIMEOUT).until(() -> pushed.state() == Subscription.State.OPEN
                    && pulled.state() == Subscription.State.OPEN);

            publishPeople(client);
            EventsLostException gap = catchThrowableOfType(EventsLostException.class, pulled::next);
            assertThat(gap.after()).isNotNull();
            assertThat(gap.getMessage()).contains(gap.after().value(), "Sender-Recovered: false");
            assertThat(pulled.next().event().eventId()).hasValue("man");
            assertThat(recorder.awaitMessage().event().eventId()).hasValue("man");
            assertThat(pulled.next(Duration.ofMillis(100))).isEmpty();
            assertThat(recorder.lines).containsSubsequence("state CONNECTING->OPEN", "open", "message man",
                    "close 1001", "state OPEN->RECONNECTING", "state RECONNECTING->OPEN", "open", "events lost",
                    "message man");
            assertThat(recorder.connectionLines).containsSubsequence("state CONNECTING->OPEN", "close 1001",
                    "state OPEN->RECONNECTING", "reconnecting 1", "state RECONNECTING->OPEN", "events lost",
                    "events lost");
        }
    }

    @Test
    void refusalWhenResubscribing_isNotRetried_andNextThrowsTheServersError() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).connectionListener(recorder).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(MEN);

            server.stop();
            // The server comes back knowing only API version 3: resubscribing to /2/ws is a 404.
            server.startAgain(b -> b.settings(SenderSettings.builder().port(server.port()).apiVersions(3).build()));

            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.CLOSED);
            SubscriptionClosedException e = catchThrowableOfType(SubscriptionClosedException.class, subscription::next);
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
            assertThat(e.detail()).contains("'2'");
            assertThat(e.closedByApplication()).isFalse();
            assertThat(e.closeCode()).isEqualTo(CloseCodes.SHUTDOWN);
            assertThat(e.getMessage()).contains("refused to resubscribe");
            assertThat(e.getCause()).isInstanceOf(SenderException.class);
            await().atMost(Recorder.TIMEOUT).until(() -> recorder.connectionLines.contains("state RECONNECTING->CLOSED"));
            long attempts = recorder.connectionLines.stream().filter(l -> l.startsWith("reconnecting")).count();
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> recorder.connectionLines
                    .stream().filter(l -> l.startsWith("reconnecting")).count() == attempts);
            assertThat(recorder.connectionLines).endsWith("error SubscriptionClosedException",
                    "state RECONNECTING->CLOSED");
        }
    }

    @Test
    void refusalWith5xxWhenResubscribing_isReportedWithTheServersError_andRetried() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (TestServer server = TestServer.start();
             FailingBroker failing = FailingBroker.refusingSubscriptions();
             SenderClient client = server.client(UUID.randomUUID()).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(MEN, recorder);

            server.stop();
            // The server comes back without a working broker: resubscribing is refused 500 1, which may pass.
            server.startAgain(b -> b.broker(failing));
            await().atMost(Recorder.TIMEOUT).until(() -> recorder.errors.stream().anyMatch(
                    e -> e instanceof SenderException s && s.status() == 500 && s.errorCode() == 1));
            assertThat(subscription.state()).isEqualTo(Subscription.State.RECONNECTING);
            server.stop();
            server.startAgain(b -> b);

            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.OPEN);
            publishPeople(client);
            assertThat(recorder.awaitMessage().event().eventId()).hasValue("man");
            assertThat(recorder.lines).doesNotContain("state RECONNECTING->CLOSED");
        }
    }

    @Test
    void reconnectDisabled_closesWithTheServersCloseCode() {
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).reconnect(ReconnectPolicy.disabled()).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(MEN);

            server.stop();

            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.CLOSED);
            SubscriptionClosedException e = catchThrowableOfType(SubscriptionClosedException.class, subscription::next);
            assertThat(e.closeCode()).isEqualTo(CloseCodes.SHUTDOWN);
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("1001").contains("reconnecting is disabled");
            assertThatThrownBy(() -> subscription.stream().count()).isInstanceOf(SubscriptionClosedException.class);
        }
    }

    @Test
    void givingUpAfterTheLastAttempt_closesTheSubscription() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).reconnect(ReconnectPolicy.exponentialBackoff()
                .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(40)).maxAttempts(2).build()).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(MEN, recorder);

            server.stop();

            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.CLOSED);
            assertThat(recorder.lines).containsSubsequence("close 1001", "state OPEN->RECONNECTING", "error SenderException",
                    "error SenderException", "error SubscriptionClosedException", "state RECONNECTING->CLOSED");
            assertThat(recorder.errors.get(recorder.errors.size() - 1)).hasMessageContaining(
                    "gave up reconnecting after 2 attempts");
        }
    }

    @Test
    void serverClosingATooSlowSubscriber_4008_isReportedAndReconnected() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        // A queue limit far below one event, a kernel buffer far below one event, and events in one publication:
        // the first is still being written when the next arrives, and the server finds the subscriber too slow.
        try (TestServer server = TestServer.start(SenderSettings.builder().subscriberQueueBytes(16)
                .socketSendBufferBytes(4096).build());
             SenderClient client = server.client(UUID.randomUUID()).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(MEN, recorder);

            client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, IntStream.range(0, 10)
                    .mapToObj(i -> Events.padded(Events.person("man" + i, 1, 40), 200_000)).toList());

            await().atMost(Recorder.TIMEOUT).until(() -> recorder.lines.contains("state RECONNECTING->OPEN"));
            assertThat(recorder.lines).containsSubsequence("open", "close 4008", "state OPEN->RECONNECTING",
                    "state RECONNECTING->OPEN", "open");
            assertThat(subscription.state()).isEqualTo(Subscription.State.OPEN);
        }
    }

    @Test
    void droppedConnection_1006_isReportedAndReconnected() throws Exception {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(MEN, recorder);
            ServerConnector connector = (ServerConnector) server.server().jetty().getConnectors()[0];

            // Stopping the connector drops its connections without a WebSocket close.
            connector.stop();
            await().atMost(Recorder.TIMEOUT).until(() -> recorder.lines.contains("state OPEN->RECONNECTING"));
            connector.setPort(server.port());
            connector.start();

            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.OPEN);
            assertThat(recorder.lines).containsSubsequence("close 1006", "state OPEN->RECONNECTING",
                    "state RECONNECTING->OPEN");
            publishPeople(client);
            assertThat(recorder.awaitMessage().event().eventId()).hasValue("man");
        }
    }

    @Test
    void applicationThatDoesNotConsume_failsTheSubscriptionWithAClearError() {
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).messageBuffer(3).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());

            client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.numbered(1),
                    Events.numbered(2), Events.numbered(3), Events.numbered(4), Events.numbered(5)));

            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.CLOSED);
            assertThat(List.of(subscription.next(), subscription.next(), subscription.next()))
                    .map(m -> m.event().eventId().orElseThrow()).containsExactly("e1", "e2", "e3");
            assertThatThrownBy(subscription::next).isInstanceOf(SubscriptionClosedException.class)
                    .hasMessageContaining("message buffer overflow").hasMessageContaining("messageBuffer");
        }
    }

    @Test
    void listenerThatDoesNotKeepUp_failsTheSubscription_afterWhatWasReceived() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Recorder<HandlerEventMessage> recorder = new Recorder<>() {
            @Override
            public void onMessage(HandlerEventMessage message) {
                super.onMessage(message);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).messageBuffer(2).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty(), recorder);

            client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.numbered(1),
                    Events.numbered(2), Events.numbered(3), Events.numbered(4), Events.numbered(5)));
            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.CLOSED);
            release.countDown();

            await().atMost(Recorder.TIMEOUT).until(() -> recorder.lines.contains("state OPEN->CLOSED"));
            // What was received before the buffer filled is delivered: e1 and e2, and e3 when e1 was being handled.
            assertThat(recorder.linesStartingWith("message")).startsWith("message e1", "message e2").hasSizeLessThan(4);
            assertThat(recorder.lines).endsWith("close 1000", "error SubscriptionClosedException", "state OPEN->CLOSED");
            assertThat(recorder.errors).singleElement().asString().contains("message buffer overflow");
        }
    }
}
