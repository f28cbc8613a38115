package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.testkit.TestKeystore;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.SenderServer;
import dev.sender.server.SenderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code https} origins: subscriptions over {@code wss} and calls over {@code https}, trusting a given context. */
class TlsClientTest {

    @TempDir
    static Path dir;
    static TestKeystore keystore;
    static SenderServer server;

    @BeforeAll
    static void startTlsServer() {
        keystore = TestKeystore.generate(dir);
        server = SenderServer.builder().loadPlugins(false).settings(SenderSettings.builder().port(0)
                .tlsKeystore(keystore.path()).tlsKeystorePassword(keystore.password()).build()).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI origin() {
        return URI.create("https://localhost:" + server.port());
    }

    @Test
    void wss_withACustomSslContext_subscribesPublishesAndCalls() {
        try (SenderClient client = SenderClient.builder().origin(origin()).accountId(UUID.randomUUID())
                .sslContext(keystore.trustingContext()).build()) {
            Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty());
            client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.person("over-wss", 1, 40)));

            assertThat(subscription.next().event().eventId()).hasValue("over-wss");
            assertThat(client.version().api()).isEqualTo(2);
            assertThat(client.health().executionTime().isNegative()).isFalse();
        }
    }

    @Test
    void untrustedCertificate_failsSubscribeAndPublish_withoutAnAnswer() {
        try (SenderClient client = SenderClient.builder().origin(origin()).accountId(UUID.randomUUID()).build()) {
            SenderException subscribe = catchThrowableOfType(SenderException.class,
                    () -> client.subscribe(HandlerEventFilter.empty()));
            SenderException version = catchThrowableOfType(SenderException.class, client::version);

            assertThat(subscribe.status()).isZero();
            assertThat(version.status()).isZero();
        }
    }

    @Test
    void toBuilder_keepsTheSslContext() {
        try (SenderClient first = SenderClient.builder().origin(origin()).sslContext(keystore.trustingContext())
                .build();
             SenderClient second = first.toBuilder().build()) {
            assertThat(second.version().api()).isEqualTo(2);
        }
    }
}
