package dev.sender.core.testkit;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A program of a page ({@link DocSnippets}) running on a thread of its own, with what it prints on
 * {@code System.out}, from any thread, recorded line by line (and still printed) until it returns.
 */
public final class SnippetRun {

    private final DocSnippets.Snippet snippet;
    private final Thread thread;
    private final PrintStream previousOut;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private SnippetRun(DocSnippets.Snippet snippet, Method main, String[] args) {
        this.snippet = snippet;
        this.previousOut = System.out;
        System.setOut(new LineRecorder(previousOut, lines));
        this.thread = new Thread(() -> {
            try {
                main.invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException | Error e) {
                failure.set(e);
            }
        }, "snippet-" + snippet.className());
        thread.setDaemon(true);
    }

    static SnippetRun start(DocSnippets.Snippet snippet, Method main, String[] args) {
        SnippetRun run = new SnippetRun(snippet, main, args);
        run.thread.start();
        return run;
    }

    /** {@return the lines printed so far} */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Waits until the program printed a line that {@code line} accepts.
     *
     * @param line what the awaited line is
     * @param timeout how long to wait
     * @return this run
     * @throws AssertionError when no such line came in time, or the program ended or failed first
     */
    public SnippetRun awaitLine(Predicate<String> line, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                    .failFast("the program ended", () -> !thread.isAlive() && lines.stream().noneMatch(line))
                    .until(() -> lines.stream().anyMatch(line));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(snippet.where() + " (" + snippet.className() + ") printed " + lines
                    + (thread.isAlive() ? " in " + timeout : " and ended") + ", not the line awaited",
                    failure.get());
        }
        return this;
    }

    /**
     * Waits for the program's {@code main} to return.
     *
     * @param timeout how long to wait
     * @return the lines it printed
     * @throws AssertionError when the program threw, or was still running after {@code timeout}
     */
    public List<String> join(Duration timeout) {
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(timeout.toNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            System.out.flush();
            System.setOut(previousOut);
        }
        String program = snippet.where() + " (" + snippet.className() + ")";
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionError(program + " still runs after " + timeout + "; it printed " + lines);
        }
        if (failure.get() != null) {
            throw new AssertionError(program + " threw " + failure.get() + "; it printed " + lines, failure.get());
        }
        return List.copyOf(lines);
    }

    /** Prints through, and records each complete line. */
    private static final class LineRecorder extends PrintStream {
        private final List<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineRecorder(PrintStream through, List<String> lines) {
            super(through, true, StandardCharsets.UTF_8);
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            record(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) {
            super.write(buf, off, len);
            record(buf, off, len);
        }

        private void record(byte[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines.add(pending.toString(StandardCharsets.UTF_8).replace("\r", ""));
                    pending.reset();
                } else {
                    pending.write(buf[i]);
                }
            }
        }
    }
}
