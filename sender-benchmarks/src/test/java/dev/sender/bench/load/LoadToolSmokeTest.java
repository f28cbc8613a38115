package dev.sender.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short runs of the load tool, so that CI knows it still works: it must deliver events without a loss, a
 * duplicate, a misroute, a malformed message, a disconnection or a refused publication. No figure is asserted:
 * performance lives in docs/performance.md. (The compare run gives Sender a queue no lagging subscriber fills
 * on a busy machine: the window is shared by all subscribers, so one of them can fall behind the others.)
 */
class LoadToolSmokeTest {

    @Test
    void fanout_deliversEveryEventWithoutErrors() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LoadTool.run(new String[] {"fanout", "--subscribers", "10", "--size", "5120", "--warmup", "1",
                "--duration", "2", "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode result = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(result.get("scenario").asText()).isEqualTo("fanout");
        assertThat(result.get("events_published").asLong()).isPositive();
        assertThat(result.get("delivered_per_sec").asDouble()).isPositive();
        assertThat(result.get("dropped").asLong()).isZero();
        assertThat(result.get("disconnected").asInt()).isZero();
        assertThat(result.get("publish_failures").asLong()).isZero();
        assertThat(result.get("bare_jetty_per_sec").asDouble()).isPositive();
        assertThat(result.get("duplicates").asLong()).isZero();
        assertThat(result.get("misroutes").asLong()).isZero();
        assertThat(result.get("malformed").asLong()).isZero();
        for (String field : List.of("subscribers", "size", "p50_ms", "p99_ms", "p999_ms", "ratio")) {
            assertThat(result.has(field)).as(field).isTrue();
        }
    }

    @Test
    void fanoutComparingHistory_runsBothVariants() throws Exception {
        JsonNode result = run("fanout", "--subscribers", "5", "--warmup", "1", "--duration", "1", "--no-bare-jetty",
                "--history", "compare", "--json");

        assertThat(result.get("history").asText()).isEqualTo("compare");
        assertThat(result.get("history_delivered_per_sec").asDouble()).isPositive();
        assertThat(result.get("history_dropped").asLong()).isZero();
        assertThat(result.has("history_cost")).isTrue();
    }

    @Test
    void compare_interleavesSenderAndTheReferencesWithCleanAccounts() throws Exception {
        JsonNode result = run("compare", "--pairs", "1", "--sides", "sender,nio-ceiling,bare-jetty", "--subscribers",
                "10", "--warmup", "0", "--duration", "1", "--seed", "14", "--queue-bytes", "67108864", "--json");

        assertThat(result.get("seed").asLong()).isEqualTo(14);
        assertThat(result.get("orders").get(0)).hasSize(3);
        for (String side : List.of("sender", "nio_ceiling", "bare_jetty")) {
            assertThat(result.get(side + "_per_sec").asDouble()).as(side).isPositive();
            assertThat(result.get(side + "_subscribers_audited").asInt()).as(side).isEqualTo(10);
            for (String count : List.of("lost", "duplicates", "misroutes", "malformed", "disconnected",
                    "publish_failures")) {
                assertThat(result.get(side + "_" + count).asLong()).as(side + "_" + count).isZero();
            }
            assertThat(result.get(side + "_cpu_us_per_delivery").get("tool_process").asDouble()).as(side)
                    .isPositive();
        }
        assertThat(result.get("sender_to_nio_ceiling_ratios")).hasSize(1);
        assertThat(result.get("sender_to_bare_jetty").asDouble()).isPositive();
    }

    @Test
    void replay_timesTheReplayOfRetainedEvents() throws Exception {
        JsonNode result = run("replay", "--events", "200", "--repeat", "3", "--warmup-replays", "1", "--json");

        assertThat(result.get("events").asInt()).isEqualTo(200);
        assertThat(result.get("replay_ms").asDouble()).isPositive();
        assertThat(result.get("replay_ms_max").asDouble()).isGreaterThanOrEqualTo(result.get("replay_ms_min")
                .asDouble());
    }

    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
