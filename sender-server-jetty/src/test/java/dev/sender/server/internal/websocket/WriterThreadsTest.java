package dev.sender.server.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriterThreadsTest {

    @Test
    void everyRequestFromManyThreads_isFlushed_onTheLanesThread() throws Exception {
        try (WriterThreads writers = new WriterThreads("test-writer", 1)) {
            writers.start();
            WriterThreads.Lane lane = writers.assign();
            int perThread = 20_000;
            AtomicInteger flushed = new AtomicInteger();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            WriterThreads.Flushable counter = () -> {
                flushed.incrementAndGet();
                threads.add(Thread.currentThread().getName());
            };
            List<Thread> requesters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread requester = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        lane.requestFlush(counter);
                    }
                });
                requesters.add(requester);
                requester.start();
            }
            for (Thread requester : requesters) {
                requester.join();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> flushed.get() == 4 * perThread);
            assertThat(threads).containsExactly("test-writer-0");
        }
    }

    @Test
    void aFlushThatThrows_doesNotStopTheLane() {
        try (WriterThreads writers = new WriterThreads("test-writer", 1)) {
            writers.start();
            WriterThreads.Lane lane = writers.assign();
            CountDownLatch after = new CountDownLatch(1);

            lane.requestFlush(() -> {
                throw new IllegalStateException("boom");
            });
            lane.requestFlush(after::countDown);

            await().atMost(Duration.ofSeconds(10)).until(() -> after.getCount() == 0);
        }
    }

    @Test
    void connectionsAreSpreadOverTheThreadsInTurn() {
        try (WriterThreads writers = new WriterThreads("test-writer", 3)) {
            writers.start();
            Set<WriterThreads.Lane> lanes = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                lanes.add(writers.assign());
            }
            assertThat(lanes).hasSize(3);
        }
    }

    @Test
    void close_flushesWhatWasAsked_thenStopsTheThreads() {
        WriterThreads writers = new WriterThreads("test-stopping", 2);
        writers.start();
        AtomicInteger flushed = new AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            writers.assign().requestFlush(flushed::incrementAndGet);
        }

        writers.close();

        assertThat(flushed).hasValue(10_000);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("test-stopping"));
        assertThatThrownBy(writers::assign).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }

    @Test
    void threadCount_mustBePositive() {
        assertThatThrownBy(() -> new WriterThreads("test-writer", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
