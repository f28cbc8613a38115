package dev.sender.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.server.SenderSettings;
import dev.sender.server.internal.service.ServiceEndpoints;
import dev.sender.server.internal.settings.Settings;
import dev.sender.server.internal.settings.SettingsSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneCommandTest {

    private static SettingsSource parse(Map<String, String> environment, String... args) {
        return StandaloneCommand.parse(args, environment, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void options_takeTheirValueAfterEqualsOrAsTheNextArgument() {
        SenderSettings settings = parse(Map.of(), "--port=6000", "--ping-interval", "5s", "--api-versions=2,3",
                "--host", "127.0.0.1").settings();

        assertThat(settings.port()).isEqualTo(6000);
        assertThat(settings.pingInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.apiVersions()).containsExactly(2, 3);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void options_overTheEnvironment_overTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sender.properties"),
                "port=6000\nping-interval=5s\nwrite-timeout=1s\n");

        SettingsSource source = parse(Map.of("SENDER_PORT", "6001", "SENDER_PING_INTERVAL", "6s",
                "SENDER_REDIS", "redis://cache:6379"), "--config=" + file, "--port", "6002");

        assertThat(source.settings().port()).isEqualTo(6002);
        assertThat(source.settings().pingInterval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(source.settings().writeTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(source.value(Settings.REDIS)).hasToString("redis://cache:6379");
    }

    @Test
    void viewer_isOnByDefault_andSwitchesOffByOptionOrVariable() {
        assertThat(parse(Map.of()).valueOrDefault(Settings.VIEWER)).isTrue();
        assertThat(parse(Map.of(), "--viewer=false").valueOrDefault(Settings.VIEWER)).isFalse();
        assertThat(parse(Map.of("SENDER_VIEWER", "false")).valueOrDefault(Settings.VIEWER)).isFalse();
        assertThatThrownBy(() -> parse(Map.of(), "--viewer=no")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--viewer").hasMessageContaining("'no' is not 'true' or 'false'");
    }

    @Test
    void anOptionGivenTwice_takesTheLastValue() {
        assertThat(parse(Map.of(), "--port", "6000", "--port=6001").settings().port()).isEqualTo(6001);
    }

    @Test
    void helpAndVersion_printAndGiveNoSettings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(StandaloneCommand.parse(new String[] {"-h"}, Map.of(), print)).isEmpty();
        assertThat(StandaloneCommand.parse(new String[] {"--version"}, Map.of(), print)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar sender-server.jar [OPTIONS]")
                .contains("sender-server " + ServiceEndpoints.projectVersion());
    }

    @Test
    void badValues_nameTheOptionOrVariable() {
        assertThatThrownBy(() -> parse(Map.of(), "--writer-threads=none"))
                .hasMessage("option '--writer-threads': 'none' is not an integer");
        assertThatThrownBy(() -> parse(Map.of("SENDER_MAX_BODY_BYTES", "lots")))
                .hasMessageStartingWith("environment variable SENDER_MAX_BODY_BYTES: 'lots' is not a size");
        assertThatThrownBy(() -> parse(Map.of(), "positional")).hasMessageContaining("'positional'");
    }
}
