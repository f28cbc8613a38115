package dev.sender.server.internal.websocket;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A timing wheel of subscriber sessions, each filed under the tick of its next liveness event (a ping due, a pong
 * awaited, a token expiring, a connection that should have opened), so that a tick visits only the sessions whose
 * event is due, not all of them: at the descriptor limit, about 19,000 subscribers pinged every 20 s make some
 * 950 pings a second, and a sweep of all the sessions every second would visit 20 times more.
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

    /** Files {@code session}, whose first event is due at {@link SubscriberSession#livenessDueNanos()}. */
    void add(SubscriberSession session) {
        added.add(session);
    }

    /** Visits the sessions whose event is due by {@code nowNanos}, in the order of their ticks, and files them again. */
    void advance(long nowNanos, long nowMillis, Visitor visitor) {
        for (SubscriberSession s; (s = added.poll()) != null; ) {
            file(s, s.livenessDueNanos());
        }
        long lastTick = Math.floorDiv(nowNanos - originNanos, tickNanos);
        // After a long pause one turn visits every slot, and with it every session that fell due.
        nextTick = Math.max(nextTick, lastTick - mask);
        for (; nextTick <= lastTick; nextTick++) {
            ArrayDeque<SubscriberSession> slot = slots[(int) (nextTick & mask)];
            for (int n = slot.size(); n > 0; n--) {
                SubscriberSession s = slot.poll();
                if (s.livenessDueTick > nextTick) {
                    slot.add(s);
                    continue;
                }
                long due = visitor.visit(s, nowNanos, nowMillis);
                if (due >= 0) {
                    file(s, Math.max(due, originNanos + (nextTick + 1) * tickNanos));
                }
            }
        }
    }

    /** Files {@code session} under the first tick at or after {@code dueNanos}, and no earlier than the next one. */
    private void file(SubscriberSession session, long dueNanos) {
        long tick = Math.max(nextTick, -Math.floorDiv(originNanos - dueNanos, tickNanos));
        session.livenessDueTick = tick;
        slots[(int) (tick & mask)].add(session);
    }
}
