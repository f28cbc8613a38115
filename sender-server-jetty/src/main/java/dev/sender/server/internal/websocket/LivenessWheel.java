package dev.sender.server.internal.websocket;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A timing wheel of subscriber sessions, each filed under the tick of its next liveness event (a ping due, a pong
 * awaited, a token expiring, a connection that should have opened), so that a tick visits only the sessions whose
 * event is due, not all of them: 19,000 subscribers pinged every 20 s take some 1,900 visits a second (a ping
 * and a pong deadline each), where a sweep of all of them every second takes 19,000. A released session leaves
 * the wheel at its next visit.
 *
 * <p>Sessions are added from any thread; {@link #advance} runs on one thread at a time (the liveness scheduler),
 * which alone touches the slots.
 */
final class LivenessWheel {

    /** What a visit does; returns when the session's next event is due, or a negative value for never again. */
    interface Visitor {
        long visit(SubscriberSession session, long nowNanos, long nowMillis);
    }

    private final long tickNanos;
    private final ArrayDeque<SubscriberSession>[] slots;
    private final int mask;
    private final Queue<SubscriberSession> added = new ConcurrentLinkedQueue<>();
    private final long originNanos;
    /** The next tick to visit, counted from {@link #originNanos}. */
    private long nextTick;

    /**
     * A wheel that turns once every {@code horizonNanos} or a little more, in ticks of {@code tickNanos}; an event
     * further away than a turn waits for the turn that reaches it.
     */
    @SuppressWarnings("unchecked")
    LivenessWheel(long tickNanos, long horizonNanos, long originNanos) {
        this.tickNanos = tickNanos;
        int count = Integer.highestOneBit((int) Math.min(1 << 16, Math.max(2, horizonNanos / tickNanos + 1)) * 2 - 1);
        this.slots = new ArrayDeque[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new ArrayDeque<>();
        }
        this.mask = count - 1;
        this.originNanos = originNanos;
    }

    /** Files {@code session}, whose first event is due at {@code dueNanos}; from any thread. */
    void add(SubscriberSession session, long dueNanos) {
        session.ping.wheelTick = tickAt(dueNanos);
        added.add(session);
    }

    /** Visits the sessions whose event is due by {@code nowNanos}, in the order of their ticks, and files them again. */
    void advance(long nowNanos, long nowMillis, Visitor visitor) {
        for (SubscriberSession s; (s = added.poll()) != null; ) {
            file(s, Math.max(nextTick, s.ping.wheelTick));
        }
        long lastTick = Math.floorDiv(nowNanos - originNanos, tickNanos);
        // After a long pause one turn visits every slot, and with it every session that fell due.
        nextTick = Math.max(nextTick, lastTick - mask);
        for (; nextTick <= lastTick; nextTick++) {
            ArrayDeque<SubscriberSession> slot = slots[(int) (nextTick & mask)];
            for (int n = slot.size(); n > 0; n--) {
                SubscriberSession s = slot.poll();
                if (s.ping.wheelTick > nextTick) {
                    slot.add(s);
                    continue;
                }
                long due = visitor.visit(s, nowNanos, nowMillis);
                if (due >= 0) {
                    file(s, Math.max(nextTick + 1, tickAt(due)));
                }
            }
        }
    }

    /** The first tick at or after {@code nanos}. */
    private long tickAt(long nanos) {
        return -Math.floorDiv(originNanos - nanos, tickNanos);
    }

    private void file(SubscriberSession session, long tick) {
        session.ping.wheelTick = tick;
        slots[(int) (tick & mask)].add(session);
    }
}
