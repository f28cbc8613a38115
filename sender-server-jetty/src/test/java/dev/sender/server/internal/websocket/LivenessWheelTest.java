package dev.sender.server.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.Topic;
import dev.sender.core.filter.Filter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LivenessWheelTest {

    private static final long TICK = 100;
    private static final long ORIGIN = 1_000_000;

    private final WriterThreads writers = new WriterThreads("wheel-test", 1);
    private final List<String> visits = new ArrayList<>();
    /** When each session's next visit is due, as its visit returns it; absent: never again. */
    private final Map<SubscriberSession, Long> next = new HashMap<>();
    private final Map<SubscriberSession, String> names = new HashMap<>();

    @AfterEach
    void stopWriters() {
        writers.close();
    }

    @Test
    void sessionIsVisitedAtTheTickOfItsDueTime_neverBefore_thenWhenItsVisitSays() {
        LivenessWheel wheel = new LivenessWheel(TICK, 1_000, ORIGIN);
        SubscriberSession a = session("a");
        SubscriberSession b = session("b");
        wheel.add(a, ORIGIN + 250);
        wheel.add(b, ORIGIN + 420);
        next.put(a, ORIGIN + 600);

        advance(wheel, ORIGIN + 299);
        assertThat(visits).as("a is due in tick 3, which starts at 300").isEmpty();
        advance(wheel, ORIGIN + 300);
        assertThat(visits).containsExactly("a@300");
        advance(wheel, ORIGIN + 599);
        assertThat(visits).containsExactly("a@300", "b@599");
        advance(wheel, ORIGIN + 700);
        assertThat(visits).containsExactly("a@300", "b@599", "a@700");
        advance(wheel, ORIGIN + 5_000);
        assertThat(visits).as("neither asked for another visit").hasSize(3);
    }

    @Test
    void dueTimeBeyondOneTurn_waitsForTheTurnThatReachesIt() {
        LivenessWheel wheel = new LivenessWheel(TICK, 300, ORIGIN);
        SubscriberSession far = session("far");
        wheel.add(far, ORIGIN + 10_050);

        for (long t = ORIGIN; t <= ORIGIN + 10_100; t += TICK) {
            advance(wheel, t);
        }
        assertThat(visits).containsExactly("far@10100");
    }

    @Test
    void dueTimeAlreadyPassed_isVisitedAtTheNextTick_andALongPauseVisitsEverySessionThatFellDue() {
        LivenessWheel wheel = new LivenessWheel(TICK, 1_000, ORIGIN);
        SubscriberSession late = session("late");
        wheel.add(late, ORIGIN - 5_000);
        next.put(late, ORIGIN + 150);
        advance(wheel, ORIGIN);
        assertThat(visits).containsExactly("late@0");

        SubscriberSession other = session("other");
        wheel.add(other, ORIGIN + 3_000);
        advance(wheel, ORIGIN + 1_000_000);
        assertThat(visits).containsExactly("late@0", "late@1000000", "other@1000000");
    }

    private void advance(LivenessWheel wheel, long now) {
        wheel.advance(now, 0, (session, nowNanos, nowMillis) -> {
            visits.add(names.get(session) + "@" + (nowNanos - ORIGIN));
            Long due = next.remove(session);
            return due == null ? -1 : due;
        });
    }

    private SubscriberSession session(String name) {
        writers.start();
        SubscriberSession session = new SubscriberSession(Topic.generalEvents(), Filter.any(), false, name,
                new SubscriberSession.Context(null, null, null, 0, 0, 0, writers));
        names.put(session, name);
        return session;
    }
}
