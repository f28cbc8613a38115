package dev.sender.cli.internal;

import dev.sender.core.event.EventMessage;
import java.io.PrintStream;
import java.util.regex.Pattern;

/**
 * Prints each message as the JSON text the server sent, one message per line ({@code --format json}), so that
 * {@code jq} and line-oriented tools read them. A server that sent a message across several lines (JSON allows line
 * breaks between tokens, never inside a string) has those line breaks printed as spaces.
 *
 * @param <M> the messages printed
 */
final class JsonLinesPrinter<M extends EventMessage> implements MessagePrinter<M> {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\r\n]");

    private final PrintStream out;

    JsonLinesPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean print(M message) {
        String json = message.toJson();
        out.print(json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json : LINE_BREAKS.matcher(json).replaceAll(" "));
        out.print('\n');
        out.flush();
        return !out.checkError();
    }
}
