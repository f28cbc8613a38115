package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A JVM whose {@code main} used a client and closed it exits by itself: closing the client stops every thread it
 * started, Tyrus's included, so {@code mvn exec:java} does not wait for a lingering one, and neither does any tool
 * that waits for an application's threads. The client runs in a JVM of its own ({@link ExecJavaLikeLauncher});
 * the server, and the publisher of the event it receives, run here.
 */
class JvmExitTest {

    @Test
    void aJvmWhoseMainClosedItsClient_exitsOnItsOwnWithinSeconds() throws Exception {
        UUID account = UUID.randomUUID();
        try (TestServer server = TestServer.start();
             SenderClient publisher = server.client(account).build()) {
            Process child = new ProcessBuilder(java(), "-cp", testClassPath(), ExecJavaLikeLauncher.class.getName(),
                    server.origin().toString(), account.toString()).redirectErrorStream(true).start();
            List<String> output = new CopyOnWriteArrayList<>();
            AtomicLong mainReturnedAt = new AtomicLong();
            Thread reader = new Thread(() -> readLines(child, output, mainReturnedAt), "child-output");
            reader.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> output.contains("subscribed"));
                publisher.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(7)));

                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exited: %s", output).isTrue();
                long exitedAt = System.nanoTime();
                reader.join(5_000);
                assertThat(output).as("what the child printed").contains("received e7", "main returned")
                        .noneMatch(line -> line.startsWith("lingering"));
                assertThat(child.exitValue()).as("exit status; output %s", output).isZero();
                assertThat(Duration.ofNanos(exitedAt - mainReturnedAt.get())).as("from main's return to the exit")
                        .isLessThan(Duration.ofSeconds(ExecJavaLikeLauncher.GRACE_SECONDS));
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static void readLines(Process child, List<String> output, AtomicLong mainReturnedAt) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("main returned")) {
                    mainReturnedAt.set(System.nanoTime());
                }
                output.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path; Surefire's own class path is a manifest-only jar that names it. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
