package dev.sender.cli.internal;

import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import java.io.PrintStream;

/** How {@code subscribe} prints events: {@code --format json} or {@code --format table}. */
enum OutputFormat {
    /** One message per line, its JSON as the server sent it: for pipes and {@code jq}. */
    JSON,
    /** A table with a column per attribute a person watches for, one row per event. */
    TABLE;

    /** A printer of handler events to {@code out}. */
    MessagePrinter<HandlerEventMessage> handlerEvents(PrintStream out) {
        return this == JSON ? new JsonLinesPrinter<>(out) : TablePrinter.handlerEvents(out);
    }

    /** A printer of general events to {@code out}. */
    MessagePrinter<GeneralEventMessage> generalEvents(PrintStream out) {
        return this == JSON ? new JsonLinesPrinter<>(out) : TablePrinter.generalEvents(out);
    }
}
