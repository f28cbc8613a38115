package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.sender.core.CloseCodes;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens against a gateway that checks them: sent on every call and handshake, asked anew on each
 * reconnect, refusals (401 29020, 403 29021) thrown with the server's error and never retried, and an expired
 * token (close 4001) answered by reconnecting at once with a fresh one.
 */
class AccessControlTest {

    /** A policy whose first delay is far longer than any test waits: a reconnect within seconds did not wait. */
    private static final ReconnectPolicy SLOW = ReconnectPolicy.exponentialBackoff()
            .initialDelay(Duration.ofMinutes(1)).maxDelay(Duration.ofMinutes(1)).build();

    /** A policy that would retry within milliseconds, were a refusal retried. */
    private static final ReconnectPolicy FAST = ReconnectPolicy.exponentialBackoff()
            .initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(100)).build();

    /** A token supplier that counts how often it is asked. */
    private static final class Tokens implements Supplier<String> {
        final AtomicReference<String> current;
        final AtomicInteger asked = new AtomicInteger();

        Tokens(String first) {
            current = new AtomicReference<>(first);
        }

        @Override
        public String get() {
            asked.incrementAndGet();
            return current.get();
        }
    }

    private static void publish(SenderClient client, String id) {
        client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.person(id, 1, 40)));
    }

    @Test
    void token_isSentOnEveryHandshakeAndCall() {
        Tokens tokens = new Tokens("t1");
        try (Gateway gateway = Gateway.start("t1");
             SenderClient client = gateway.client(UUID.randomUUID()).token(tokens).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
            publish(client, "e1");
            assertThat(client.version().api()).isEqualTo(2);

            assertThat(subscription.next().event().eventId()).hasValue("e1");
            assertThat(gateway.calls()).extracting(Gateway.Call::authorization).containsOnly("Bearer t1");
            assertThat(gateway.calls()).extracting(Gateway.Call::path)
                    .containsExactly("/2/ws", "/2/publish", "/version");
            assertThat(tokens.asked).hasValue(3);
        }
    }

    @Test
    void handshakeWithoutAValidToken_throws401WithTheServersError_andIsNotRetried() {
        try (Gateway gateway = Gateway.start("t1");
             SenderClient noToken = gateway.client(UUID.randomUUID()).reconnect(FAST).build();
             SenderClient staleToken = gateway.client(UUID.randomUUID()).token(() -> "stale")
                     .reconnect(FAST).build()) {
            SenderException missing = catchThrowableOfType(SenderException.class,
                    () -> noToken.subscribe(HandlerEventFilter.empty()));
            SenderException stale = catchThrowableOfType(SenderException.class,
                    () -> staleToken.subscribe(HandlerEventFilter.empty()));

            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.errorCode()).isEqualTo(29020);
            assertThat(missing.detail()).isEqualTo("a bearer token is required");
            assertThat(stale.status()).isEqualTo(401);
            assertThat(stale.errorCode()).isEqualTo(29020);
            assertThat(stale.detail()).isEqualTo("the token is not valid");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> gateway.tyrusHandshakes().size() == 2);
        }
    }

    @Test
    void forbiddenToken_throws403WithTheServersError_onSubscribeAndPublish_andIsNotRetried() {
        try (Gateway gateway = Gateway.start("t1");
             SenderClient client = gateway.client(UUID.randomUUID()).token(() -> Gateway.FORBIDDEN)
                     .reconnect(FAST).build()) {
            SenderException subscribe = catchThrowableOfType(SenderException.class,
                    () -> client.subscribe(HandlerEventFilter.empty()));
            SenderException publish = catchThrowableOfType(SenderException.class, () -> publish(client, "e1"));

            assertThat(subscribe.status()).isEqualTo(403);
            assertThat(subscribe.errorCode()).isEqualTo(29021);
            assertThat(subscribe.detail()).isEqualTo("the token does not grant this account");
            assertThat(publish.status()).isEqualTo(403);
            assertThat(publish.errorCode()).isEqualTo(29021);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> gateway.tyrusHandshakes().size() == 1);
        }
    }

    @Test
    void publishWithAStaleToken_throws401() {
        try (Gateway gateway = Gateway.start("t1");
             SenderClient client = gateway.client(UUID.randomUUID()).token(() -> "stale").build()) {
            SenderException e = catchThrowableOfType(SenderException.class, () -> publish(client, "e1"));

            assertThat(e.status()).isEqualTo(401);
            assertThat(e.errorCode()).isEqualTo(29020);
            assertThat(gateway.calls()).singleElement().extracting(Gateway.Call::authorization)
                    .isEqualTo("Bearer stale");
        }
    }

    @Test
    void expiredToken_close4001_reconnectsAtOnce_withAFreshToken_andEventsFlowAgain() {
        Tokens tokens = new Tokens("t1");
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (Gateway gateway = Gateway.start("t1");
             SenderClient client = gateway.client(UUID.randomUUID()).token(tokens).reconnect(SLOW)
                     .connectionListener(recorder).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
            tokens.current.set("t2");
            gateway.expect("t2");

            assertThat(gateway.expireTokens()).isEqualTo(1);

            await().atMost(Recorder.TIMEOUT).until(() -> gateway.tyrusHandshakes().size() == 2
                    && subscription.state() == Subscription.State.OPEN);
            assertThat(gateway.tyrusHandshakes()).extracting(Gateway.Call::authorization)
                    .containsExactly("Bearer t1", "Bearer t2");
            assertThat(recorder.connectionLines).contains("close " + CloseCodes.TOKEN_EXPIRED);
            publish(client, "after-refresh");
            assertThat(subscription.next().event().eventId()).hasValue("after-refresh");
        }
    }

    @Test
    void expiredToken_whoseRefreshIsRefused_closesTheSubscriptionForGood_withThe401() {
        try (Gateway gateway = Gateway.start("t1");
             SenderClient client = gateway.client(UUID.randomUUID()).token(() -> "t1").reconnect(SLOW).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
            gateway.expect("t2");

            gateway.expireTokens();

            await().atMost(Recorder.TIMEOUT).until(() -> subscription.state() == Subscription.State.CLOSED);
            SubscriptionClosedException e = catchThrowableOfType(SubscriptionClosedException.class,
                    subscription::next);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.errorCode()).isEqualTo(29020);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> gateway.tyrusHandshakes().size() == 2);
        }
    }

    @Test
    void failingTokenSupplier_failsTheCall_withStatus0() {
        try (Gateway gateway = Gateway.start("t1");
             SenderClient client = gateway.client(UUID.randomUUID()).token(() -> {
                 throw new IllegalStateException("vault sealed");
             }).build()) {
            SenderException e = catchThrowableOfType(SenderException.class, () -> publish(client, "e1"));

            assertThat(e.status()).isZero();
            assertThat(e.detail()).contains("token supplier", "vault sealed");
            assertThat(gateway.calls()).isEmpty();
        }
    }

    @Test
    void toBuilder_keepsTheTokenSupplier() {
        try (Gateway gateway = Gateway.start("t1");
             SenderClient first = gateway.client(UUID.randomUUID()).token(() -> "t1").build();
             SenderClient second = first.toBuilder().build()) {
            publish(second, "e1");

            assertThat(gateway.calls()).extracting(Gateway.Call::authorization).containsExactly("Bearer t1");
        }
    }
}
