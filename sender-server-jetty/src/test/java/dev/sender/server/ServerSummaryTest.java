package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.core.testkit.TestKeystore;
import dev.sender.server.internal.service.ServiceEndpoints;
import dev.sender.server.testing.LogCapture;
import dev.sender.server.testing.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line a server logs once it listens (where, its version and broker, the settings changed, secrets masked), and the
 * one once it stopped.
 */
class ServerSummaryTest {

    @TempDir
    Path dir;

    @Test
    void start_logsAddressVersionBrokerAndChangedSettings_maskingSecrets_andStop_logsUptime() {
        TestKeystore keystore = TestKeystore.generate(dir);
        Path secret = Tokens.hs256().writeSecret(dir);
        SenderSettings settings = SenderSettings.builder().host("127.0.0.1").port(0).pingInterval(Duration.ofSeconds(7))
                .tlsKeystore(keystore.path()).tlsKeystorePassword(keystore.password())
                .auth(AuthMode.JWT).jwtHs256SecretFile(secret).build();

        try (LogCapture log = LogCapture.of(SenderServer.class)) {
            SenderServer server = SenderServer.builder().settings(settings).loadPlugins(false)
                    .describe("api-token", "abc").build().start();
            int port = server.port();
            server.close();

            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(0)).isEqualTo("Sender listening on https://127.0.0.1:" + port
                    + " (version " + ServiceEndpoints.projectVersion() + ", broker in-memory, settings: "
                    + "host=127.0.0.1, port=0, ping-interval=PT7S, auth=jwt, jwt-hs256-secret-file=" + secret + ", tls-keystore="
                    + keystore.path() + ", tls-keystore-password=********, api-token=********)");
            assertThat(log.lines().get(1)).matches("Sender stopped after [0-9hm.]+s of uptime");
            assertThat(String.join("\n", log.lines())).doesNotContain(keystore.password());
        }
    }

    @Test
    void builderWithoutSettings_summarisesWhatItKnows() {
        try (LogCapture log = LogCapture.of(SenderServer.class);
                SenderServer server = SenderServer.builder().port(0).loadPlugins(false).build().start()) {

            assertThat(log.lines()).singleElement().asString().isEqualTo("Sender listening on http://0.0.0.0:"
                    + server.port() + " (version " + ServiceEndpoints.projectVersion()
                    + ", broker in-memory, settings: port=0)");
        }
    }

    @Test
    void brokerWithAHistoryOtherThanTheDefault_isSummarised() {
        try (Broker broker = Broker.inMemory(DeliveryOptions.ofDefaults(), HistoryOptions.OFF);
                LogCapture log = LogCapture.of(SenderServer.class);
                SenderServer server = SenderServer.builder().port(0).broker(broker).loadPlugins(false).build()
                        .start()) {

            assertThat(log.lines()).singleElement().asString().endsWith("settings: port=0, history-size=0)");
        }
    }

    @Test
    void closeTwice_logsTheStopOnce_andAServerNeverStarted_logsNothing() {
        try (LogCapture log = LogCapture.of(SenderServer.class)) {
            SenderServer started = SenderServer.builder().port(0).loadPlugins(false).build().start();
            started.close();
            started.close();
            SenderServer.builder().port(0).loadPlugins(false).build().close();

            assertThat(log.linesWith("Sender stopped")).hasSize(1);
        }
    }
}
