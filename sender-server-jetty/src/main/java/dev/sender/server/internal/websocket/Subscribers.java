package dev.sender.server.internal.websocket;

import dev.sender.core.CloseCodes;
import dev.sender.core.Topic;
import dev.sender.server.SenderSettings;
import dev.sender.server.internal.metrics.SubscriberCounts;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live subscriber sessions of a server: their limits, their liveness, their shutdown. */
public final class Subscribers implements SubscriberCounts {

    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    /** The longest tick of the liveness wheel: how late a ping may leave, at most. */
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final SenderSettings settings;
    private final Set<SubscriberSession> sessions = ConcurrentHashMap.newKeySet();
    private final long pingIntervalNanos;
    private final long pongTimeoutNanos;
    private final long tickNanos;
    /** Touched by the liveness scheduler's thread only, but for {@link LivenessWheel#add}. */
    private final LivenessWheel wheel;
    private final Map<UUID, Integer> perAccount = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger general = new AtomicInteger();
    private volatile boolean shutdown;

    /** Sessions within the limits of {@code settings}. */
    public Subscribers(SenderSettings settings) {
        this.settings = settings;
        this.pingIntervalNanos = settings.pingInterval().toNanos();
        this.pongTimeoutNanos = settings.pongTimeout().toNanos();
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(MAX_TICK_NANOS, Math.min(pingIntervalNanos, pongTimeoutNanos) / 20));
        this.wheel = new LivenessWheel(tickNanos, pingIntervalNanos + pongTimeoutNanos, System.nanoTime());
    }

    /**
     * Takes a place for a subscriber of {@code topic}.
     *
     * @return why there is none, or {@code null} when the place is taken
     */
    @Nullable String reserve(Topic topic) {
        if (shutdown) {
            return "the server is shutting down";
        }
        if (total.incrementAndGet() > settings.maxSubscribers()) {
            total.decrementAndGet();
            return "the server has reached its limit of " + settings.maxSubscribers() + " subscribers";
        }
        if (topic.kind() == Topic.Kind.GENERAL_EVENTS) {
            general.incrementAndGet();
            return null;
        }
        boolean[] refused = new boolean[1];
        perAccount.compute(topic.accountId(), (account, count) -> {
            int next = count == null ? 1 : count + 1;
            refused[0] = next > settings.maxSubscribersPerAccount();
            return refused[0] ? count : next;
        });
        if (refused[0]) {
            total.decrementAndGet();
            return "account " + topic.accountId() + " has reached its limit of "
                    + settings.maxSubscribersPerAccount() + " subscribers";
        }
        return null;
    }

    /** Gives back the place taken for {@code topic}. */
    void unreserve(Topic topic) {
        total.decrementAndGet();
        if (topic.kind() == Topic.Kind.GENERAL_EVENTS) {
            general.decrementAndGet();
        } else {
            perAccount.computeIfPresent(topic.accountId(), (account, count) -> count == 1 ? null : count - 1);
        }
    }

    /**
     * Adds {@code session} to the next stripe in turn; its first ping falls due at a random moment within one ping
     * interval, so that subscribers who connect together (a reconnecting crowd) are not pinged together ever after;
     * it is first visited then, or when its token expires if that comes first.
     */
    void add(SubscriberSession session) {
        long now = System.nanoTime();
        long firstPing = now + ThreadLocalRandom.current().nextLong(pingIntervalNanos);
        sessions.add(session);
        wheel.add(session, session.firstLivenessCheck(firstPing, now, System.currentTimeMillis(), pongTimeoutNanos));
    }

    void remove(SubscriberSession session) {
        if (sessions.remove(session)) {
            unreserve(session.topic());
            if (sessions.isEmpty()) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    /** Open sessions of {@code kind}. */
    @Override
    public int count(Topic.Kind kind) {
        int g = general.get();
        return kind == Topic.Kind.GENERAL_EVENTS ? g : total.get() - g;
    }

    /** Bytes accepted for subscribers and waiting in their connections' queues. */
    @Override
    public long outboundBytes() {
        long sum = 0;
        for (SubscriberSession s : sessions) {
            sum += s.outboundBytes();
        }
        return sum;
    }

    /**
     * Schedules the liveness checks on {@code scheduler}, whose single thread then alone runs them: every tick (a
     * twentieth of the shorter of the ping interval and the pong timeout, between 1 and 100 ms), the sessions whose
     * ping, pong deadline or token expiry has come are visited; a failure never cancels the schedule.
     */
    public void scheduleLiveness(ScheduledExecutorService scheduler) {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                wheel.advance(System.nanoTime(), System.currentTimeMillis(), this::visit);
            } catch (RuntimeException e) {
                LOG.error("Liveness check of subscribers failed", e);
            }
        }, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    /** Closes every subscriber with 1001 after what was accepted for it, waiting up to {@code timeout}. */
    public void shutdown(Duration timeout) throws InterruptedException {
        shutdown = true;
        closeAll(CloseCodes.SHUTDOWN, "server shutdown");
        int left = awaitEmpty(timeout);
        if (left > 0) {
            LOG.warn("{} subscribers had not closed after {}; they are dropped", left, timeout);
        }
    }

    /** Whether {@link #shutdown} was called. */
    public boolean isShutdown() {
        return shutdown;
    }

    /** Pings {@code session} when due, or drops it when dead; returns when to visit it again (negative: never). */
    private long visit(SubscriberSession session, long nowNanos, long nowMillis) {
        session.checkExpiry(nowMillis);
        session.checkLiveness(nowNanos, pingIntervalNanos, pongTimeoutNanos);
        return session.nextLivenessCheck(nowNanos, nowMillis, pingIntervalNanos, pongTimeoutNanos);
    }

    /** Closes every session with {@code code} after what it accepted. */
    void closeAll(int code, String reason) {
        sessions.forEach(s -> s.closeWith(code, reason));
    }

    /** Waits until no session is left, at most {@code timeout}; returns how many are left. */
    synchronized int awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!sessions.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return sessions.size();
    }
}
