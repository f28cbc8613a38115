package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.server.testing.ServerFixture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sender's meters in the application's own Micrometer registry, and the shape of what {@code /metrics} serves. */
class MetricsRegistryTest {

    @Test
    void hostRegistry_getsSendersMeters_andLosesThemWhenTheServerStops() {
        SimpleMeterRegistry host = new SimpleMeterRegistry();
        try (ServerFixture server = ServerFixture.start(b -> b.meterRegistry(host))) {
            server.publish(UUID.randomUUID(), "{\"a\":1}");
            server.get("/version");

            Counter published = host.find("sender_events_published").tag("kind", "handler").counter();
            assertThat(published).isNotNull();
            assertThat(published.count()).isEqualTo(1.0);
            // Jetty counts a request after its response is written: the client may read the answer first.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(host.find("request_count").tag("path", "GET:/version").counter()).isNotNull());
            assertThat(server.get("/metrics").body()).contains("sender_events_published_total{kind=\"handler\"} 1.0");
        }
        assertThat(host.find("sender_events_published").meters()).isEmpty();
    }

    @Test
    void requestDurations_haveAShortExplicitSetOfBuckets() {
        try (ServerFixture server = ServerFixture.start()) {
            server.get("/version");

            String metrics = server.get("/metrics").body();
            Matcher buckets = Pattern.compile("request_duration_seconds_bucket\\{[^}]*path=\"GET:/version\"[^}]*}")
                    .matcher(metrics);
            int count = 0;
            while (buckets.find()) {
                count++;
            }
            assertThat(count).isEqualTo(13);
            assertThat(metrics).contains("le=\"0.005\"").doesNotContain("jvm_memory_used_bytes");
        }
    }

    @Test
    void processMeters_addTheJvmsAndTheProcess() {
        try (ServerFixture server = ServerFixture.start(b -> b.processMeters(true))) {
            assertThat(server.get("/metrics").body()).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live",
                    "process_cpu_usage", "process_uptime_seconds");
        }
    }

    @Test
    void metrics_passPromtoolsCheck() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assertThat(Files.isExecutable(promtool)).as("promtool is installed: apt-get install -y prometheus "
                + "(.ci/run does it)").isTrue();
        try (ServerFixture server = ServerFixture.start(b -> b.processMeters(true))) {
            server.publish(UUID.randomUUID(), "{\"a\":1}");
            server.get("/nowhere");
            byte[] metrics = server.get("/metrics").body().getBytes(StandardCharsets.UTF_8);

            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true)
                    .start();
            try (OutputStream in = check.getOutputStream()) {
                in.write(metrics);
            }
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(said).isZero();
        }
    }

    @Test
    void grafanaDashboard_readsOnlyMetersTheServerExports() throws Exception {
        String dashboard = Files.readString(Path.of("..", "docs", "grafana", "sender-dashboard.json"));
        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("\\b(?:sender|request|errors|jvm|process)_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            used.add(names.group());
        }
        try (ServerFixture server = ServerFixture.start(b -> b.processMeters(true))) {
            server.publish(UUID.randomUUID(), "{\"a\":1}");
            server.get("/nowhere");
            System.gc();

            assertThat(used).hasSizeGreaterThan(10);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = server.get("/metrics").body();
                assertThat(used).allSatisfy(name -> assertThat(metrics).as(name).contains(name));
            });
        }
    }
}
