package dev.sender.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.client.SubscriptionClosedException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MessageBufferTest {

    private static final URI URI = java.net.URI.create("ws://localhost/test");

    private final AtomicInteger changes = new AtomicInteger();
    /** Reads frames as numbers; "bad" does not read. */
    private final MessageBuffer<Integer> buffer = new MessageBuffer<>(URI, 2,
            frame -> frame.equals("bad") ? null : Integer.valueOf(frame));

    private static SubscriptionClosedException closedByApplication() {
        return new SubscriptionClosedException("closed by the application", 1000, true, null);
    }

    @Test
    void offer_beyondCapacity_isRefused() {
        assertThat(buffer.offer("1")).isTrue();
        assertThat(buffer.offer("2")).isTrue();

        assertThat(buffer.offer("3")).isFalse();
        assertThat(buffer.next(0)).contains(1);
    }

    @Test
    void next_skipsFramesThatDoNotRead() {
        buffer.offer("bad");
        buffer.offer("7");

        assertThat(buffer.next(0)).contains(7);
    }

    @Test
    void next_withNothingBuffered_isEmptyAfterTheTimeout() {
        assertThat(buffer.next(Duration.ofMillis(20).toNanos())).isEmpty();
    }

    @Test
    void next_afterClose_returnsWhatArrived_thenThrowsAFreshCopyOfTheReason() {
        SubscriptionClosedException why = new SubscriptionClosedException("overflow", 1000, false, null);
        buffer.offer("1");
        buffer.close(why);

        assertThat(buffer.next(-1)).contains(1);
        assertThatThrownBy(() -> buffer.next(-1))
                .isInstanceOf(SubscriptionClosedException.class)
                .isNotSameAs(why)
                .hasMessage("overflow");
    }

    @Test
    void offer_afterClose_isIgnored() {
        buffer.close(closedByApplication());

        assertThat(buffer.offer("1")).isTrue();
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void stream_endsWhenTheApplicationClosed() {
        buffer.offer("1");
        buffer.offer("2");
        buffer.close(closedByApplication());

        assertThat(buffer.stream()).containsExactly(1, 2);
    }

    @Test
    void onChange_isToldOfEachArrivalAndOfTheClose() {
        buffer.onChange(changes::incrementAndGet);

        buffer.offer("1");
        buffer.close(closedByApplication());
        buffer.close(closedByApplication());

        assertThat(changes).hasValue(2);
    }

    @Test
    void nanos_saturatesAndIsNeverNegative() {
        assertThat(MessageBuffer.nanos(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(MessageBuffer.nanos(Duration.ofSeconds(Long.MIN_VALUE))).isZero();
        assertThat(MessageBuffer.nanos(Duration.ofMillis(-5))).isZero();
        assertThat(MessageBuffer.nanos(Duration.ofMillis(5))).isEqualTo(5_000_000L);
    }
}
