package dev.sender.server.internal.websocket;

import dev.sender.core.HistoryOptions;
import dev.sender.core.Position;
import dev.sender.core.StartAt;
import dev.sender.filters.InvalidFilterException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The history parameters of a subscription's query (SPEC §9): {@value #HISTORY}, {@value #SINCE} and
 * {@value #REWIND}, reserved on both subscription paths. They are taken out of the query before the filter parser
 * sees it, and checked as strictly as a filter: a refusal is an {@link InvalidFilterException}, answered
 * {@code 400 12012} naming the parameter.
 */
final class HistoryParameters {

    /** {@code history=1}: messages carry their position. */
    static final String HISTORY = "history";
    /** {@code since=<position>}: the retained events after the position first; empty for all retained. */
    static final String SINCE = "since";
    /** {@code rewind=<n>}: the last n retained events that match first. */
    static final String REWIND = "rewind";

    private static final Set<String> RESERVED = Set.of(HISTORY, SINCE, REWIND);
    /** At most this many characters of a refused value are echoed in a detail. */
    private static final int MAX_ECHO = 40;

    /** A subscription without history: live, messages as LUNA sends them. */
    private static final HistoryParameters NONE = new HistoryParameters("", false, StartAt.live(), false);

    private final String filterQuery;
    private final boolean positions;
    private final StartAt start;
    private final boolean since;

    private HistoryParameters(String filterQuery, boolean positions, StartAt start, boolean since) {
        this.filterQuery = filterQuery;
        this.positions = positions;
        this.start = start;
        this.since = since;
    }

    /**
     * Takes the history parameters out of {@code rawQuery} and checks them against what the broker keeps.
     *
     * @param rawQuery the query as received, still percent-encoded; empty for none
     * @param history the broker's history
     * @throws InvalidFilterException for a repeated parameter, {@code history} other than {@code 1}, a malformed
     *     position, a {@code rewind} that is not an integer from 1 to the history size, {@code since} with
     *     {@code rewind}, or any of them while the broker keeps no history
     */
    static HistoryParameters take(String rawQuery, HistoryOptions history) {
        if (rawQuery.isEmpty() || !mayHoldReserved(rawQuery)) {
            return rawQuery.isEmpty() ? NONE : new HistoryParameters(rawQuery, false, StartAt.live(), false);
        }
        Map<String, List<String>> reserved = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder(rawQuery.length());
        for (String piece : rawQuery.split("&", -1)) {
            int eq = piece.indexOf('=');
            String name = decodeOrNull(eq < 0 ? piece : piece.substring(0, eq));
            if (name != null && RESERVED.contains(name)) {
                String value = eq < 0 ? "" : decodeOrNull(piece.substring(eq + 1));
                if (value == null) {
                    throw new InvalidFilterException(name, "malformed percent-encoding: '%' must be followed by two "
                            + "hexadecimal digits, and the bytes must be UTF-8");
                }
                reserved.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (!piece.isEmpty()) {
                rest.append(rest.length() == 0 ? "" : "&").append(piece);
            }
        }
        if (reserved.isEmpty()) {
            return new HistoryParameters(rawQuery, false, StartAt.live(), false);
        }
        return read(rest.toString(), reserved, history);
    }

    private static HistoryParameters read(String filterQuery, Map<String, List<String>> reserved,
            HistoryOptions history) {
        reserved.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidFilterException(name, "repeated parameter (given " + values.size()
                        + " times); give it once");
            }
        });
        String first = reserved.keySet().iterator().next();
        if (!history.enabled()) {
            throw new InvalidFilterException(first, "this server keeps no history (history-size is 0); subscribe "
                    + "without '" + HISTORY + "', '" + SINCE + "' and '" + REWIND + "'");
        }
        String historyValue = single(reserved, HISTORY);
        if (historyValue != null && !historyValue.equals("1")) {
            throw new InvalidFilterException(HISTORY, "must be 1, got " + echo(historyValue));
        }
        String sinceValue = single(reserved, SINCE);
        String rewindValue = single(reserved, REWIND);
        if (sinceValue != null && rewindValue != null) {
            throw new InvalidFilterException(REWIND, "cannot be given with '" + SINCE + "'; give one of them");
        }
        if (sinceValue != null) {
            return new HistoryParameters(filterQuery, true, StartAt.after(position(sinceValue)), true);
        }
        if (rewindValue != null) {
            return new HistoryParameters(filterQuery, true, StartAt.last(count(rewindValue, history.size())), false);
        }
        return new HistoryParameters(filterQuery, true, StartAt.live(), false);
    }

    private static @Nullable Position position(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Position.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException(SINCE, "not a position: " + e.getMessage());
        }
    }

    private static int count(String value, int max) {
        boolean digits = !value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
        long n = digits ? Long.parseLong(value) : -1;
        if (n < 1 || n > max) {
            throw new InvalidFilterException(REWIND, "expected an integer from 1 to " + max
                    + " (the history size), got " + echo(value));
        }
        return (int) n;
    }

    private static @Nullable String single(Map<String, List<String>> reserved, String name) {
        List<String> values = reserved.get(name);
        return values == null ? null : values.get(0);
    }

    /** Whether a piece of {@code rawQuery} may be named as a reserved parameter, encoded or not. */
    private static boolean mayHoldReserved(String rawQuery) {
        return rawQuery.indexOf('%') >= 0 || rawQuery.contains(HISTORY) || rawQuery.contains(SINCE)
                || rawQuery.contains(REWIND);
    }

    private static @Nullable String decodeOrNull(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String echo(String value) {
        return "'" + (value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value) + "'";
    }

    /** The query without the history parameters, for the filter parser. */
    String filterQuery() {
        return filterQuery;
    }

    /** Whether messages carry their position: any history parameter was given. */
    boolean positions() {
        return positions;
    }

    /** Where the subscription starts. */
    StartAt start() {
        return start;
    }

    /** Whether {@value #SINCE} was given, so that the {@code 101} says whether the history was recovered. */
    boolean since() {
        return since;
    }
}
