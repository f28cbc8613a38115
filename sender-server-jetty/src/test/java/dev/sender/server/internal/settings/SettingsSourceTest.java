package dev.sender.server.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.server.SenderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSourceTest {

    @Test
    void everySource_appliesInRisingPrecedence(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sender.properties"),
                "port=6000\nping-interval=5s\nsubscriber-queue-bytes=2MiB\n");

        SenderSettings settings = new SettingsSource().file(file)
                .environment(Map.of("SENDER_PORT", "6001", "SENDER_PONG_TIMEOUT", "PT3S", "HOME", "/root"))
                .set("port", "6002").settings();

        assertThat(settings.port()).isEqualTo(6002);
        assertThat(settings.pingInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.pongTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.subscriberQueueBytes()).isEqualTo(2L << 20);
    }

    @Test
    void jsonFile_isReadToo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sender.json"),
                "{\"host\":\"127.0.0.1\",\"api-versions\":[2,3],\"max-body-bytes\":\"64KiB\",\"write-timeout\":\"250ms\"}");

        SenderSettings settings = new SettingsSource().file(file).settings();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.apiVersions()).containsExactly(2, 3);
        assertThat(settings.maxBodyBytes()).isEqualTo(64 << 10);
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badValues_andUnknownKeys_areNamed() {
        assertThatThrownBy(() -> new SettingsSource().set("port", "eighty")).hasMessageContaining("port")
                .hasMessageContaining("eighty");
        assertThatThrownBy(() -> new SettingsSource().set("ping-interval", "soon")).hasMessageContaining("ping-interval");
        assertThatThrownBy(() -> new SettingsSource().set("colour", "red")).hasMessageContaining("colour");
        assertThatThrownBy(() -> new SettingsSource().set("port", "70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> new SettingsSource().set("redis", "http://x:1")).hasMessageContaining("redis://");
    }

    @Test
    void redisUri_isKeptAsGiven() {
        assertThat(new SettingsSource().environment(Map.of("SENDER_REDIS", "redis://u:p@cache:6379/2"))
                .value(Settings.REDIS)).hasToString("redis://u:p@cache:6379/2");
    }
}
