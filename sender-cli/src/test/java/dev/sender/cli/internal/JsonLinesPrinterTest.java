package dev.sender.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.event.HandlerEventMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLinesPrinter<HandlerEventMessage> printer =
            new JsonLinesPrinter<>(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void print_writesTheMessageAsReceived_andANewline() {
        String received = "{\"event\":{\"b\":1.0,\"a\":\"é\"},\"handler_id\":\"h\",\"event-create-time\":\"t\","
                + "\"event-end-time\":\"t\",\"Luna-Request-id\":\"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\"}";

        assertThat(printer.print(HandlerEventMessage.parse(received))).isTrue();
        assertThat(printer.print(HandlerEventMessage.parse(received))).isTrue();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(received + "\n" + received + "\n");
    }

    @Test
    void print_putsAMessageSentOnSeveralLinesOnOne() {
        printer.print(HandlerEventMessage.parse("{\"event\": {\"a\": 1},\r\n \"handler_id\": \"h\",\n"
                + " \"event-create-time\": \"t\", \"event-end-time\": \"t\",\n"
                + " \"Luna-Request-id\": \"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\"}"));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).hasLineCount(1).isEqualTo(
                "{\"event\": {\"a\": 1},   \"handler_id\": \"h\",  \"event-create-time\": \"t\", \"event-end-time\": "
                        + "\"t\",  \"Luna-Request-id\": \"1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\"}\n");
    }
}
