package dev.sender.cli.internal;

import dev.sender.core.event.CodedAttribute;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.Match;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Prints messages as a table for a person to watch ({@code --format table}): a header, then a row per event with
 * its time, source and the attributes a filter usually selects on. A missing value is {@code -}; a value too wide
 * for its column is cut short and ends with {@code ...}.
 *
 * <pre>
 * TIME                     SOURCE          HANDLER       AGE  GENDER  EMOTION    MASK          TOP MATCH
 * 2026-11-27 10:00:00.123  entrance-cam-1  8b8b5937-...  34   male    happiness  missing       vip 0.934
 * </pre>
 *
 * @param <M> the messages printed
 */
final class TablePrinter<M extends EventMessage> implements MessagePrinter<M> {

    /** What a missing value prints as. */
    static final String MISSING = "-";

    private static final String GAP = "  ";
    private static final String CUT = "...";
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private final PrintStream out;
    private final List<Column<M>> columns;
    /** Whether the header was printed: before the first row. */
    private boolean headed;

    private TablePrinter(PrintStream out, List<Column<M>> columns) {
        this.out = out;
        this.columns = columns;
    }

    /** A table of handler events: time, source, handler, age, gender, emotion, mask, top match. */
    static TablePrinter<HandlerEventMessage> handlerEvents(PrintStream out) {
        return new TablePrinter<>(out, List.of(
                new Column<>("TIME", 23, m -> time(m.eventCreateTime())),
                new Column<>("SOURCE", 14, m -> text(m.event().source())),
                new Column<>("HANDLER", 12, HandlerEventMessage::handlerId),
                new Column<>("AGE", 3, m -> number(m.event().age())),
                new Column<>("GENDER", 6, m -> m.event().gender().map(g -> g.name().toLowerCase(Locale.ROOT))
                        .orElse(MISSING)),
                new Column<>("EMOTION", 9, m -> text(m.event().emotion().map(CodedAttribute::wireName))),
                new Column<>("MASK", 12, m -> text(m.event().mask().map(CodedAttribute::wireName))),
                new Column<>("TOP MATCH", 32, m -> topMatch(m.event()))));
    }

    /** A table of general events: time, type, source, account, and the event itself. */
    static TablePrinter<GeneralEventMessage> generalEvents(PrintStream out) {
        return new TablePrinter<>(out, List.of(
                new Column<>("TIME", 23, m -> m.eventCreateTime() == null ? MISSING : time(m.eventCreateTime())),
                new Column<>("TYPE", 16, GeneralEventMessage::eventType),
                new Column<>("SOURCE", 14, m -> text(m.event().source())),
                new Column<>("ACCOUNT", 12, m -> m.accountId() == null ? MISSING : m.accountId()),
                new Column<>("EVENT", 60, m -> m.event().json())));
    }

    @Override
    public boolean print(M message) {
        if (!headed) {
            out.print(row(columns.stream().map(Column::title).toList()));
            headed = true;
        }
        out.print(row(columns.stream().map(column -> column.cell().apply(message)).toList()));
        out.flush();
        return !out.checkError();
    }

    /** One line of the table: each cell cut to its column's width, every column but the last padded to it. */
    private String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            int width = columns.get(i).width();
            String cell = fit(cells.get(i), width);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(width - cell.length())).append(GAP);
            }
        }
        return line.append('\n').toString();
    }

    /** {@code text} on one line, at most {@code width} characters. */
    static String fit(String text, int width) {
        String line = CONTROL.matcher(text).replaceAll(" ");
        return line.length() <= width ? line : line.substring(0, width - CUT.length()) + CUT;
    }

    /**
     * An ISO-8601 time as {@code 2026-11-27 10:00:00.123}, in the offset it was written with; any other text as it
     * is.
     */
    static String time(String text) {
        TemporalAccessor parsed = parse(text);
        return parsed == null ? text : TIME.format(parsed);
    }

    private static @Nullable TemporalAccessor parse(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    /** The best candidate of all matches: its list's label and its similarity, such as {@code vip 0.934}. */
    static String topMatch(Event event) {
        String label = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Match match : event.matches()) {
            for (Match.Candidate candidate : match.candidates()) {
                if (candidate.similarity() > best) {
                    best = candidate.similarity();
                    label = match.label();
                }
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            return MISSING;
        }
        String similarity = String.format(Locale.ROOT, "%.3f", best);
        return label == null ? similarity : label + " " + similarity;
    }

    private static String text(Optional<String> value) {
        return value.orElse(MISSING);
    }

    private static String number(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : MISSING;
    }

    /**
     * One column of the table.
     *
     * @param title the header
     * @param width how many characters its cells take at most
     * @param cell what a message shows in it
     * @param <M> the messages shown
     */
    private record Column<M>(String title, int width, Function<M, String> cell) {
    }
}
