package dev.sender.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.sender.bench.load.PythonPeerScenario.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@code peer-python} that need no Python: the alternation of runs, the figures of a run, and the
 * failures it reports before starting anything. The stand-in itself needs python3-aiohttp, which CI lacks.
 */
class PythonPeerScenarioTest {

    @Test
    void order_runsEverySideOncePerRound_inTheOrderOfItsSeed() {
        List<Side> sides = List.of(Side.SENDER_MEMORY, Side.SENDER_REDIS, Side.PYTHON);

        List<List<Side>> order = PythonPeerScenario.order(sides, 20, 42);

        assertThat(order).hasSize(20).allSatisfy(round -> assertThat(round).containsExactlyInAnyOrderElementsOf(sides));
        assertThat(order.stream().map(round -> round.get(0)).distinct()).hasSize(3);
        assertThat(PythonPeerScenario.order(sides, 20, 42)).isEqualTo(order);
        assertThat(PythonPeerScenario.order(sides, 20, 43)).isNotEqualTo(order);
    }

    @Test
    void sides_bothSenderVariantsByDefault_redisOnlyWithTheFlag() {
        assertThat(PythonPeerScenario.sides(new Options(new String[0], 0)))
                .containsExactly(Side.SENDER_MEMORY, Side.SENDER_REDIS, Side.PYTHON);
        assertThat(PythonPeerScenario.sides(new Options(new String[] {"--redis"}, 0)))
                .containsExactly(Side.SENDER_REDIS, Side.PYTHON);
        assertThat(PythonPeerScenario.sides(new Options(new String[] {"--sender", "standalone"}, 0)))
                .containsExactly(Side.SENDER_STANDALONE, Side.PYTHON);
        assertThat(PythonPeerScenario.sides(new Options(new String[] {"--sender", "memory"}, 0)))
                .containsExactly(Side.SENDER_MEMORY, Side.PYTHON);
    }

    @Test
    void tail_readsPercentilesAndMaximumInMilliseconds() {
        Histogram latencies = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            latencies.recordValue(i * 1_000L);
        }
        latencies.recordValue(50_000_000L);

        Tail tail = Tail.of(latencies);

        assertThat(tail.p50()).isCloseTo(0.5, offset(0.01));
        assertThat(tail.p99()).isCloseTo(0.99, offset(0.01));
        assertThat(tail.max()).isCloseTo(50, offset(0.1));
        assertThat(Tail.of(new Histogram(3)).fields().get("p99_ms")).isNaN();
    }

    @Test
    void ratioAndMedian_goFigureByFigure() {
        Tail ratio = PythonPeerScenario.ratio(new Tail(1, 4, 9, 20), new Tail(2, 2, 3, 10));

        assertThat(ratio).isEqualTo(new Tail(0.5, 2, 3, 2));
        assertThat(Tail.median(List.of(new Tail(1, 5, 9, 9), new Tail(3, 1, 7, 8), new Tail(2, 3, 8, 7))))
                .isEqualTo(new Tail(2, 3, 8, 8));
    }

    @Test
    void peerPython_withoutItsInterpreter_failsNamingIt() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LoadTool.run(new String[] {"peer-python", "--python", "/nonexistent/python3"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/nonexistent/python3", "python3-aiohttp");
    }

    @Test
    void peerPython_withContradictoryBrokers_isRefused() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LoadTool.run(new String[] {"peer-python", "--redis", "--sender", "memory"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--redis", "--sender memory");
    }

    @Test
    void standinScript_isShippedBesideTheScenario() throws Exception {
        Path script = PythonStandin.extractScript();
        try {
            assertThat(Files.readString(script)).contains("POST /{api}/publish", "luna-sender:");
        } finally {
            Files.delete(script);
        }
    }
}
