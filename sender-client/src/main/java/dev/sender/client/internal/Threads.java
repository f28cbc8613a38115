package dev.sender.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The client's thread pools: daemon threads named after the client, none alive while idle for long. */
final class Threads {

    private Threads() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}... */
    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A pool that grows as needed and lets each thread go after {@code keepAliveSeconds} idle. */
    static ThreadPoolExecutor cached(String prefix, long keepAliveSeconds) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, keepAliveSeconds, TimeUnit.SECONDS,
                new SynchronousQueue<>(), named(prefix));
    }

    /** One scheduling thread, which ends after a second idle; cancelled tasks are dropped at once. */
    static ScheduledThreadPoolExecutor scheduler(String name) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, named(name));
        scheduler.setKeepAliveTime(1, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return scheduler;
    }

    /** Shuts {@code pool} down, waiting up to {@code millis} for running tasks unless called from one of them. */
    static void shutdown(ExecutorService pool, long millis, boolean waitAllowed) {
        pool.shutdown();
        if (!waitAllowed) {
            return;
        }
        try {
            if (!pool.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
