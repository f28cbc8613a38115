package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * After {@code close()} no thread of the client is left. Runs in a JVM of its own (a separate Surefire execution),
 * so that the threads it sees are those of this test.
 *
 * <p>Each WebSocket connection's Grizzly transport ({@code Grizzly(n)} threads) stops when the connection closes,
 * and {@code close()} stops the client's own pools and its Tyrus container's timers. One thread ends later by
 * design of what the client builds on: the JDK HTTP client's {@code SelectorManager} (Java 17 has no way to close an
 * {@code HttpClient}) ends once the client is garbage-collected. The test waits for it, collecting garbage
 * meanwhile. {@link JvmExitTest} checks the same from the outside, on a JVM whose {@code main} returned.
 */
class ThreadLeakTest {

    @Test
    void close_leavesNoThreadOfTheClientBehind() {
        Map<Long, String> before = liveThreads();

        useAClientFully();

        // The client's own pools and the connections' transports are stopped by close(), well before the pools'
        // 5 s keep-alive would end them.
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(newThreads(before))
                .noneMatch(name -> name.startsWith("sender-client-") || name.startsWith("Grizzly(")
                        || name.startsWith("tyrus-")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            System.gc();
            assertThat(newThreads(before)).isEmpty();
        });
    }

    /** Everything that starts threads: subscriptions of every kind, a refused handshake, HTTP calls, a server. */
    private static void useAClientFully() {
        try (TestServer server = TestServer.start();
             SenderClient client = server.client(UUID.randomUUID()).build()) {
            Subscription<HandlerEventMessage> pulled = client.subscribe(HandlerEventFilter.empty());
            Recorder<HandlerEventMessage> recorder = new Recorder<>();
            client.subscribe(HandlerEventFilter.empty(), recorder);
            SubscribeTest.RecordingSubscriber<HandlerEventMessage> flow = new SubscribeTest.RecordingSubscriber<>(10);
            client.subscribe(HandlerEventFilter.empty()).publisher().subscribe(flow);

            client.publish(Events.HANDLER, Events.CREATED, Events.ENDED, List.of(Events.numbered(1)));
            assertThat(pulled.next().event().eventId()).hasValue("e1");
            assertThat(recorder.awaitMessage().event().eventId()).hasValue("e1");
            await().atMost(Recorder.TIMEOUT).until(() -> flow.ids().size() == 1);
            assertThat(client.version().api()).isEqualTo(2);
            // Last, while the other connections are open: a refused handshake must stop its transport too.
            assertThatThrownBy(() -> client.subscribe(Map.of("gender", "x"))).isInstanceOf(SenderException.class);
            assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(
                    t -> assertThat(t.getName()).startsWith("sender-client-"));
        }
    }

    private static Map<Long, String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(Collectors.toMap(Thread::getId, Thread::getName, (a, b) -> a, TreeMap::new));
    }

    private static Set<String> newThreads(Map<Long, String> before) {
        return liveThreads().entrySet().stream()
                .filter(e -> !before.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .filter(name -> !name.startsWith("awaitility"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
