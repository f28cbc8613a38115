package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Building, closing, and what a closed subscription or client answers. */
class LifecycleTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void closingASubscription_isClean_andIdempotent() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (SenderClient client = server.client(UUID.randomUUID()).connectionListener(recorder).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());

            subscription.close();
            subscription.close();

            assertThat(subscription.state()).isEqualTo(Subscription.State.CLOSED);
            SubscriptionClosedException e = catchThrowableOfType(SubscriptionClosedException.class, subscription::next);
            assertThat(e.closedByApplication()).isTrue();
            assertThat(e.closeCode()).isEqualTo(1000);
            assertThat(e.status()).isZero();
            assertThat(e).hasMessage("the application closed the subscription").hasNoCause();
            assertThatThrownBy(() -> subscription.next(Duration.ofSeconds(1)))
                    .isInstanceOf(SubscriptionClosedException.class);
            assertThat(subscription.stream()).isEmpty();
            await().atMost(Recorder.TIMEOUT).until(() -> recorder.connectionLines.contains("state OPEN->CLOSED"));
            assertThat(recorder.connectionLines).containsExactly("state CONNECTING->OPEN", "close 1000",
                    "state OPEN->CLOSED");
        }
    }

    @Test
    void closingTheClient_closesItsSubscriptions_andRefusesLaterCalls() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        SenderClient client = server.client(UUID.randomUUID()).build();
        Subscription<HandlerEventMessage> pulled = client.subscribe(HandlerEventFilter.empty());
        Subscription<HandlerEventMessage> pushed = client.subscribe(HandlerEventFilter.empty(), recorder);

        client.close();
        client.close();

        assertThat(pulled.state()).isEqualTo(Subscription.State.CLOSED);
        assertThat(pushed.state()).isEqualTo(Subscription.State.CLOSED);
        assertThatThrownBy(pulled::next).isInstanceOf(SubscriptionClosedException.class)
                .hasMessage("the client was closed");
        // close() waits for the last callbacks.
        assertThat(recorder.lines).endsWith("close 1000", "state OPEN->CLOSED");
        for (Runnable call : List.<Runnable>of(() -> client.subscribe(HandlerEventFilter.empty()),
                () -> client.subscribe(Map.of()), () -> client.publishGeneral("t", Events.numbered(1)),
                client::version, client::health, client::plugins)) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void closingTheClientFromAListener_doesNotDeadlock_andLetsTheCallInFlightFinish() {
        SenderClient client = server.client(UUID.randomUUID()).build();
        Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty(),
                new SubscriptionListener<>() {
                    @Override
                    public void onMessage(HandlerEventMessage message) {
                        client.close();
                    }
                });

        // The message often arrives, and the client closes, before the answer to the publish.
        String requestId = client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.numbered(1)));

        assertThat(requestId).isNotEmpty();
        await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.CLOSED);
    }

    @Test
    void closingOneClient_stopsTheTransportsOfItsConnections_andLeavesTheOtherClientsConnectionsOpen() {
        UUID account = UUID.randomUUID();
        SenderClient first = server.client(account).build();
        try (SenderClient second = server.client(account).build()) {
            Subscription<HandlerEventMessage> kept = second.subscribe(HandlerEventFilter.empty());
            Set<Thread> secondsThreads = grizzlyThreads();
            List<Subscription<HandlerEventMessage>> firsts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                firsts.add(first.subscribe(HandlerEventFilter.empty()));
            }
            Set<Thread> firstsThreads = new HashSet<>(grizzlyThreads());
            firstsThreads.removeAll(secondsThreads);
            // Each connection has a transport of its own, which no other connection shares.
            assertThat(firstsThreads).as("the transports of the first client's connections").isNotEmpty();

            first.close();

            await().atMost(Recorder.TIMEOUT).untilAsserted(() -> assertThat(firstsThreads).noneMatch(Thread::isAlive));
            assertThat(firsts).allMatch(s -> s.state() == Subscription.State.CLOSED);
            String requestId = second.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(1)));
            assertThat(kept.next().requestId()).isEqualTo(requestId);
            assertThat(secondsThreads).allMatch(Thread::isAlive);
        } finally {
            first.close();
        }
    }

    /** The live threads of Tyrus's Grizzly transports; each connection's names its own {@code Grizzly(1)...}. */
    private static Set<Thread> grizzlyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("Grizzly("))
                .collect(Collectors.toSet());
    }

    @Test
    void toBuilder_makesAnIndependentClientWithTheSameSettings() {
        SenderClient first = server.client(UUID.randomUUID()).build();
        try (SenderClient second = first.toBuilder().build();
             Subscription<HandlerEventMessage> subscription = second.subscribe(HandlerEventFilter.empty())) {
            first.close();

            first.toBuilder().build().close();
            String requestId = second.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(1)));
            assertThat(subscription.next().requestId()).isEqualTo(requestId);
        }
    }

    @Test
    void originWithAPath_isTheBaseOfEveryResource() {
        try (SenderClient client = SenderClient.builder().origin(URI.create(server.origin() + "/mounted/"))
                .accountId(UUID.randomUUID()).build()) {
            SenderException e = catchThrowableOfType(SenderException.class, client::version);

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.detail()).contains("/mounted/version");
        }
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad(b -> b.origin(URI.create("ws://localhost:5080")), "origin must be an http or https URI"),
                bad(b -> b.origin(URI.create("localhost:5080")), "origin must be an http or https URI"),
                bad(b -> b.origin(URI.create("http://localhost:5080/?a=1")), "origin must not have a query"),
                bad(b -> b.apiVersion(0), "apiVersion must be positive: 0"),
                bad(b -> b.requestTimeout(Duration.ZERO), "requestTimeout must be positive"),
                bad(b -> b.connectTimeout(Duration.ofMillis(-1)), "connectTimeout must be positive"),
                bad(b -> b.connectTimeout(Duration.ofDays(30)), "connectTimeout must be at most"),
                bad(b -> b.messageBuffer(0), "messageBuffer must be at least 1: 0"));
    }

    private static Arguments bad(Consumer<SenderClient.Builder> setting, String message) {
        return Arguments.of(setting, message);
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void builderSetters_failFast_namingTheSetting(Consumer<SenderClient.Builder> setting, String message) {
        assertThatThrownBy(() -> setting.accept(SenderClient.builder())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void builder_needsAnOrigin_andNamesNullArguments() {
        assertThatThrownBy(() -> SenderClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("origin is required");
        assertThatThrownBy(() -> SenderClient.builder().accountId(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("accountId");
        assertThatThrownBy(() -> SenderClient.builder().reconnect(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reconnect");
        assertThat(SenderClient.DEFAULT_API_VERSION).isEqualTo(2);
        assertThat(SenderClient.DEFAULT_REQUEST_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(SenderClient.DEFAULT_MESSAGE_BUFFER).isEqualTo(10_000);
    }

    @Test
    void defaultReconnectPolicy_backsOffExponentiallyWithJitter_withoutEnd() {
        ReconnectPolicy policy = ReconnectPolicy.ofDefaults();

        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayBeforeAttempt(1).orElseThrow()).isBetween(Duration.ofMillis(250),
                    Duration.ofMillis(500));
            assertThat(policy.delayBeforeAttempt(3).orElseThrow()).isBetween(Duration.ofMillis(1000),
                    Duration.ofMillis(2000));
            assertThat(policy.delayBeforeAttempt(1_000_000).orElseThrow()).isBetween(Duration.ofSeconds(15),
                    Duration.ofSeconds(30));
        }
    }

    @Test
    void exponentialBackoff_withoutJitter_isExact_andStopsAfterMaxAttempts() {
        ReconnectPolicy policy = ReconnectPolicy.exponentialBackoff().initialDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(350)).multiplier(3).jitter(0).maxAttempts(3).build();

        assertThat(policy.delayBeforeAttempt(1)).hasValue(Duration.ofMillis(100));
        assertThat(policy.delayBeforeAttempt(2)).hasValue(Duration.ofMillis(300));
        assertThat(policy.delayBeforeAttempt(3)).hasValue(Duration.ofMillis(350));
        assertThat(policy.delayBeforeAttempt(4)).isEmpty();
        assertThat(ReconnectPolicy.disabled().delayBeforeAttempt(1)).isEmpty();
        ReconnectPolicy fixed = attempt -> Optional.of(Duration.ofSeconds(1));
        assertThat(fixed.delayBeforeAttempt(9)).hasValue(Duration.ofSeconds(1));
    }

    @Test
    void exponentialBackoffSetters_failFast_namingTheSetting() {
        assertThatThrownBy(() -> ReconnectPolicy.exponentialBackoff().initialDelay(Duration.ZERO))
                .hasMessageContaining("initialDelay must be positive");
        assertThatThrownBy(() -> ReconnectPolicy.exponentialBackoff().multiplier(0.5))
                .hasMessageContaining("multiplier must be");
        assertThatThrownBy(() -> ReconnectPolicy.exponentialBackoff().jitter(1.5))
                .hasMessageContaining("jitter must be in [0, 1]");
        assertThatThrownBy(() -> ReconnectPolicy.exponentialBackoff().maxAttempts(0))
                .hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> ReconnectPolicy.exponentialBackoff().initialDelay(Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not exceed maxDelay");
    }
}
