package dev.sender.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that drain queued subscriptions. The pool grows with the number of subscriptions being drained at
 * once, so a sink that blocks holds one thread and never starves the others; idle threads end after 30 s.
 */
public final class DeliveryThreads {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private DeliveryThreads() {
    }

    /** A new pool of daemon threads named {@code sender-delivery-P-N}. */
    public static ExecutorService create() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sender-delivery-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
