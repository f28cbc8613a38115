package dev.sender.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveCounterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;
    private final LiveCounter counter = new LiveCounter(err, () -> now);

    @Test
    void tick_drawsTheCountAndTheRateOfTheLastSecond_inPlace() {
        advance(250);
        counter.tick();
        for (int i = 0; i < 10; i++) {
            counter.message(() -> { });
        }
        advance(250);
        counter.tick();

        assertThat(drawn()).isEqualTo("\rreceived 0 events, 0.0/s" + "\r" + " ".repeat(24) + "\r"
                + "\rreceived 10 events, 20.0/s");
    }

    @Test
    void theRate_coversOnlyTheLastSecond() {
        for (int i = 0; i < 100; i++) {
            counter.message(() -> { });
        }
        for (int i = 0; i < 4; i++) {
            advance(250);
            counter.tick();
        }
        assertThat(lastLine()).isEqualTo("received 100 events, 100.0/s");

        counter.message(() -> { });
        advance(250);
        counter.tick();

        assertThat(lastLine()).isEqualTo("received 101 events, 1.0/s");
    }

    @Test
    void aMessageOrANote_erasesTheLineFirst() {
        counter.tick();
        counter.message(() -> err.print("{\"event\":{}}\n"));
        counter.note("sender-cli: reconnected");

        assertThat(drawn()).isEqualTo("\rreceived 0 events, 0.0/s" + "\r" + " ".repeat(24) + "\r"
                + "{\"event\":{}}\n" + "sender-cli: reconnected" + System.lineSeparator());
    }

    @Test
    void aLineThatReadsTheSame_isNotDrawnAgain() {
        counter.tick();
        advance(250);
        counter.tick();

        assertThat(drawn()).isEqualTo("\rreceived 0 events, 0.0/s");
    }

    @Test
    void aShorterLine_coversTheLongerOneBeforeIt() {
        for (int i = 0; i < 100; i++) {
            counter.message(() -> { });
        }
        for (int i = 0; i < 5; i++) {
            advance(250);
            counter.tick();
        }

        assertThat(drawn()).endsWith("\rreceived 100 events, 100.0/s" + "\rreceived 100 events, 0.0/s" + "  ");
    }

    @Test
    void close_leavesTheFinalCountOnItsOwnLine_once() {
        counter.message(() -> { });
        advance(1000);

        counter.close();
        counter.close();
        counter.tick();

        assertThat(drawn()).isEqualTo("\rreceived 1 event, 1.0/s" + System.lineSeparator());
    }

    private void advance(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private String drawn() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String lastLine() {
        String text = drawn();
        return text.substring(text.lastIndexOf('\r') + 1).strip();
    }
}
