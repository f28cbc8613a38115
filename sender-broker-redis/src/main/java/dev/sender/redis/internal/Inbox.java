package dev.sender.redis.internal;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every message Lettuce reads off its I/O thread and hands it, in order, to one dispatching thread. The
 * thread that reads Redis only enqueues: it never parses, filters or waits for a subscriber, so this node drains
 * its pub/sub connection as fast as Redis writes and Redis' output-buffer limit for pub/sub clients is never
 * reached because of it. When dispatching falls behind by more than {@code maxPendingBytes}, further messages are
 * dropped and logged (delivery is at-most-once) rather than left to grow the heap or Redis' buffer.
 */
public final class Inbox extends RedisPubSubAdapter<String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final long DROP_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Item STOP = new Item("", new byte[0], null);

    private final BiConsumer<String, byte[]> handler;
    private final Consumer<String> onSubscribed;
    private final long maxPendingBytes;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    /** Payload bytes enqueued and not yet handled. */
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Dropped messages not yet reported in a warning; reset by each warning. */
    private final AtomicLong unreported = new AtomicLong();
    private volatile long lastDropWarningNanos = System.nanoTime() - DROP_WARNING_INTERVAL_NANOS;
    private final Thread thread;

    /**
     * An inbox whose thread (named {@code name}) passes each message to {@code handler}; the handler never
     * throws on purpose, and what it throws is logged.
     */
    public Inbox(String name, long maxPendingBytes, BiConsumer<String, byte[]> handler) {
        this(name, maxPendingBytes, handler, channel -> { });
    }

    /**
     * An inbox that also passes Redis' confirmation of each {@code SUBSCRIBE} to {@code onSubscribed}, in order with
     * the messages: those handled after it were published after the subscription took effect.
     */
    public Inbox(String name, long maxPendingBytes, BiConsumer<String, byte[]> handler,
            Consumer<String> onSubscribed) {
        this.handler = handler;
        this.onSubscribed = onSubscribed;
        this.maxPendingBytes = maxPendingBytes;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void message(String channel, byte[] payload) {
        if (pendingBytes.addAndGet(payload.length) > maxPendingBytes) {
            pendingBytes.addAndGet(-payload.length);
            dropped.incrementAndGet();
            unreported.incrementAndGet();
            warnOfDrops();
            return;
        }
        queue.add(new Item(channel, payload, null));
    }

    @Override
    public void subscribed(String channel, long count) {
        execute(() -> onSubscribed.accept(channel));
    }

    /** Runs {@code task} on the dispatching thread, after the messages enqueued before it. */
    public void execute(Runnable task) {
        queue.add(new Item("", new byte[0], task));
    }

    /** Messages dropped because dispatching had fallen behind by more than the limit. */
    public long dropped() {
        return dropped.get();
    }

    /** Payload bytes waiting for the dispatching thread. */
    public long pendingBytes() {
        return pendingBytes.get();
    }

    private void warnOfDrops() {
        long now = System.nanoTime();
        long last = lastDropWarningNanos;
        if (now - last >= DROP_WARNING_INTERVAL_NANOS) {
            lastDropWarningNanos = now;
            LOG.warn("Dispatching is {} bytes behind Redis, over the limit of {}; dropped {} message(s) from Redis "
                    + "since the last warning", pendingBytes.get(), maxPendingBytes, unreported.getAndSet(0));
        }
    }

    private void run() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) {
                return;
            }
            pendingBytes.addAndGet(-item.payload.length);
            try {
                if (item.task != null) {
                    item.task.run();
                } else {
                    handler.accept(item.channel, item.payload);
                }
            } catch (RuntimeException e) {
                LOG.error("Dispatching a message of '{}' failed", item.channel, e);
            }
        }
    }

    /**
     * Stops the thread once the messages already enqueued are handled, waiting for that at most
     * {@code timeoutMillis} (not at all for 0); a thread still busy then is interrupted.
     */
    public void close(long timeoutMillis) {
        queue.add(STOP);
        if (timeoutMillis <= 0) {
            return;
        }
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    /** A message of {@code channel}, or a {@code task} to run. */
    private record Item(String channel, byte[] payload, @Nullable Runnable task) {
    }
}
