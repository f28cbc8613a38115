package dev.sender.client.internal;

import dev.sender.client.EventsLostException;
import dev.sender.client.ReconnectPolicy;
import dev.sender.client.SenderException;
import dev.sender.client.Subscription;
import dev.sender.client.SubscriptionClosedException;
import dev.sender.core.CloseCodes;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one subscription, one at a time: opens the first, reopens lost ones as the
 * {@link ReconnectPolicy} allows, and closes for good. Its {@link Resumption} says where in the server's history each
 * connection starts, and which gaps the {@code 101}s reveal; a gap is handed over before the first frame of the
 * connection that revealed it.
 *
 * <p>Its phases, and the moves between them, are those of {@link ConnectionPhase}. Every move goes through
 * {@link #moveTo}, under {@link #lock}: the outermost lock of a subscription, under which the sink and the close
 * callback take their own. Listener callbacks are queued, never run, under it; sockets are closed after it is
 * released.
 */
final class ConnectionStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStateMachine.class);

    private final RealSenderClient client;
    private final URI uri;
    /** Request headers of every handshake, besides a fresh request id. */
    private final Map<String, String> headers;
    private final ReconnectPolicy policy;
    private final int capacity;
    private final ListenerDispatch<?> listeners;
    /** Takes a received frame; false when the application lets messages pile up beyond {@link #capacity}. */
    private final Predicate<String> sink;
    /** Told, under the lock, why the subscription closed for good. */
    private final Consumer<SubscriptionClosedException> onClosed;
    private final Resumption resumption;
    /** Takes a gap, under the lock, before the frames that follow it. */
    private final Consumer<EventsLostException> gaps;

    private final ReentrantLock lock = new ReentrantLock();
    /** Written under the lock; read without it by {@link #state()}. */
    private volatile ConnectionPhase phase = ConnectionPhase.CONNECTING;
    /** The open connection; set exactly in phase OPEN. */
    private @Nullable Connection current;
    /** Reconnect attempts since the last open connection. */
    private int attempt;
    private int lastCloseCode;
    private @Nullable ScheduledFuture<?> pendingReconnect;

    ConnectionStateMachine(RealSenderClient client, URI uri, Map<String, String> headers, ListenerDispatch<?> listeners,
            Predicate<String> sink, Consumer<SubscriptionClosedException> onClosed, Resumption resumption,
            Consumer<EventsLostException> gaps) {
        this.client = client;
        this.uri = uri;
        this.headers = Map.copyOf(headers);
        this.policy = client.settings().reconnect();
        this.capacity = client.settings().messageBuffer();
        this.listeners = listeners;
        this.sink = sink;
        this.onClosed = onClosed;
        this.resumption = resumption;
        this.gaps = gaps;
    }

    Subscription.State state() {
        return phase.visible;
    }

    /**
     * Opens the first connection; returns once it is open.
     *
     * @throws SenderException when the handshake is refused or the server cannot be reached
     */
    void open() {
        Connection connection;
        try {
            connection = connect();
        } catch (SenderException e) {
            fail(new SubscriptionClosedException("the subscription could not open: " + e.getMessage(), 0, false, e));
            throw e;
        }
        opened(connection);
    }

    /**
     * Opens a connection where the {@link Resumption} says, once more without history when the server refuses it.
     *
     * @throws SenderException when the handshake is refused or the server cannot be reached
     */
    private Connection connect() {
        try {
            return Connection.open(client, this, resumption.nextUri(), headers);
        } catch (SenderException e) {
            if (!resumption.fallBack(e)) {
                throw e;
            }
            LOG.info("subscription {}: the server refused history ({}); subscribing without it", uri, e.detail());
            return Connection.open(client, this, resumption.nextUri(), headers);
        }
    }

    /** Closes for good on behalf of the application (or its client), with close 1000 and {@code reason}. */
    void close(String why, String reason) {
        Connection toClose;
        lock.lock();
        try {
            toClose = terminate(new SubscriptionClosedException(why, CloseCodes.NORMAL, true, null), false, reason);
        } finally {
            lock.unlock();
        }
        closeQuietly(toClose, reason);
    }

    /** Closes for good because of {@code why}, which is reported as an error. */
    private void fail(SubscriptionClosedException why) {
        Connection toClose;
        lock.lock();
        try {
            toClose = terminate(why, true, "");
        } finally {
            lock.unlock();
        }
        closeQuietly(toClose, "");
    }

    /** Under the lock: the one place where the phase changes; listeners hear of a change of visible state. */
    private void moveTo(ConnectionPhase next) {
        ConnectionPhase previous = phase;
        if (previous == next) {
            return;
        }
        if (!previous.canMoveTo(next)) {
            throw new IllegalStateException("subscription " + uri + " cannot go from " + previous + " to " + next);
        }
        phase = next;
        if (previous.visible != next.visible) {
            listeners.stateChanged(previous.visible, next.visible);
        }
    }

    /**
     * Under the lock: closes the subscription for good, unless it is already closed. Returns the connection to
     * close once the lock is released.
     */
    private @Nullable Connection terminate(SubscriptionClosedException why, boolean failure, String closeReason) {
        if (phase == ConnectionPhase.CLOSED) {
            return null;
        }
        Connection connection = current;
        current = null;
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
            pendingReconnect = null;
        }
        if (connection != null) {
            listeners.closed(CloseCodes.NORMAL, closeReason);
        }
        if (failure) {
            LOG.warn("subscription {} closed: {}", uri, why.getMessage());
            listeners.failed(why);
        } else {
            LOG.debug("subscription {} closed: {}", uri, why.getMessage());
        }
        moveTo(ConnectionPhase.CLOSED);
        onClosed.accept(why);
        return connection;
    }

    /** A connection opened: it becomes the current one, unless the subscription closed meanwhile. */
    void opened(Connection connection) {
        boolean closeNow;
        lock.lock();
        try {
            if (connection.reported) {
                return;
            }
            connection.reported = true;
            closeNow = phase == ConnectionPhase.CLOSED;
            if (!closeNow) {
                EventsLostException gap = resumption.opened(connection.handshakeHeaders());
                boolean reopened = phase == ConnectionPhase.RECONNECTING;
                current = connection;
                attempt = 0;
                moveTo(ConnectionPhase.OPEN);
                listeners.opened();
                if (gap != null) {
                    // Under the lock, so before the first frame of the connection.
                    LOG.warn("subscription {}: {}", uri, gap.getMessage());
                    gaps.accept(gap);
                }
                if (reopened) {
                    LOG.info("subscription {} reconnected [request {}]", uri, connection.handshakeRequestId());
                }
            }
        } finally {
            lock.unlock();
        }
        if (closeNow) {
            closeQuietly(connection, "the subscription is closed");
        }
    }

    /** A frame arrived (on a Tyrus thread): handed to the sink, never parsed here. */
    void received(Connection connection, String text) {
        Connection toClose = null;
        lock.lock();
        try {
            if (connection != current) {
                return;
            }
            resumption.received(text);
            if (!sink.test(text)) {
                toClose = terminate(new SubscriptionClosedException("message buffer overflow: " + capacity
                        + " received messages were waiting for the application to take them (SenderClient.Builder"
                        + ".messageBuffer); the subscription is closed rather than dropping messages", CloseCodes.NORMAL,
                        false, null), true, "message buffer overflow");
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(toClose, "message buffer overflow");
    }

    /** A connection closed (on a Tyrus thread): reported, then reopened or the subscription closes. */
    void closed(Connection connection, int code, String reason) {
        Connection toClose;
        lock.lock();
        try {
            if (connection != current) {
                return;
            }
            current = null;
            lastCloseCode = code;
            listeners.closed(code, reason);
            if (CloseCodes.isReconnectable(code)) {
                LOG.info("subscription {} lost its connection: {} {}", uri, code, reason);
                toClose = scheduleReconnect(null, code == CloseCodes.TOKEN_EXPIRED);
            } else {
                toClose = terminate(new SubscriptionClosedException("the server closed the subscription with code "
                        + code + (reason.isEmpty() ? "" : " (" + reason + ")"), code, false, null), true, "");
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(toClose, "");
    }

    /** A connection failed (on a Tyrus thread); a close follows. */
    void failed(Connection connection, Throwable error) {
        LOG.debug("subscription {}: connection error", uri, error);
        lock.lock();
        try {
            if (connection == current) {
                listeners.failed(error);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: plans the next reconnect attempt, or closes the subscription when the policy gives up; an
     * {@code immediate} attempt (after an expired token, which a fresh one answers at once) does not wait for the
     * policy's delay. Returns a connection to close once the lock is released.
     */
    private @Nullable Connection scheduleReconnect(@Nullable SenderException lastFailure, boolean immediate) {
        int next = ++attempt;
        Optional<Duration> delay;
        try {
            delay = policy.delayBeforeAttempt(next);
        } catch (RuntimeException e) {
            LOG.warn("reconnect policy {} failed; not reconnecting", policy, e);
            delay = Optional.empty();
        }
        if (delay.isEmpty()) {
            String why = next == 1
                    ? "the connection closed with code " + lastCloseCode + " and reconnecting is disabled"
                    : "gave up reconnecting after " + (next - 1) + " attempts";
            return terminate(new SubscriptionClosedException(why, lastCloseCode, false, lastFailure), true, "");
        }
        Duration wait = immediate ? Duration.ZERO : delay.get();
        moveTo(ConnectionPhase.WAITING);
        listeners.reconnecting(next, wait);
        try {
            pendingReconnect = client.scheduler().schedule(this::reconnectSoon, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("client closing; no reconnect of {}", uri);
        }
        return null;
    }

    /** On the scheduler: hands the blocking attempt to the connect pool. */
    private void reconnectSoon() {
        try {
            client.connectPool().execute(this::reconnect);
        } catch (RejectedExecutionException e) {
            LOG.debug("client closing; no reconnect of {}", uri);
        }
    }

    /** One reconnect attempt, on the connect pool. */
    private void reconnect() {
        lock.lock();
        try {
            pendingReconnect = null;
            if (phase != ConnectionPhase.WAITING) {
                return;
            }
            moveTo(ConnectionPhase.RECONNECTING);
        } finally {
            lock.unlock();
        }
        Connection connection;
        try {
            connection = connect();
        } catch (SenderException e) {
            attemptFailed(e);
            return;
        }
        opened(connection);
    }

    private void attemptFailed(SenderException e) {
        Connection toClose;
        lock.lock();
        try {
            if (phase == ConnectionPhase.CLOSED) {
                return;
            }
            if (e.status() > 0 && e.status() < 500) {
                toClose = terminate(new SubscriptionClosedException("the server refused to resubscribe: "
                        + e.getMessage(), lastCloseCode, false, e), true, "");
            } else {
                LOG.debug("subscription {}: reconnect attempt {} failed: {}", uri, attempt, e.getMessage());
                listeners.failed(e);
                toClose = scheduleReconnect(e, false);
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(toClose, "");
    }

    private static void closeQuietly(@Nullable Connection connection, String reason) {
        if (connection != null) {
            connection.close(reason);
        }
    }
}
