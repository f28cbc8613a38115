package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's frames are read on the selector thread that sees them arrive, not handed to Jetty's pool: with
 * every pool thread busy (a burst of publications, say), pongs still come in and pings are still answered, so no
 * subscriber is dropped for a ping timeout the server itself caused.
 */
class StarvedPoolPingTest {

    @Test
    void clientPing_isAnswered_whileEveryPoolThreadIsBusy() throws InterruptedException {
        try (ServerFixture server = ServerFixture.start(builder -> builder.maxThreads(12))) {
            TestSubscriber subscriber = server.subscribe(UUID.randomUUID(), "");
            assertThat(subscriber.pingAndAwaitPong("before", TestSubscriber.TIMEOUT)).isTrue();
            QueuedThreadPool pool = (QueuedThreadPool) server.server().jetty().getThreadPool();
            CountDownLatch release = new CountDownLatch(1);
            Runnable busy = () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            try {
                for (int i = 0; i < pool.getMaxThreads(); i++) {
                    pool.execute(busy);
                }
                // And the reserved threads, which take what the selector offers them, as they come.
                int[] reserved = new int[1];
                await().atMost(TestSubscriber.TIMEOUT).until(() -> {
                    while (pool.tryExecute(busy)) {
                        reserved[0]++;
                    }
                    return pool.getThreads() == pool.getMaxThreads() && pool.getIdleThreads() == 0
                            && pool.getAvailableReservedThreads() == 0 && pool.getQueueSize() > 0;
                });

                assertThat(subscriber.pingAndAwaitPong("starved", Duration.ofSeconds(3)))
                        .as("a pong with every pool thread busy, %d of them reserved ones", reserved[0]).isTrue();
                assertThat(subscriber.isClosed()).isFalse();
            } finally {
                release.countDown();
            }
            assertThat(subscriber.pingAndAwaitPong("after", TestSubscriber.TIMEOUT)).isTrue();
        }
    }
}
