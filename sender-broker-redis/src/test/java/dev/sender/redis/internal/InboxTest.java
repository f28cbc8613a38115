package dev.sender.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-off between the thread that reads Redis and the thread that dispatches. */
class InboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private Inbox inbox;

    @AfterEach
    void close() {
        release.countDown();
        inbox.close(10_000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void blockUntilReleased() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void messages_areHandledInOrder_onTheInboxThread_whileTheReaderReturnsAtOnce() {
        inbox = new Inbox("inbox-under-test", 1 << 20, (channel, payload) -> {
            blockUntilReleased();
            threads.add(Thread.currentThread().getName());
            handled.add(channel + " " + new String(payload, StandardCharsets.UTF_8));
        });

        for (int i = 0; i < 100; i++) {
            inbox.message("c" + i % 3, bytes("m" + i));
        }
        assertThat(inbox.pendingBytes()).isPositive();
        release.countDown();

        await().atMost(PATIENCE).until(() -> handled.size() == 100);
        assertThat(handled).isEqualTo(IntStream.range(0, 100).mapToObj(i -> "c" + i % 3 + " m" + i).toList());
        assertThat(threads).containsOnly("inbox-under-test");
        assertThat(inbox.pendingBytes()).isZero();
        assertThat(inbox.dropped()).isZero();
    }

    @Test
    void pastItsLimit_dropsFurtherMessages_andCountsThem_keepingOrder() {
        inbox = new Inbox("inbox-under-test", 1000, (channel, payload) -> {
            blockUntilReleased();
            handled.add(new String(payload, StandardCharsets.UTF_8));
        });
        String padding = "x".repeat(96);

        for (int i = 0; i < 20; i++) {
            inbox.message("c", bytes(String.format("%04d", i) + padding));
        }
        assertThat(inbox.pendingBytes()).isLessThanOrEqualTo(1000);
        release.countDown();
        await().atMost(PATIENCE).until(() -> inbox.pendingBytes() == 0);
        inbox.message("c", bytes("last"));

        await().atMost(PATIENCE).until(() -> handled.contains("last"));
        assertThat(inbox.dropped()).isPositive();
        assertThat(handled).hasSize(20 - (int) inbox.dropped() + 1);
        List<String> numbers = handled.subList(0, handled.size() - 1).stream().map(m -> m.substring(0, 4)).toList();
        assertThat(numbers).isSorted().startsWith("0000");
    }

    @Test
    void aHandlerThatThrows_doesNotStopTheThread() {
        inbox = new Inbox("inbox-under-test", 1 << 20, (channel, payload) -> {
            if (channel.equals("bad")) {
                throw new IllegalStateException("handler failure for the test");
            }
            handled.add(channel);
        });

        inbox.message("bad", bytes("1"));
        inbox.message("good", bytes("2"));

        await().atMost(PATIENCE).until(() -> handled.equals(List.of("good")));
    }

    @Test
    void close_handlesWhatWasEnqueuedFirst() {
        inbox = new Inbox("inbox-under-test", 1 << 20, (channel, payload) -> handled.add(channel));
        for (int i = 0; i < 50; i++) {
            inbox.message(Integer.toString(i), bytes("m"));
        }

        inbox.close(10_000);

        assertThat(handled).hasSize(50);
    }
}
