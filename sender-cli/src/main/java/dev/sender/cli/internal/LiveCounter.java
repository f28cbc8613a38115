package dev.sender.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A line on the error stream, redrawn in place four times a second, with the messages received and the rate of
 * the last second: {@code received 1234 events, 56.0/s}. Before a message or a note is printed the line is
 * erased, so that the terminal shows the events, then the counter below them.
 */
final class LiveCounter implements Progress {

    /** How often the line is redrawn. */
    static final Duration INTERVAL = Duration.ofMillis(250);
    /** Redraws over which the rate is measured: the last second. */
    private static final int WINDOW = 4;

    private final PrintStream err;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService ticker;

    // Guarded by this.
    private long received;
    /** Times and counts of the last WINDOW + 1 redraws, oldest first once full; a ring at {@code next}. */
    private final long[] sampleNanos = new long[WINDOW + 1];
    private final long[] sampleCounts = new long[WINDOW + 1];
    private int samples;
    private int next;
    /** Length of the line on screen; 0 when none is. */
    private int shown;
    /** The line last drawn. */
    private String drawn = "";
    private boolean closed;

    /**
     * A counter that {@link #tick()} redraws; {@link #start(PrintStream)} gives one that redraws itself.
     *
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    LiveCounter(PrintStream err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sender-cli-counter");
            thread.setDaemon(true);
            return thread;
        });
        sample();
    }

    /** A counter on {@code err} that redraws itself every {@link #INTERVAL}. */
    static LiveCounter start(PrintStream err) {
        LiveCounter counter = new LiveCounter(err, System::nanoTime);
        long millis = INTERVAL.toMillis();
        counter.ticker.scheduleAtFixedRate(counter::tick, millis, millis, TimeUnit.MILLISECONDS);
        return counter;
    }

    @Override
    public synchronized void message(Runnable print) {
        erase();
        print.run();
        received++;
    }

    @Override
    public synchronized void note(String line) {
        erase();
        err.println(line);
    }

    /** Redraws the line with the count now and the rate over the last second, unless it reads the same. */
    synchronized void tick() {
        if (closed) {
            return;
        }
        sample();
        int oldest = samples <= WINDOW ? 0 : next;
        int newest = (next + WINDOW) % (WINDOW + 1);
        double seconds = (sampleNanos[newest] - sampleNanos[oldest]) / 1e9;
        double rate = seconds <= 0 ? 0 : (sampleCounts[newest] - sampleCounts[oldest]) / seconds;
        String line = String.format(Locale.ROOT, "received %d %s, %.1f/s", received, received == 1 ? "event" : "events",
                rate);
        if (shown > 0 && line.equals(drawn)) {
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
        drawn = line;
    }

    private void sample() {
        sampleNanos[next] = nanoClock.getAsLong();
        sampleCounts[next] = received;
        next = (next + 1) % (WINDOW + 1);
        samples = Math.min(samples + 1, WINDOW + 1);
    }

    private void erase() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /** Stops redrawing, and leaves the final count on a line of its own. */
    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            if (!closed) {
                tick();
                err.println();
                closed = true;
            }
        }
    }
}
