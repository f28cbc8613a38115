package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.server.internal.StandaloneLogging;
import dev.sender.server.internal.settings.Setting;
import dev.sender.server.internal.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server's command line, run in this JVM: what it prints and the status it exits with. */
class SenderMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SenderMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_listsEverySettingOfTheTable_withItsDefaultAndVariable() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("--config=<file>", "--help", "--version", "Exit status:");
        for (Setting<?> setting : Settings.ALL) {
            assertThat(out()).containsPattern("(?m)^ +" + setting.option() + "=" + setting.type().label() + " +"
                    + java.util.regex.Pattern.quote(setting.description().substring(0, 20)));
            assertThat(out()).contains("default " + setting.defaultText() + ", environment "
                    + setting.environmentVariable());
        }
        assertThat(out()).contains("default 5080, environment SENDER_PORT", "default 16MiB", "default 20s");
        assertThat(err()).isEmpty();
    }

    @Test
    void version_printsTheProjectVersion() throws Exception {
        Properties version = new Properties();
        try (InputStream in = SenderMainTest.class.getResourceAsStream("/dev/sender/server/version.properties")) {
            version.load(in);
        }

        assertThat(run("--version")).isZero();

        assertThat(out()).startsWith("sender-server " + version.getProperty("version") + " ").hasLineCount(1);
        assertThat(run("-V")).isZero();
    }

    @Test
    void badValue_isOneLineNamingTheOption_andStatus2() {
        assertThat(run("--port=eighty")).isEqualTo(2);

        assertThat(err()).hasLineCount(1).contains("--port", "eighty").doesNotContain("Exception");
        assertThat(out()).isEmpty();
    }

    @Test
    void valueOutOfRange_orUnknownOption_orMissingValue_isStatus2() {
        assertThat(run("--max-subscribers", "0")).isEqualTo(2);
        assertThat(run("--colour=red")).isEqualTo(2);
        assertThat(run("--ping-interval")).isEqualTo(2);

        assertThat(err()).hasLineCount(3).contains("--max-subscribers", "--colour", "--ping-interval");
    }

    @Test
    void badHistorySetting_isOneLineNamingIt_andStatus2() {
        assertThat(run("--history-size=-1")).isEqualTo(2);
        assertThat(run("--history-ttl=0s")).isEqualTo(2);
        assertThat(run("--history-max-bytes=0")).isEqualTo(2);

        assertThat(err()).hasLineCount(3).contains("--history-size", "must not be negative, got -1",
                "--history-ttl", "must be at least 1ms, got 0s", "--history-max-bytes", "must be positive, got 0");
    }

    @Test
    void unreadableConfigurationFile_isOneLineNamingIt_andStatus2(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.properties");
        assertThat(run("--config", missing.toString())).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains(missing.toString(), "no such file");

        err.reset();
        Path broken = Files.writeString(dir.resolve("sender.json"), "{\"port\": ");
        assertThat(run("--config=" + broken)).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains(broken.toString(), "not valid JSON");

        err.reset();
        Path badValue = Files.writeString(dir.resolve("sender.properties"), "ping-interval=soon\n");
        assertThat(run("--config", badValue.toString())).isEqualTo(2);
        assertThat(err()).hasLineCount(1).contains("ping-interval", badValue.toString(), "soon");
    }

    @Test
    void badLogLevel_isOneLineNamingTheOptionAndTheLevels_andStatus2() {
        assertThat(run("--log-level=loud")).isEqualTo(2);

        assertThat(err()).hasLineCount(1).contains("--log-level", "'loud'", "trace, debug, info, warn, error or off");
    }

    @Test
    void missingLogConfiguration_isOneLineNamingIt_andStatus2_beforeAnythingStarts(@TempDir Path dir) {
        Path missing = dir.resolve("logback.xml");

        int status = SenderMain.run(new String[] {"--port=0", "--log-config", missing.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                StandaloneLogging::configure);

        assertThat(status).isEqualTo(2);
        assertThat(err()).hasLineCount(1).isEqualTo("sender: cannot read the log configuration " + missing
                + ": no such file" + System.lineSeparator());
    }

    @Test
    void takenPort_isOneLine_andStatus2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(run("--host=127.0.0.1", "--port=" + taken.getLocalPort())).isEqualTo(2);

            assertThat(err()).hasLineCount(1).startsWith("sender: cannot start Sender on 127.0.0.1:"
                    + taken.getLocalPort());
        }
    }
}
