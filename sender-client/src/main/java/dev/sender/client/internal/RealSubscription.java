package dev.sender.client.internal;

import dev.sender.client.ConnectionListener;
import dev.sender.client.ReconnectPolicy;
import dev.sender.client.SenderException;
import dev.sender.client.Subscription;
import dev.sender.client.SubscriptionClosedException;
import dev.sender.client.SubscriptionListener;
import dev.sender.core.RequestId;
import dev.sender.core.event.EventMessage;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;
import org.glassfish.tyrus.core.HandshakeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription: its WebSocket connections (one at a time, reopened after a loss), its buffer of received
 * messages, and the delivery of messages and events to whoever consumes them.
 *
 * <p>Tyrus threads only hand frames over ({@link #received}); parsing and every callback happen on the
 * consumer's thread ({@link #next()}) or on the client's callback pool through {@link #callbacks}, which keeps
 * them in order. All state is guarded by {@link #lock}; callbacks and socket closes happen outside it.
 */
final class RealSubscription<M extends EventMessage> implements Subscription<M> {

    private static final Logger LOG = LoggerFactory.getLogger(RealSubscription.class);

    /** Close codes after which the connection is reopened, when the policy allows. */
    static final Set<Integer> RECONNECTABLE = Set.of(1001, 1006, 1011, 1012, 1013, 1014, 4008);
    private static final int NORMAL_CLOSURE = 1000;

    /** How messages are consumed; decided by the first consumer and fixed from then on. */
    private enum Mode { UNDECIDED, PULL, FLOW, LISTENER }

    private final RealSenderClient client;
    private final URI uri;
    /** Request headers of every handshake, besides a fresh request id. */
    private final Map<String, String> headers;
    private final Function<String, M> parser;
    private final @Nullable SubscriptionListener<? super M> listener;
    private final ConnectionListener connectionListener;
    private final ReconnectPolicy policy;
    private final int capacity;
    /** Runs every callback of this subscription, in order. */
    private final SerialExecutor callbacks;
    /** Whether a drain for the Flow subscriber is queued on {@link #callbacks}. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a message arrives or the subscription closes. */
    private final Condition changed = lock.newCondition();
    /** Written under the lock; read without it by {@link #state()}. */
    private volatile State state = State.CONNECTING;
    private Mode mode;
    /** The open connection; null while connecting, reconnecting, or closed. */
    private @Nullable Connection current;
    /** Why the subscription is closed; set exactly when {@link #state} becomes CLOSED. */
    private @Nullable SubscriptionClosedException terminal;
    /** Reconnect attempts since the last open connection. */
    private int attempt;
    private int lastCloseCode;
    private @Nullable ScheduledFuture<?> pendingReconnect;
    /** Received raw messages not yet taken (pull and Flow modes); at most {@link #capacity}. */
    private final ArrayDeque<String> buffer = new ArrayDeque<>();
    /** Messages queued on {@link #callbacks} for the listener and not yet handed to it; at most capacity. */
    private int listenerBacklog;
    private @Nullable FlowSubscription flow;

    RealSubscription(RealSenderClient client, URI uri, Map<String, String> headers,
            Function<String, M> parser, @Nullable SubscriptionListener<? super M> listener) {
        this.client = client;
        this.uri = uri;
        this.headers = Map.copyOf(headers);
        this.parser = parser;
        this.listener = listener;
        this.connectionListener = client.settings().connectionListener();
        this.policy = client.settings().reconnect();
        this.capacity = client.settings().messageBuffer();
        this.callbacks = new SerialExecutor(client.callbackPool());
        this.mode = listener == null ? Mode.UNDECIDED : Mode.LISTENER;
    }

    // ---- Life cycle ------------------------------------------------------------------------------------------

    /**
     * Opens the first connection; returns once it is open.
     *
     * @throws SenderException when the handshake is refused or the server cannot be reached
     */
    void open() {
        try {
            connectOnce();
        } catch (SenderException e) {
            Connection toClose;
            lock.lock();
            try {
                toClose = terminate(new SubscriptionClosedException("the subscription could not open: "
                        + e.getMessage(), 0, false, e), true, "");
            } finally {
                lock.unlock();
            }
            closeQuietly(toClose, "");
            throw e;
        }
    }

    @Override
    public void close() {
        closeBy("the application closed the subscription", "closed by the application");
    }

    /** Closes for good on behalf of the application (or its client), with close 1000 and {@code reason}. */
    void closeBy(String why, String reason) {
        Connection toClose;
        lock.lock();
        try {
            toClose = terminate(new SubscriptionClosedException(why, NORMAL_CLOSURE, true, null), false, reason);
        } finally {
            lock.unlock();
        }
        closeQuietly(toClose, reason);
    }

    /**
     * Under the lock: closes the subscription for good, unless it is already closed. Returns the connection to
     * close once the lock is released.
     */
    private @Nullable Connection terminate(SubscriptionClosedException why, boolean failure, String closeReason) {
        if (state == State.CLOSED) {
            return null;
        }
        Connection connection = current;
        current = null;
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
            pendingReconnect = null;
        }
        terminal = why;
        if (connection != null) {
            emit(l -> l.onClose(this, NORMAL_CLOSURE, closeReason), l -> l.onClose(NORMAL_CLOSURE, closeReason));
        }
        if (failure) {
            LOG.warn("subscription {} closed: {}", uri, why.getMessage());
            emit(l -> l.onError(this, why), l -> l.onError(why));
        } else {
            LOG.debug("subscription {} closed: {}", uri, why.getMessage());
        }
        setState(State.CLOSED);
        changed.signalAll();
        if (mode == Mode.FLOW) {
            queueDrain();
        }
        client.forget(this);
        return connection;
    }

    /** Under the lock: moves to {@code next} and tells the listeners. */
    private void setState(State next) {
        State previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        emit(l -> l.onStateChange(this, previous, next), l -> l.onStateChange(previous, next));
    }

    // ---- Connections -----------------------------------------------------------------------------------------

    /**
     * Opens one connection and returns once it is open (and reported by {@link #opened}).
     *
     * @throws SenderException when the handshake is refused (with the server's error) or the connection fails
     */
    private void connectOnce() {
        String requestId = RequestId.generate();
        Connection connection = new Connection();
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.put(Http.REQUEST_ID, requestId);
        try {
            Session session = client.webSockets().connect(connection, uri, sent,
                    answer -> connection.handshakeRequestId = header(answer, Http.RESPONSE_REQUEST_ID));
            connection.session = session;
        } catch (DeploymentException | IOException | RuntimeException e) {
            int status = handshakeStatus(e);
            if (status > 0) {
                throw client.http().handshakeRefused(uri, sent, requestId, status, connection.handshakeRequestId);
            }
            throw new SenderException("cannot open " + uri + ": " + rootMessage(e), requestId, e);
        }
        opened(connection);
    }

    /** The HTTP status of a refused handshake, or 0 when {@code e} is not a refusal. */
    private static int handshakeStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int status = 0;
            if (t instanceof DeploymentHandshakeException handshake) {
                status = handshake.getHttpStatusCode();
            } else if (t instanceof HandshakeException handshake) {
                status = handshake.getHttpStatusCode();
            }
            if (status >= 300 && status < 600) {
                return status;
            }
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getMessage() + " (" + root + ")";
    }

    /** A header of the handshake answer; Tyrus splits values at commas, which a request id contains. */
    private static @Nullable String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().stream().map(String::strip).collect(Collectors.joining(","));
            }
        }
        return null;
    }

    /** A connection opened: it becomes the current one, unless the subscription closed meanwhile. */
    private void opened(Connection connection) {
        boolean closeNow;
        lock.lock();
        try {
            if (connection.reported) {
                return;
            }
            connection.reported = true;
            closeNow = state == State.CLOSED;
            if (!closeNow) {
                boolean reopened = state == State.RECONNECTING;
                current = connection;
                attempt = 0;
                setState(State.OPEN);
                emit(l -> { }, l -> l.onOpen(this));
                if (reopened) {
                    LOG.info("subscription {} reconnected [request {}]", uri, connection.handshakeRequestId);
                }
            }
        } finally {
            lock.unlock();
        }
        if (closeNow) {
            closeQuietly(connection, "the subscription is closed");
        }
    }

    /** A frame arrived (on a Tyrus thread): buffered or queued for the listener, never parsed here. */
    private void received(Connection connection, String text) {
        Connection toClose = null;
        lock.lock();
        try {
            if (connection != current) {
                return;
            }
            if (mode == Mode.LISTENER) {
                if (listenerBacklog >= capacity) {
                    toClose = overflow();
                } else {
                    listenerBacklog++;
                    callbacks.execute(() -> deliverToListener(text));
                }
            } else if (buffer.size() >= capacity) {
                toClose = overflow();
            } else {
                buffer.add(text);
                changed.signalAll();
                if (mode == Mode.FLOW) {
                    queueDrain();
                }
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(toClose, "message buffer overflow");
    }

    /** Under the lock: the buffer is full because the application does not consume. */
    private @Nullable Connection overflow() {
        return terminate(new SubscriptionClosedException("message buffer overflow: " + capacity
                + " received messages were waiting for the application to take them (SenderClient.Builder"
                + ".messageBuffer); the subscription is closed rather than dropping messages", NORMAL_CLOSURE, false,
                null), true, "message buffer overflow");
    }

    /** A connection closed (on a Tyrus thread): reported, then reopened or the subscription closes. */
    private void closed(Connection connection, int code, String reason) {
        Connection toClose = null;
        lock.lock();
        try {
            if (connection != current) {
                return;
            }
            current = null;
            lastCloseCode = code;
            emit(l -> l.onClose(this, code, reason), l -> l.onClose(code, reason));
            if (RECONNECTABLE.contains(code)) {
                LOG.info("subscription {} lost its connection: {} {}", uri, code, reason);
                toClose = scheduleReconnect(null);
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
    private void failed(Connection connection, Throwable error) {
        LOG.debug("subscription {}: connection error", uri, error);
        lock.lock();
        try {
            if (connection == current) {
                emit(l -> l.onError(this, error), l -> l.onError(error));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: plans the next reconnect attempt, or closes the subscription when the policy gives up.
     * Returns a connection to close once the lock is released.
     */
    private @Nullable Connection scheduleReconnect(@Nullable SenderException lastFailure) {
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
        Duration wait = delay.get();
        setState(State.RECONNECTING);
        emit(l -> l.onReconnecting(this, next, wait), null);
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
            if (state == State.CLOSED) {
                return;
            }
        } finally {
            lock.unlock();
        }
        try {
            connectOnce();
        } catch (SenderException e) {
            Connection toClose;
            lock.lock();
            try {
                if (state == State.CLOSED) {
                    return;
                }
                if (e.status() > 0 && e.status() < 500) {
                    toClose = terminate(new SubscriptionClosedException("the server refused to resubscribe: "
                            + e.getMessage(), lastCloseCode, false, e), true, "");
                } else {
                    LOG.debug("subscription {}: reconnect attempt {} failed: {}", uri, attempt, e.getMessage());
                    emit(l -> l.onError(this, e), l -> l.onError(e));
                    toClose = scheduleReconnect(e);
                }
            } finally {
                lock.unlock();
            }
            closeQuietly(toClose, "");
        }
    }

    private void closeQuietly(@Nullable Connection connection, String reason) {
        if (connection != null) {
            connection.close(reason);
        }
    }

    /** One WebSocket connection of this subscription: a Tyrus endpoint forwarding to the subscription. */
    private final class Connection extends Endpoint {

        volatile @Nullable Session session;
        /** The {@code LUNA-Request-Id} of the handshake answer. */
        volatile @Nullable String handshakeRequestId;
        /** Whether {@link #opened} has seen this connection; guarded by the subscription's lock. */
        boolean reported;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> received(this, text));
            opened(this);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed(this, reason.getCloseCode().getCode(),
                    reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase());
        }

        @Override
        public void onError(Session session, Throwable error) {
            failed(this, error);
        }

        void close(String reason) {
            Session s = session;
            if (s == null || !s.isOpen()) {
                return;
            }
            try {
                s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing a connection of {} failed", uri, e);
            }
        }
    }

    // ---- Consuming -------------------------------------------------------------------------------------------

    @Override
    public M next() {
        return take(-1).orElseThrow();
    }

    @Override
    public Optional<M> next(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return take(Math.max(0, saturatedNanos(timeout)));
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }

    /** The next message, waiting at most {@code nanos} (forever when negative); empty on timeout. */
    private Optional<M> take(long nanos) {
        long deadline = nanos < 0 ? 0 : System.nanoTime() + nanos;
        while (true) {
            String text;
            lock.lock();
            try {
                use(Mode.PULL);
                while (buffer.isEmpty()) {
                    if (state == State.CLOSED) {
                        throw copy(Objects.requireNonNull(terminal));
                    }
                    if (nanos < 0) {
                        changed.await();
                    } else {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            return Optional.empty();
                        }
                        changed.awaitNanos(remaining);
                    }
                }
                text = buffer.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SenderException("interrupted while waiting for a message of " + uri, null, e);
            } finally {
                lock.unlock();
            }
            M message = parse(text);
            if (message != null) {
                return Optional.of(message);
            }
        }
    }

    /** A new exception like {@code terminal}, thrown with the caller's stack. */
    private static SubscriptionClosedException copy(SubscriptionClosedException terminal) {
        return new SubscriptionClosedException(terminal.getMessage(), terminal.closeCode(),
                terminal.closedByApplication(), terminal.getCause());
    }

    /** Under the lock: fixes the consumption mode, or refuses a second one. */
    private void use(Mode wanted) {
        if (mode == Mode.UNDECIDED) {
            mode = wanted;
        } else if (mode != wanted) {
            throw new IllegalStateException(switch (mode) {
                case LISTENER -> "the messages of this subscription go to its listener";
                case FLOW -> "the messages of this subscription go to its Flow subscriber";
                default -> "the messages of this subscription are taken with next() or stream(); "
                        + "publisher() is not available";
            });
        }
    }

    @Override
    public Stream<M> stream() {
        lock.lock();
        try {
            use(Mode.PULL);
        } finally {
            lock.unlock();
        }
        Spliterator<M> messages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super M> action) {
                M message;
                try {
                    message = next();
                } catch (SubscriptionClosedException e) {
                    if (e.closedByApplication()) {
                        return false;
                    }
                    throw e;
                }
                action.accept(message);
                return true;
            }
        };
        return StreamSupport.stream(messages, false).onClose(this::close);
    }

    /** The message {@code text} reads as, or null (reported) when it does not read. */
    private @Nullable M parse(String text) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            SenderException error = new SenderException("a message of " + uri + " is not a valid event message: "
                    + e.getMessage(), null, e);
            LOG.warn("{}; skipped", error.getMessage());
            emit(l -> l.onError(this, error), l -> l.onError(error));
            return null;
        }
    }

    private void deliverToListener(String text) {
        lock.lock();
        try {
            listenerBacklog--;
        } finally {
            lock.unlock();
        }
        M message = parse(text);
        SubscriptionListener<? super M> target = listener;
        if (message != null && target != null) {
            safely(() -> target.onMessage(message), "subscription listener");
        }
    }

    /**
     * Queues a callback to the connection listener and, when there is one, the subscription listener; each is
     * guarded so that one that throws does not stop the other or later callbacks.
     */
    private void emit(Consumer<ConnectionListener> toConnection,
            @Nullable Consumer<SubscriptionListener<? super M>> toListener) {
        SubscriptionListener<? super M> target = listener;
        callbacks.execute(() -> {
            safely(() -> toConnection.accept(connectionListener), "connection listener");
            if (target != null && toListener != null) {
                safely(() -> toListener.accept(target), "subscription listener");
            }
        });
    }

    private void safely(Runnable callback, String who) {
        try {
            callback.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("the {} of {} failed", who, uri, e);
        }
    }

    // ---- Flow ------------------------------------------------------------------------------------------------

    @Override
    public Flow.Publisher<M> publisher() {
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            FlowSubscription accepted = null;
            String refusal = null;
            lock.lock();
            try {
                if (flow != null) {
                    refusal = "this subscription's publisher already has a subscriber";
                } else {
                    try {
                        use(Mode.FLOW);
                        accepted = new FlowSubscription(subscriber);
                        flow = accepted;
                    } catch (IllegalStateException e) {
                        refusal = e.getMessage();
                    }
                }
            } finally {
                lock.unlock();
            }
            if (accepted == null) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                subscriber.onError(new IllegalStateException(refusal));
                return;
            }
            FlowSubscription subscription = accepted;
            callbacks.execute(() -> {
                try {
                    subscriber.onSubscribe(subscription);
                } catch (RuntimeException e) {
                    LOG.warn("a Flow subscriber of {} failed in onSubscribe; cancelling", uri, e);
                    subscription.cancel();
                }
            });
            queueDrain();
        };
    }

    private void queueDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            callbacks.execute(() -> {
                drainQueued.set(false);
                drain();
            });
        }
    }

    /** On {@link #callbacks}: hands the Flow subscriber what it asked for, and the end when it comes. */
    private void drain() {
        FlowSubscription f;
        lock.lock();
        try {
            f = flow;
        } finally {
            lock.unlock();
        }
        if (f == null) {
            return;
        }
        while (true) {
            String text = null;
            Throwable error = null;
            lock.lock();
            try {
                if (f.done) {
                    return;
                }
                if (f.invalidRequest != null) {
                    error = new IllegalArgumentException("request(" + f.invalidRequest
                            + "): demand must be positive (Reactive Streams rule 3.9)");
                    f.done = true;
                } else if (f.cancelled) {
                    f.done = true;
                    return;
                } else if (!buffer.isEmpty() && f.demand > 0) {
                    text = buffer.poll();
                    f.demand--;
                } else if (state == State.CLOSED && !Objects.requireNonNull(terminal).closedByApplication()) {
                    // A failure does not wait for demand: what arrived and was not requested is dropped with it.
                    error = copy(terminal);
                    f.done = true;
                } else if (buffer.isEmpty() && state == State.CLOSED) {
                    f.done = true;
                } else {
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (text != null) {
                M message = parse(text);
                if (message == null) {
                    lock.lock();
                    try {
                        f.demand++;
                    } finally {
                        lock.unlock();
                    }
                    continue;
                }
                try {
                    f.subscriber.onNext(message);
                } catch (RuntimeException e) {
                    LOG.warn("a Flow subscriber of {} failed in onNext; cancelling", uri, e);
                    f.cancel();
                    return;
                }
            } else if (error != null) {
                Throwable signal = error;
                safely(() -> f.subscriber.onError(signal), "Flow subscriber");
                if (error instanceof IllegalArgumentException) {
                    closeBy("the Flow subscriber made an invalid request", "invalid request");
                }
                return;
            } else {
                safely(f.subscriber::onComplete, "Flow subscriber");
                return;
            }
        }
    }

    /** The demand of the one Flow subscriber; fields guarded by the subscription's lock. */
    private final class FlowSubscription implements Flow.Subscription {

        final Flow.Subscriber<? super M> subscriber;
        long demand;
        /** The first non-positive request, to be answered with onError. */
        @Nullable Long invalidRequest;
        boolean cancelled;
        /** Whether a terminal signal was sent (or the subscriber cancelled); nothing follows it. */
        boolean done;

        FlowSubscription(Flow.Subscriber<? super M> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            lock.lock();
            try {
                if (done || cancelled) {
                    return;
                }
                if (n <= 0) {
                    if (invalidRequest == null) {
                        invalidRequest = n;
                    }
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
            } finally {
                lock.unlock();
            }
            queueDrain();
        }

        @Override
        public void cancel() {
            lock.lock();
            try {
                if (cancelled) {
                    return;
                }
                cancelled = true;
            } finally {
                lock.unlock();
            }
            closeBy("the Flow subscriber cancelled", "cancelled");
        }
    }

    // ---- Views -----------------------------------------------------------------------------------------------

    @Override
    public State state() {
        return state;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public String toString() {
        return "Subscription[" + uri + ", " + state + "]";
    }
}
