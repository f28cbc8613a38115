package dev.sender.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.Event;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.testkit.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void handlerEvents_printAHeaderOnce_thenARowPerEvent_withTheAttributesOfTheLunaSample() {
        TablePrinter<HandlerEventMessage> table = TablePrinter.handlerEvents(out);

        assertThat(table.print(SampleEvents.message())).isTrue();
        assertThat(table.print(SampleEvents.message())).isTrue();

        assertThat(lines()).containsExactly(
                "TIME                     SOURCE          HANDLER       AGE  GENDER  EMOTION    MASK          "
                        + "TOP MATCH",
                "2019-08-24 14:15:22.000  3rd Avenue      557d54ec-...  50   female  surprise   medical_mask  "
                        + "good guys 0.500",
                "2019-08-24 14:15:22.000  3rd Avenue      557d54ec-...  50   female  surprise   medical_mask  "
                        + "good guys 0.500");
    }

    @Test
    void handlerEvents_showMissingAttributesAsADash_andTimesThatAreNotIso8601AsWritten() {
        TablePrinter<HandlerEventMessage> table = TablePrinter.handlerEvents(out);

        table.print(new HandlerEventMessage(Event.parse("{\"event_id\":\"e1\"}"), "h1", "yesterday", "today",
                "1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a"));

        assertThat(lines()[1]).isEqualTo(
                "yesterday                -               h1            -    -       -          -             -");
    }

    @Test
    void generalEvents_showTypeAccountAndTheEventOnOneLine() {
        TablePrinter<GeneralEventMessage> table = TablePrinter.generalEvents(out);

        table.print(new GeneralEventMessage(Event.parse("{\"source\":\"door-3\",\n \"state\":\"open\"}"),
                "door_opened", null, "2026-11-27T10:00:00.5+03:00", null, null));

        assertThat(lines()).containsExactly(
                "TIME                     TYPE              SOURCE          ACCOUNT       EVENT",
                "2026-11-27 10:00:00.500  door_opened       door-3          -             "
                        + "{\"source\":\"door-3\",  \"state\":\"open\"}");
    }

    @Test
    void fit_cutsTooWideCellsWithAnEllipsis_andPutsControlCharactersOnOneLine() {
        assertThat(TablePrinter.fit("entrance-camera-12", 14)).isEqualTo("entrance-ca...");
        assertThat(TablePrinter.fit("exactly-14-chr", 14)).isEqualTo("exactly-14-chr");
        assertThat(TablePrinter.fit("two\nlines", 14)).isEqualTo("two lines");
    }

    @Test
    void time_keepsTheOffsetItWasWrittenWith() {
        assertThat(TablePrinter.time("2026-11-27T23:59:59.123456+03:00")).isEqualTo("2026-11-27 23:59:59.123");
        assertThat(TablePrinter.time("2026-11-27T10:00:00Z")).isEqualTo("2026-11-27 10:00:00.000");
        assertThat(TablePrinter.time("2026-11-27T10:00:00")).isEqualTo("2026-11-27 10:00:00.000");
    }

    @Test
    void print_isFalse_onceTheOutputIsGone() {
        PrintStream gone = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });

        assertThat(TablePrinter.handlerEvents(gone).print(SampleEvents.message())).isFalse();
        assertThat(new JsonLinesPrinter<HandlerEventMessage>(gone).print(SampleEvents.message())).isFalse();
    }

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).split("\n");
    }
}
