package dev.sender.server.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WriterThreadsTest {

    @Test
    void everyRequestFromManyThreads_isFlushed_andALanesFlushesNeverOverlap() throws Exception {
        try (WriterThreads writers = new WriterThreads("test-writer", 1)) {
            writers.start();
            WriterThreads.Lane lane = writers.assign();
            int perThread = 20_000;
            AtomicInteger flushed = new AtomicInteger();
            AtomicInteger flushing = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            WriterThreads.Flushable counter = () -> {
                mostAtOnce.accumulateAndGet(flushing.incrementAndGet(), Math::max);
                flushed.incrementAndGet();
                flushing.decrementAndGet();
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
            assertThat(mostAtOnce).hasValue(1);
        }
    }

    @Test
    void aRequestToAnIdleLane_isFlushedAtOnceByTheRequester() {
        try (WriterThreads writers = new WriterThreads("test-writer", 1)) {
            writers.start();
            WriterThreads.Lane lane = writers.assign();
            AtomicReference<Thread> flushedOn = new AtomicReference<>();

            // Once the writer has parked, a lone request needs no wake-up: it is flushed before requestFlush returns.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                flushedOn.set(null);
                lane.requestFlush(() -> flushedOn.set(Thread.currentThread()));
                return flushedOn.get() == Thread.currentThread();
            });
        }
    }

    @Test
    void requestsMadeWhileARequesterFlushes_areFlushedByTheLanesThreadAfterIt() {
        try (WriterThreads writers = new WriterThreads("test-writer", 1)) {
            writers.start();
            WriterThreads.Lane lane = writers.assign();
            AtomicReference<String> seenDuringFirst = new AtomicReference<>();
            AtomicReference<String> secondFlushedOn = new AtomicReference<>();

            // Until the first request finds the lane idle and is flushed by the requester (this thread).
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Thread requester = Thread.currentThread();
                CountDownLatch secondFlushed = new CountDownLatch(1);
                WriterThreads.Flushable second = () -> {
                    secondFlushedOn.set(Thread.currentThread().getName());
                    secondFlushed.countDown();
                };
                AtomicReference<Thread> firstFlushedOn = new AtomicReference<>();
                secondFlushedOn.set(null);
                lane.requestFlush(() -> {
                    firstFlushedOn.set(Thread.currentThread());
                    Thread other = new Thread(() -> lane.requestFlush(second));
                    other.start();
                    joinQuietly(other);
                    seenDuringFirst.set(secondFlushedOn.get());
                });
                secondFlushed.await(10, TimeUnit.SECONDS);
                return firstFlushedOn.get() == requester;
            });

            assertThat(seenDuringFirst).as("flushed while the requester held the lane").hasValue(null);
            assertThat(secondFlushedOn).hasValue("test-writer-0");
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
