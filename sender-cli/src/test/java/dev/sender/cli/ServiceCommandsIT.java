package dev.sender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.client.SenderClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code health} and {@code version} against a real server, and the jar itself. */
class ServiceCommandsIT {

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void health_ofAHealthyServer_isOneLine_status0() {
        CliProcess cli = CliProcess.run("health", "--origin", server.origin());

        assertThat(cli.status()).isEqualTo(SenderCli.OK);
        assertThat(cli.out()).singleElement().asString().matches("healthy \\(checked in \\d+\\.\\d ms\\)");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void health_ofAServerWhoseBrokerIsDown_isItsError_status3() {
        try (TestServer unhealthy = TestServer.start(TestBroker.unhealthy())) {
            CliProcess cli = CliProcess.run("health", "--origin", unhealthy.origin());

            assertThat(cli.status()).isEqualTo(SenderCli.REFUSED);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).singleElement().asString().startsWith("sender-cli: unhealthy: HTTP 502, error 29013 ")
                    .contains("Redis at redis://127.0.0.1:1 is unreachable");
        }
    }

    @Test
    void health_ofAnUnreachableServer_isStatus4() {
        String closed = "http://127.0.0.1:" + Ports.free();

        CliProcess cli = CliProcess.run("health", "--origin", closed);

        assertThat(cli.status()).isEqualTo(SenderCli.UNREACHABLE);
        assertThat(cli.err()).singleElement().asString().startsWith("sender-cli: cannot reach " + closed + ": ");
    }

    @Test
    void version_printsTheCliVersion_andWithAnOriginTheServers() throws IOException {
        String serverVersion;
        try (SenderClient client = SenderClient.builder().origin(URI.create(server.origin())).build()) {
            serverVersion = client.version().toString();
        }

        CliProcess alone = CliProcess.run("version");
        CliProcess withServer = CliProcess.run("version", "--origin", server.origin());

        assertThat(alone.status()).isEqualTo(SenderCli.OK);
        assertThat(alone.out()).containsExactly("sender-cli " + projectVersion());
        assertThat(withServer.status()).isEqualTo(SenderCli.OK);
        assertThat(withServer.out()).containsExactly("sender-cli " + projectVersion(), "server " + serverVersion);
    }

    @Test
    void theJar_carriesSendersLicence_andTheBundledLibrariesLicencesAndNotices_eachOnce() throws IOException {
        try (JarFile jar = new JarFile(CliProcess.JAR.toFile())) {
            String licence = entry(jar, "META-INF/LICENSE");
            String notice = entry(jar, "META-INF/NOTICE");
            String others = entry(jar, "META-INF/LICENSE.txt");

            assertThat(licence).isEqualTo(Files.readString(Path.of("..", "LICENSE")));
            assertThat(notice).contains("Sender\nCopyright 2026 the Sender authors").contains("Eclipse Tyrus")
                    .contains("Jackson");
            assertThat(others).contains("Eclipse Public License", "QOS.ch");
            assertThat(others.split("Copyright \\(c\\) 2004-2023 QOS.ch", -1)).as("slf4j's licence once").hasSize(2);
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(SenderCli.class.getName());
        }
    }

    private static String entry(JarFile jar, String name) throws IOException {
        return new String(jar.getInputStream(jar.getJarEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String projectVersion() throws IOException {
        Properties version = new Properties();
        try (InputStream in = ServiceCommandsIT.class.getResourceAsStream("/dev/sender/cli/version.properties")) {
            version.load(in);
        }
        return version.getProperty("version");
    }
}
