package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.sender.redis.testing.RedisServerProcess;
import dev.sender.server.testing.StandaloneJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shaded jar, started as a user would: {@code java -jar sender-server-jetty/target/sender-server.jar}. */
class StandaloneJarIT {

    private static final Pattern LISTENING = Pattern.compile("Sender listening on http://([^:]+):(\\d+)");

    @Test
    void standaloneJar_startsLogsWhereItListens_answersVersion_andStopsOnSigterm() throws Exception {
        Path jar = Path.of("target", "sender-server.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0",
                "--history-size", "7", "--history-ttl=90s").redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            Matcher listening = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening = m;
                    break;
                }
            }
            assertThat(listening).as("the log line with the address, in %s", output).isNotNull();
            assertThat(listening.group(1)).isEqualTo("127.0.0.1");

            HttpResponse<String> version = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + listening.group(2) + "/version")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(version.statusCode()).isEqualTo(200);
            assertThat(version.body()).contains("\"api\":2");
            HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + listening.group(2) + "/config")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(config.body()).contains("\"history-size\":7", "\"history-ttl\":\"PT1M30S\"",
                    "\"history-max-bytes\":268435456");
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        }
    }

    @Test
    void standaloneJar_withRedis_isHealthy_andMasksThePassword() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            redis.command("CONFIG", "SET", "requirepass", "hunter2");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder withRedis = new ProcessBuilder(java, "-jar", "target/sender-server.jar", "--host",
                    "127.0.0.1", "--port", "0").redirectErrorStream(true);
            withRedis.environment().put("SENDER_REDIS", "redis://default:hunter2@127.0.0.1:" + redis.port() + "/0");
            Process server = withRedis.start();
            try {
                List<String> output = new CopyOnWriteArrayList<>();
                String base = "http://127.0.0.1:" + StandaloneJar.awaitPort(server, output);
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthcheck")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(base + "/config")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(config.body()).contains("\"redis\":\"redis://default:********@127.0.0.1:")
                        .contains("\"broker\":\"redis\"").doesNotContain("hunter2");
                assertThat(output).filteredOn(line -> line.contains("Sender listening on")).singleElement().asString()
                        .contains("broker redis, settings: host=127.0.0.1, port=0, redis=redis://default:********@127.0.0.1:")
                        .doesNotContain("hunter2");
            } finally {
                server.destroy();
                assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void standaloneJar_withRedisNotUpYet_starts_answers502And500_andWorksOnceRedisComesUp_withoutRestart()
            throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.reserve()) {
            Process server = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host", "127.0.0.1",
                    "--port", "0", "--redis", redis.uri().toString()).redirectErrorStream(true).start();
            try {
                List<String> output = new CopyOnWriteArrayList<>();
                String base = "http://127.0.0.1:" + StandaloneJar.awaitPort(server, output);
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> down = http.send(HttpRequest.newBuilder(URI.create(base + "/healthcheck")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/2/general_events/publish"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"event\":{\"seq\":1},\"event_type\":\"door\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertThat(down.statusCode()).isEqualTo(502);
                assertThat(down.body()).contains("29013").contains("Redis at redis://127.0.0.1:" + redis.port());
                assertThat(refused.statusCode()).isEqualTo(500);
                assertThat(refused.body()).contains("29004");
                assertThat(output).filteredOn(line -> line.contains("is not reachable yet; retrying")).hasSize(1);

                redis.launch();

                await().atMost(Duration.ofSeconds(10)).until(() -> http.send(HttpRequest.newBuilder(
                        URI.create(base + "/healthcheck")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200);
                assertThat(server.isAlive()).as("the same process, not restarted").isTrue();
                assertThat(output).filteredOn(line -> line.contains("is not reachable yet; retrying")).hasSize(1);
            } finally {
                server.destroy();
                assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void logs_requestsOnTheAccessLog_atInfo_withoutDebugLines() throws Exception {
        Process process = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host=127.0.0.1", "--port=0")
                .redirectErrorStream(true).start();
        try {
            List<String> output = new CopyOnWriteArrayList<>();
            int port = StandaloneJar.awaitPort(process, output);
            assertThat(get(port, "/nope").statusCode()).isEqualTo(404);

            await().atMost(Duration.ofSeconds(10)).until(() -> output.stream().anyMatch(line -> line.matches("\\S+ "
                    + "\\[[^]]+] INFO  dev\\.sender\\.server\\.access - event=http method=GET path=/nope status=404 .*")));
            assertThat(output).noneMatch(line -> line.contains(" DEBUG "));
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void logLevelDebug_setsTheRootLevel() throws Exception {
        Process process = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host=127.0.0.1", "--port=0",
                "--log-level=debug").redirectErrorStream(true).start();
        try {
            List<String> output = new CopyOnWriteArrayList<>();
            int port = StandaloneJar.awaitPort(process, output);
            assertThat(get(port, "/nope").statusCode()).isEqualTo(404);

            await().atMost(Duration.ofSeconds(10)).until(() -> output.stream().anyMatch(line ->
                    line.contains(" DEBUG dev.sender.server.internal.http.Exchange - ")
                            && line.contains("GET /nope answered 404")));
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void logConfigurationFile_replacesTheBuiltInOne_andCanSilenceTheAccessLog(boolean byOption, @TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("my-logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>MINE %level %logger{0}: %msg%n</pattern></encoder>
                  </appender>
                  <logger name="dev.sender.server.access" level="OFF"/>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        List<String> command = new ArrayList<>(List.of(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host=127.0.0.1",
                "--port=0"));
        if (byOption) {
            command.add("--log-config=" + file);
        } else {
            command.add(1, "-Dlogback.configurationFile=" + file);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        try {
            int port = StandaloneJar.awaitPort(process, output);
            assertThat(get(port, "/version").statusCode()).isEqualTo(200);
        } finally {
            // SIGTERM through the handle, which leaves the output open (Process.destroy closes it): the stop is logged.
            process.toHandle().destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> output.stream().anyMatch(line -> line.matches(
                "MINE INFO SenderServer: Sender stopped after .* of uptime")));
        assertThat(output).filteredOn(line -> line.contains("Sender listening on")).singleElement().asString()
                .startsWith("MINE INFO SenderServer: Sender listening on http://127.0.0.1:");
        assertThat(output).noneMatch(line -> line.contains("event=http"));
    }

    @Test
    void brokenLogConfiguration_isOneLineOnStandardError_andStatus2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.xml"),
                "<configuration><appender name=\"x\" class=\"no.Such\">");
        Process process = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--port=0",
                "--log-config=" + file).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).hasLineCount(1).startsWith("sender: cannot use the log configuration " + file + ": ");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void help_listsEveryOptionWithItsEnvironmentVariable() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", "target/sender-server.jar", "--help")
                .redirectErrorStream(true).start();
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(help).contains("--host", "--port", "--config", "SENDER_PORT", "--ping-interval");
        assertThat(Files.exists(Path.of("target", "sender-server.jar"))).isTrue();
    }

    @Test
    void version_printsTheProjectVersion() throws Exception {
        Properties version = new Properties();
        try (InputStream in = StandaloneJarIT.class.getResourceAsStream("/dev/sender/server/version.properties")) {
            version.load(in);
        }
        Process process = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--version").start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(out).startsWith("sender-server " + version.getProperty("version") + " ").hasLineCount(1);
    }

    @Test
    void optionsWithEquals_startTheServerThere() throws Exception {
        Process process = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host=127.0.0.1", "--port=0",
                "--ping-interval=7s").redirectErrorStream(true).start();
        try {
            String base = "http://127.0.0.1:" + StandaloneJar.awaitPort(process);
            HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/config")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(config.body()).contains("\"host\":\"127.0.0.1\"", "\"ping-interval\":\"PT7S\"");
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void standaloneJar_servesTheApiPage_theViewer_andTheManualsPictures_fromItself() throws Exception {
        Process process = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host=127.0.0.1", "--port=0")
                .redirectErrorStream(true).start();
        try {
            String base = "http://127.0.0.1:" + StandaloneJar.awaitPort(process);
            for (String path : List.of("/docs/spec/ui/swagger-ui-bundle.js", "/docs/spec/ui/swagger-ui.css",
                    "/docs/spec/ui/favicon-32x32.png", "/viewer/", "/viewer/viewer.js", "/viewer/catalogue.json",
                    "/docs/dev/operators.html", "/docs/dev/images/viewer.png")) {
                HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        Process withoutViewer = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host=127.0.0.1",
                "--port=0", "--viewer=false").redirectErrorStream(true).start();
        try {
            HttpResponse<String> viewer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + StandaloneJar.awaitPort(withoutViewer) + "/viewer/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(viewer.statusCode()).isEqualTo(404);
            assertThat(viewer.body()).contains("12013", "the viewer is off");
        } finally {
            withoutViewer.destroy();
            assertThat(withoutViewer.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void takenPort_isOneLineOnStandardError_andStatus2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process process = new ProcessBuilder(StandaloneJar.java(), "-jar", "target/sender-server.jar", "--host", "127.0.0.1",
                    "--port=" + taken.getLocalPort()).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(err).hasLineCount(1).startsWith("sender: cannot start Sender on 127.0.0.1:"
                    + taken.getLocalPort());
        }
    }

    @Test
    void standaloneJar_carriesSendersLicence_andTheBundledLibrariesNoticesUnderItsOwn() throws Exception {
        try (JarFile jar = new JarFile("target/sender-server.jar")) {
            String licence = new String(jar.getInputStream(jar.getJarEntry("META-INF/LICENSE")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String notice = new String(jar.getInputStream(jar.getJarEntry("META-INF/NOTICE")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String others = new String(jar.getInputStream(jar.getJarEntry("META-INF/LICENSE.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);

            assertThat(licence).isEqualTo(Files.readString(Path.of("..", "LICENSE")));
            assertThat(notice).contains("Sender\nCopyright 2026 the Sender authors").contains("Jackson");
            assertThat(others).contains("QOS.ch", "Atlassian", "Gil Tene");
            assertThat(others.split("Copyright \\(c\\) 2004-2023 QOS.ch", -1)).as("slf4j's licence once").hasSize(2);
        }
    }
}
