package dev.sender.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs every example's {@code main} as a user would, captures what it prints, checks that it received what it
 * should, finished, and left no thread behind that would keep a JVM alive.
 */
class ExamplesTest {

    @Test
    void quickStart_receivesTheTwoMenAged30OrMore() {
        String out = run(() -> QuickStart.main(new String[0]));

        assertThat(out).contains("Sender server listening on http://127.0.0.1:", "Subscribed to ws://127.0.0.1:",
                "/2/ws?age__gte=30&gender=1", "Published 4 events");
        assertThat(out.lines().filter(l -> l.startsWith("Received")))
                .containsExactly("Received Carl, male, 41", "Received Dan, male, 67");
        assertThat(out).endsWith("Done: 2 of 4 events matched the filter" + System.lineSeparator());
    }

    @Test
    void rawParameters_receivesWhatGenderAndAgeSelect() {
        String out = run(() -> RawParameters.main(new String[0]));

        assertThat(out).contains("/2/ws?", "gender=1", "age__gte=30", "Received Carl, male, 41",
                "As JSON: {\"event\":{\"external_id\":\"Carl\"", "\"handler_id\":\"raw-parameters-handler\"")
                .doesNotContain("Bob").endsWith("Done" + System.lineSeparator());
    }

    @Test
    void generalEvents_receivesTheDoorsOpenedWithAFever() {
        String out = run(() -> GeneralEvents.main(new String[0]));

        assertThat(out.lines().filter(l -> l.startsWith("Received")))
                .containsExactly("Received door_opened: {\"door\":\"B\",\"temperature\":38.2,\"badge\":{\"kind\":\"staff\"}}",
                        "Received door_opened: {\"door\":\"D\",\"temperature\":38.9,\"badge\":{\"kind\":\"visitor\"}}");
        assertThat(out).contains("event.temperature__gt:numeric=37.5", "event.badge.kind__in=staff,visitor")
                .endsWith("Done: doors B and D matched" + System.lineSeparator());
    }

    @Test
    void embeddedInJetty_servesTheApplicationAndSenderSideBySide() {
        String out = run(() -> EmbeddedInJetty.main(new String[0]));

        assertThat(out).contains("GET /app/hello: Hello from the application", "/sender/2/ws",
                "Sender version 0.1.0", "Received Eve, female, 29").endsWith("Done" + System.lineSeparator());
    }

    /** Runs {@code main} with System.out captured; returns what it printed once no thread it started is left. */
    private static String run(Executable main) {
        Set<Thread> before = nonDaemonThreads();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), main);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(nonDaemonThreads())
                .as("non-daemon threads that would keep the JVM alive").isSubsetOf(before));
        return out;
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .filter(t -> !t.getName().startsWith("junit-timeout") && !t.getName().startsWith("awaitility"))
                .collect(Collectors.toSet());
    }
}
