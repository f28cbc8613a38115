package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sender.core.CloseCodes;
import dev.sender.core.ErrorCode;
import dev.sender.core.event.Gender;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.AuthMode;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed client against a server with {@code auth=jwt} (SPEC §8): the token supplier is asked for every call
 * and handshake, the server's refusals surface with their codes and are never retried, imposed filters narrow
 * what arrives, and a token that expires (close 4001) is replaced by a fresh one from the supplier.
 */
class AccessControlTest {

    private static final ReconnectPolicy FAST = ReconnectPolicy.exponentialBackoff()
            .initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(100)).build();

    @TempDir
    static Path dir;
    private static byte[] secret;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        secret = TextSecret.generate();
        Path file = TextSecret.write(dir.resolve("secret"), secret);
        server = TestServer.start(SenderSettings.builder().auth(AuthMode.JWT).jwtHs256SecretFile(file)
                .jwtClockSkew(Duration.ZERO).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token(UUID account, Duration lifetime, Optional<String> filter) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("guard")
                .claim("scope", "subscribe publish").claim("accounts", List.of(account.toString()))
                .expirationTime(Date.from(Instant.now().plus(lifetime)));
        filter.ifPresent(f -> claims.claim("filter", f));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jwt.serialize();
    }

    private static void publish(SenderClient client, String id, int gender) {
        client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.person(id, gender, 40)));
    }

    @Test
    void tokenOfTheAccount_subscribesAndPublishes() {
        UUID account = UUID.randomUUID();
        String token = token(account, Duration.ofMinutes(5), Optional.empty());
        try (SenderClient client = server.client(account).token(() -> token).build();
             Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty())) {
            publish(client, "e1", 1);

            assertThat(subscription.next(Recorder.TIMEOUT)).hasValueSatisfying(
                    m -> assertThat(m.event().eventId()).hasValue("e1"));
        }
    }

    @Test
    void noToken_orATokenOfAnotherAccount_isRefusedWithTheServersError() {
        UUID account = UUID.randomUUID();
        String foreign = token(UUID.randomUUID(), Duration.ofMinutes(5), Optional.empty());
        try (SenderClient anonymous = server.client(account).reconnect(FAST).build();
             SenderClient stranger = server.client(account).token(() -> foreign).reconnect(FAST).build()) {
            SenderException missing = catchThrowableOfType(SenderException.class,
                    () -> anonymous.subscribe(HandlerEventFilter.empty()));
            SenderException forbidden = catchThrowableOfType(SenderException.class,
                    () -> stranger.subscribe(HandlerEventFilter.empty()));
            SenderException publish = catchThrowableOfType(SenderException.class, () -> publish(stranger, "e", 1));

            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.errorCode()).isEqualTo(ErrorCode.UNAUTHORIZED.code());
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED.code());
            assertThat(publish.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED.code());
        }
    }

    @Test
    void imposedFilter_narrowsWhatTheSubscriptionReceives_whateverItAsks() {
        UUID account = UUID.randomUUID();
        String menOnly = token(account, Duration.ofMinutes(5), Optional.of("gender=1"));
        try (SenderClient client = server.client(account).token(() -> menOnly).build();
             Subscription<HandlerEventMessage> women = client.subscribe(
                     HandlerEventFilter.builder().gender(Gender.FEMALE).build());
             Subscription<HandlerEventMessage> everyone = client.subscribe(HandlerEventFilter.empty())) {
            publish(client, "woman", 0);
            publish(client, "man", 1);

            assertThat(everyone.next(Recorder.TIMEOUT)).hasValueSatisfying(
                    m -> assertThat(m.event().eventId()).hasValue("man"));
            assertThat(women.next(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void expiringToken_isClosedWith4001_andTheClientReconnectsWithAFreshOne() {
        UUID account = UUID.randomUUID();
        AtomicInteger asked = new AtomicInteger();
        Recorder<HandlerEventMessage> recorder = new Recorder<>();
        try (SenderClient client = server.client(account).connectionListener(recorder).token(() -> token(account,
                asked.incrementAndGet() == 1 ? Duration.ofSeconds(2) : Duration.ofMinutes(5), Optional.empty()))
                .build();
             Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty())) {

            await().atMost(Duration.ofSeconds(15)).until(
                    () -> recorder.connectionLines.contains("close " + CloseCodes.TOKEN_EXPIRED)
                            && subscription.state() == Subscription.State.OPEN && asked.get() >= 2);
            publish(client, "after-refresh", 1);

            assertThat(subscription.next(Recorder.TIMEOUT)).hasValueSatisfying(
                    m -> assertThat(m.event().eventId()).hasValue("after-refresh"));
        }
    }

    /** A supplier that counts how often the client asks it. */
    private static final class Counting implements Supplier<String> {
        final AtomicInteger asked = new AtomicInteger();
        private final Supplier<String> tokens;

        Counting(Supplier<String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public String get() {
            asked.incrementAndGet();
            return tokens.get();
        }
    }

    @Test
    void tokenSupplier_isAskedForEveryHandshakeAndCall() {
        UUID account = UUID.randomUUID();
        Counting tokens = new Counting(() -> token(account, Duration.ofMinutes(5), Optional.empty()));
        try (SenderClient client = server.client(account).token(tokens).build();
             Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty())) {
            publish(client, "e1", 1);
            assertThat(client.version().api()).isEqualTo(2);

            assertThat(subscription.next(Recorder.TIMEOUT)).isPresent();
            assertThat(tokens.asked).hasValue(3);
        }
    }

    @Test
    void refusedHandshake_isNotRetried() {
        UUID account = UUID.randomUUID();
        Counting foreign = new Counting(() -> token(UUID.randomUUID(), Duration.ofMinutes(5), Optional.empty()));
        try (SenderClient client = server.client(account).token(foreign).reconnect(FAST).build()) {
            catchThrowableOfType(SenderException.class, () -> client.subscribe(HandlerEventFilter.empty()));
            int askedByTheRefusal = foreign.asked.get();

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> foreign.asked.get() == askedByTheRefusal);
        }
    }

    @Test
    void expiredToken_whoseRefreshIsRefused_closesTheSubscriptionForGood_withTheServersError() {
        UUID account = UUID.randomUUID();
        AtomicInteger asked = new AtomicInteger();
        try (SenderClient client = server.client(account).token(() -> asked.incrementAndGet() == 1
                ? token(account, Duration.ofSeconds(2), Optional.empty())
                : token(UUID.randomUUID(), Duration.ofMinutes(5), Optional.empty())).reconnect(FAST).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());

            await().atMost(Duration.ofSeconds(15)).until(() -> subscription.state() == Subscription.State.CLOSED);
            SubscriptionClosedException e = catchThrowableOfType(SubscriptionClosedException.class,
                    subscription::next);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED.code());
        }
    }

    @Test
    void failingTokenSupplier_failsTheCall_withStatus0_namingIt() {
        try (SenderClient client = server.client(UUID.randomUUID()).token(() -> {
            throw new IllegalStateException("vault sealed");
        }).build()) {
            SenderException e = catchThrowableOfType(SenderException.class, () -> publish(client, "e1", 1));

            assertThat(e.status()).isZero();
            assertThat(e.detail()).contains("token supplier", "vault sealed");
        }
    }

    @Test
    void toBuilder_keepsTheTokenSupplier() {
        UUID account = UUID.randomUUID();
        String token = token(account, Duration.ofMinutes(5), Optional.empty());
        try (SenderClient first = server.client(account).token(() -> token).build();
             SenderClient second = first.toBuilder().build();
             Subscription<HandlerEventMessage> subscription = second.subscribe(HandlerEventFilter.empty())) {
            publish(second, "e1", 1);

            assertThat(subscription.next(Recorder.TIMEOUT)).isPresent();
        }
    }
}
