package dev.sender.client;

import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The main of the JVM that {@link JvmExitTest} starts: it runs a tiny application's {@code main} the way
 * {@code mvn exec:java} does, in a thread group of its own, then waits, as exec:java does, for every thread that
 * {@code main} started to end. It prints {@code lingering: <names>} and exits with 1 when some are still alive
 * after {@value #GRACE_SECONDS} s; otherwise it returns, and nothing should keep the JVM from exiting.
 *
 * <p>Arguments: the server's origin and the account to subscribe with.
 */
final class ExecJavaLikeLauncher {

    static final long GRACE_SECONDS = 5;

    private ExecJavaLikeLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadGroup application = new ThreadGroup("application");
        Thread main = new Thread(application, () -> tinyApplication(URI.create(args[0]), UUID.fromString(args[1])),
                "application-main");
        main.start();
        main.join();
        System.out.println("main returned");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (Thread thread : threadsOf(application)) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<String> lingering = new ArrayList<>();
        for (Thread thread : threadsOf(application)) {
            lingering.add(thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
        }
        if (!lingering.isEmpty()) {
            System.out.println("lingering: " + lingering);
            System.exit(1);
        }
    }

    /** What a user's main does: subscribe, receive one event, close. */
    private static void tinyApplication(URI origin, UUID account) {
        try (SenderClient client = SenderClient.builder().origin(origin).accountId(account).build();
             Subscription<HandlerEventMessage> subscription = client.subscribe(HandlerEventFilter.empty())) {
            System.out.println("subscribed");
            HandlerEventMessage message = subscription.next(Duration.ofSeconds(30))
                    .orElseThrow(() -> new IllegalStateException("no event within 30 s"));
            System.out.println("received " + message.event().eventId().orElse("?"));
        }
    }

    private static List<Thread> threadsOf(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int count = group.enumerate(threads, true);
        return new ArrayList<>(Arrays.asList(threads).subList(0, count));
    }
}
