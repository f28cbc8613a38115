package dev.sender.server.internal.websocket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that write connections' queued frames to their sockets. A publisher only queues a frame and asks
 * for a flush; the frames a connection queues before its flush runs leave together, in one system call. Under
 * load a connection gathers many frames per write, which costs the kernel far less than one write each; when
 * idle, a flush follows its frame within microseconds.
 *
 * <p>Each connection is bound to one lane, so that its flushes never run concurrently.
 */
public final class WriterThreads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriterThreads.class);

    /** Something with queued frames to write. */
    public interface Flushable {
        /** Writes what was queued; never blocks on the socket. */
        void flush();
    }

    private final String name;
    private final int count;
    private final AtomicInteger nextLane = new AtomicInteger();
    /** The running threads; empty when stopped. */
    private volatile Lane[] lanes = new Lane[0];

    /** {@code count} threads named {@code name-N}, once started. */
    public WriterThreads(String name, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("writer threads must be at least 1: " + count);
        }
        this.name = name;
        this.count = count;
    }

    /** Starts the threads. */
    public synchronized void start() {
        if (lanes.length == 0) {
            Lane[] started = new Lane[count];
            for (int i = 0; i < count; i++) {
                started[i] = new Lane(name + "-" + i);
            }
            lanes = started;
        }
    }

    /**
     * A thread for a new connection, in turn.
     *
     * @throws IllegalStateException when the threads are not running
     */
    public Lane assign() {
        Lane[] running = lanes;
        if (running.length == 0) {
            throw new IllegalStateException("the writer threads are not running");
        }
        return running[Math.floorMod(nextLane.getAndIncrement(), running.length)];
    }

    /** Stops the threads once they have flushed what was asked of them, waiting up to a second for each. */
    @Override
    public synchronized void close() {
        Lane[] running = lanes;
        lanes = new Lane[0];
        for (Lane lane : running) {
            lane.stop();
        }
    }

    /**
     * One writer thread and the connections waiting for it. Whoever flushes a lane's connections holds the lane,
     * so that a connection's flushes never overlap: mostly its thread, but a request that finds the lane idle
     * and quiet (nothing waiting, nothing flushed in the last {@link #QUIET_NANOS}) is flushed at once by the
     * requesting thread. A lone event then leaves without waking the writer, a wake-up that a busy machine can
     * delay by milliseconds, while the requests of a burst (one event to many subscribers, many events to one)
     * go to the writer after the first, which gathers what is queued meanwhile into few writes and lets the
     * publisher go on.
     */
    public static final class Lane {
        /** How long after a flush further requests go to the writer thread. */
        static final long QUIET_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

        private final Queue<Flushable> waiting = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        /** Whether someone, the lane's thread or a requester, is flushing the lane's connections. */
        private final AtomicBoolean held = new AtomicBoolean();
        /** When the lane's last flush ended, by its thread or by a requester. */
        private volatile long flushedNanos = System.nanoTime() - QUIET_NANOS;
        /** Whether the thread is parked, or about to park, for want of work. */
        private volatile boolean idle;
        private volatile boolean stopped;

        private Lane(String name) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Asks for {@code connection} to be flushed. The caller asks once until the flush has started, so that
         * frames queued meanwhile ride on the same write.
         */
        public void requestFlush(Flushable connection) {
            if (idle && waiting.isEmpty() && System.nanoTime() - flushedNanos >= QUIET_NANOS
                    && held.compareAndSet(false, true)) {
                try {
                    flush(connection);
                } finally {
                    flushedNanos = System.nanoTime();
                    release();
                }
                return;
            }
            waiting.offer(connection);
            if (idle) {
                LockSupport.unpark(thread);
            }
        }

        /** Lets go of the lane, waking its thread for what was asked meanwhile. */
        private void release() {
            held.set(false);
            if (!waiting.isEmpty()) {
                LockSupport.unpark(thread);
            }
        }

        private void run() {
            while (true) {
                if (!waiting.isEmpty() && held.compareAndSet(false, true)) {
                    try {
                        for (Flushable next = waiting.poll(); next != null; next = waiting.poll()) {
                            flush(next);
                        }
                    } finally {
                        flushedNanos = System.nanoTime();
                        held.set(false);
                    }
                } else if (stopped && waiting.isEmpty()) {
                    return;
                } else {
                    // Announced before the last look, so that a request made meanwhile either is seen or unparks;
                    // a requester holding the lane unparks it on release when something waits.
                    idle = true;
                    if ((waiting.isEmpty() || held.get()) && !stopped) {
                        LockSupport.park(this);
                    }
                    idle = false;
                }
            }
        }

        private static void flush(Flushable connection) {
            try {
                connection.flush();
            } catch (RuntimeException e) {
                LOG.error("Flushing {} failed", connection, e);
            }
        }

        private void stop() {
            stopped = true;
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
