package dev.sender.client.internal;

import dev.sender.client.EventsLostException;
import dev.sender.client.SenderException;
import dev.sender.core.ErrorCode;
import dev.sender.core.Position;
import dev.sender.core.StartAt;
import dev.sender.core.SubscriptionStart;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each connection of a subscription starts in the server's history (SPEC §9), so that a subscription that
 * reconnects misses nothing: the first connection asks for {@code history=1} (or the start the application chose),
 * every later one for {@code since=} the position of the last message received, or, when none was, the
 * {@code Sender-Position} of the first {@code 101}. A {@code 101} that says {@code Sender-Recovered: false} is a gap,
 * and so is a reconnect to a server that keeps no history.
 *
 * <p>A server that keeps no history refuses {@code history=1} with {@code 400 12012} (Sender with
 * {@code history-size=0}, or LUNA's Sender, which knows no such parameter), or ignores it and answers without
 * {@code Sender-Position}: the subscription then goes on without history. A start the application asked for itself
 * is its own: on the first connection, its refusal is the application's error.
 *
 * <p>Thread-safe; its monitor is innermost: nothing is called while it is held.
 */
final class Resumption {

    static final String HISTORY = "history";
    static final String SINCE = "since";
    static final String REWIND = "rewind";

    /** The subscription's URI, with its filters and without history parameters. */
    private final URI base;
    /** Whether the application chose the start itself, rather than the client's default resume. */
    private final boolean explicit;
    /** Whether gaps are reported: the client resumes, or the application asked for history. */
    private final boolean wanted;
    /** Whether connections ask for history; false without it, or once the server showed it keeps none. */
    private boolean history;
    /** Where the next connection starts. */
    private StartAt next;
    /** The start the current (or last) handshake asked for. */
    private StartAt asked;
    private boolean connectedOnce;
    /** Whether {@link #resumeFrom} holds the point to resume from. */
    private boolean resumable;
    /** The position of the last message received (or, before any, of the first {@code 101}); null for "before all". */
    private @Nullable Position resumeFrom;

    private Resumption(URI base, StartAt start, boolean explicit, boolean history) {
        this.base = base;
        this.explicit = explicit;
        this.wanted = history;
        this.history = history;
        this.next = start;
        this.asked = start;
        if (start instanceof StartAt.After after) {
            resumable = true;
            resumeFrom = after.position();
        }
    }

    /**
     * The connections of a subscription to {@code base}.
     *
     * @param start where the application asked to start; null for the client's default
     * @param resume whether the client resumes subscriptions by default ({@code SenderClient.Builder.resume})
     */
    static Resumption of(URI base, @Nullable StartAt start, boolean resume) {
        if (start != null) {
            return new Resumption(base, start, true, true);
        }
        return new Resumption(base, StartAt.live(), false, resume);
    }

    /** The URI of the next connection: {@link #base} with the history parameters of its start. */
    synchronized URI nextUri() {
        asked = next;
        if (!history) {
            return base;
        }
        String parameter;
        if (next instanceof StartAt.After after) {
            parameter = SINCE + "=" + (after.position() == null ? "" : after.position().value());
        } else if (next instanceof StartAt.Last last) {
            parameter = REWIND + "=" + last.count();
        } else {
            parameter = HISTORY + "=1";
        }
        return URI.create(base + (base.getRawQuery() == null ? "?" : "&") + parameter);
    }

    /**
     * A handshake of this subscription was refused with {@code refusal}: whether to try again at once without
     * history, because the server keeps none ({@code 400 12012}). Not for the first connection of a start the
     * application chose, whose refusal is its own.
     */
    synchronized boolean fallBack(SenderException refusal) {
        if (!history || explicit && !connectedOnce || refusal.status() != 400
                || !refusal.is(ErrorCode.BAD_QUERY_PARAMETERS)) {
            return false;
        }
        history = false;
        return true;
    }

    /**
     * A connection opened with the {@code 101}'s {@code headers}: returns the gap it reveals, or null.
     *
     * @param headers the answer's headers, as Tyrus hands them over
     */
    synchronized @Nullable EventsLostException opened(Map<String, List<String>> headers) {
        boolean reconnect = connectedOnce;
        connectedOnce = true;
        String latest = history ? header(headers, SubscriptionStart.POSITION_HEADER) : null;
        if (latest != null && !latest.isEmpty() && !Position.isWellFormed(latest)) {
            latest = null;
        }
        if (latest == null) {
            history = false;
            return wanted && (reconnect || asked instanceof StartAt.After) ? new EventsLostException(
                    "the server keeps no history, so events published while the subscription was not connected "
                            + "may be missing", resumeFrom) : null;
        }
        if (!resumable) {
            resumable = true;
            resumeFrom = latest.isEmpty() ? null : Position.of(latest);
        }
        EventsLostException gap = null;
        if (asked instanceof StartAt.After after
                && !"true".equals(header(headers, SubscriptionStart.RECOVERED_HEADER))) {
            gap = new EventsLostException("the server no longer holds the events after position "
                    + (after.position() == null ? "(none)" : after.position().value())
                    + " (Sender-Recovered: false); the subscription goes on from the oldest event it holds",
                    after.position());
            // The replay starts at the oldest event held: until a message arrives, that is where to resume.
            resumeFrom = null;
        }
        next = StartAt.after(resumeFrom);
        return gap;
    }

    /** A message arrived on the current connection: its position, if it has one, is where to resume. */
    synchronized void received(String frame) {
        if (history) {
            Position position = lastPosition(frame);
            if (position != null) {
                resumeFrom = position;
                resumable = true;
                next = StartAt.after(position);
            }
        }
    }

    /**
     * The {@code "position"} of a message, read from its end without parsing it: the server appends it as the last
     * top-level key (SPEC §9), so the text ends with {@code "position":"<position>"}; null when it does not.
     */
    static @Nullable Position lastPosition(String text) {
        int i = skipBlanks(text, text.length() - 1);
        if (i < 0 || text.charAt(i) != '}') {
            return null;
        }
        i = skipBlanks(text, i - 1);
        if (i < 0 || text.charAt(i) != '"') {
            return null;
        }
        int close = i;
        int open = text.lastIndexOf('"', close - 1);
        if (open < 0 || close - open - 1 > Position.MAX_LENGTH) {
            return null;
        }
        i = skipBlanks(text, open - 1);
        if (i < 0 || text.charAt(i) != ':') {
            return null;
        }
        i = skipBlanks(text, i - 1);
        String key = "\"position\"";
        if (i + 1 < key.length() || !text.startsWith(key, i + 1 - key.length())) {
            return null;
        }
        i = skipBlanks(text, i - key.length());
        String value = text.substring(open + 1, close);
        return i >= 0 && text.charAt(i) == ',' && Position.isWellFormed(value) ? Position.of(value) : null;
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static @Nullable String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                List<String> values = entry.getValue();
                return values == null || values.isEmpty() ? "" : values.get(0).strip();
            }
        }
        return null;
    }
}
