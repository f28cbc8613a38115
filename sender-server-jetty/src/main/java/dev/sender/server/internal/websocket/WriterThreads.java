package dev.sender.server.internal.websocket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
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
 * <p>Each connection is bound to one thread, so that its flushes never run concurrently.
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

    /** One writer thread and the connections waiting for it. */
    public static final class Lane {
        private final Queue<Flushable> waiting = new ConcurrentLinkedQueue<>();
        private final Thread thread;
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
            waiting.offer(connection);
            if (idle) {
                LockSupport.unpark(thread);
            }
        }

        private void run() {
            while (true) {
                Flushable next = waiting.poll();
                if (next != null) {
                    flush(next);
                } else if (stopped) {
                    return;
                } else {
                    // Announced before the last look, so that a request made meanwhile either is seen or unparks.
                    idle = true;
                    if (waiting.isEmpty() && !stopped) {
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
