package dev.sender.server.internal.websocket;

import java.util.concurrent.TimeUnit;

/**
 * A subscriber's pings: when the next one is due, whether a pong is awaited, and the {@link LivenessWheel} tick
 * the session is filed under. The liveness thread pings and reads the clock; Jetty's threads record pongs.
 */
final class PingClock {

    private volatile long sentNanos;
    private volatile long dueNanos;
    private volatile boolean awaitingPong;
    /** The wheel's tick; its thread alone uses it, but for {@link LivenessWheel#add}. */
    long wheelTick;

    /** Sets when the first ping is due, by {@link System#nanoTime()}. */
    void firstDue(long nanos) {
        dueNanos = nanos;
    }

    void ponged() {
        awaitingPong = false;
    }

    /** Whether the awaited pong is later than {@code pongTimeoutNanos}. */
    boolean overdue(long now, long pongTimeoutNanos) {
        return awaitingPong && now - sentNanos > pongTimeoutNanos;
    }

    /** Whether a ping is due at {@code now}; when it is, it counts as sent, the next one due an interval later. */
    boolean sendIfDue(long now, long pingIntervalNanos) {
        if (awaitingPong || now - dueNanos < 0) {
            return false;
        }
        sentNanos = now;
        dueNanos = now + pingIntervalNanos;
        awaitingPong = true;
        return true;
    }

    /**
     * When there is something to check next: the next ping, the awaited pong's deadline, or the token's expiry
     * {@code untilExpiryMillis} from {@code now}. Awaiting a pong past the next ping's time (a timeout longer than
     * the interval), the session is visited every tick until the pong or the deadline comes, so that the ping
     * follows a late pong at once.
     */
    long next(long now, long pongTimeoutNanos, long untilExpiryMillis) {
        long due = awaitingPong ? Math.min(sentNanos + pongTimeoutNanos + 1, dueNanos) : dueNanos;
        // Further than a day needs no precision: the pings visit the session more often than that.
        return untilExpiryMillis < TimeUnit.DAYS.toMillis(1)
                ? Math.min(due, now + Math.max(0, untilExpiryMillis) * 1_000_000) : due;
    }
}
