package dev.sender.server.internal.websocket;

import dev.sender.core.Broker;
import dev.sender.core.CloseCodes;
import dev.sender.core.CloseReason;
import dev.sender.core.Delivery;
import dev.sender.core.MessageSink;
import dev.sender.core.StartAt;
import dev.sender.core.Subscription;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import dev.sender.server.internal.http.AccessLog;
import dev.sender.server.internal.metrics.SenderMetrics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket subscriber: the broker's sink for its subscription and Jetty's frame handler for its
 * connection. A message becomes one text frame whose payload is the message's shared bytes. The publishing
 * thread queues the frame in the connection, which gathers small frames in its write buffer, and asks the
 * session's {@link WriterThreads writer thread} for a flush: the frames queued until the flush runs leave in
 * one write, so the busier the server, the more frames each system call carries. A subscriber that asked for
 * history (SPEC §9) receives each message's shared variant with its position; any other, the message's JSON as
 * LUNA sends it. Bytes waiting in the connection's queue are counted, and a subscriber that lets them pass its
 * limit is closed with 4008, so a slow subscriber never holds back the publisher or anyone else.
 */
public final class SubscriberSession implements FrameHandler, MessageSink, WriterThreads.Flushable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberSession.class);

    /** Pongs that may wait to be written before the peer's further pings go unanswered. */
    static final int MAX_PONGS_IN_FLIGHT = 4;

    private final Topic topic;
    private final Filter filter;
    /** Whether frames carry the message's position: the subscriber asked for history. */
    private final boolean positions;
    private final String requestId;
    private final Context context;
    private final WriterThreads.Lane writer;
    /** Bytes handed to the connection, neither written nor gathered in its write buffer: what the peer has not read. */
    private final AtomicLong outboundBytes = new AtomicLong();
    /**
     * Bytes of the messages held until the connection opened (a replay, mostly) that are still in the connection's
     * queue: the queue may hold them beyond its limit, since a replay comes all at once, whereas the limit is meant
     * for a subscriber that falls behind.
     */
    private final AtomicLong heldBytes = new AtomicLong();
    /** Messages handed to the connection since the last flush took the count. */
    private final AtomicInteger unflushedMessages = new AtomicInteger();
    /** Whether the writer is asked to flush and has not started; whoever sets it asks. */
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    /** When the message that asked for the pending flush was handed to the connection. */
    private volatile long flushRequestedNanos;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final long createdNanos = System.nanoTime();
    private volatile @Nullable CoreSession session;
    private volatile @Nullable Subscription subscription;
    /** Messages that arrived before the connection opened; null once open. */
    private @Nullable List<EventMessage> beforeOpen = new ArrayList<>();
    /** Whether the held messages were handed to the connection, so that publishers hand theirs directly. */
    private volatile boolean sending;
    /** When the bearer's grant ends, in epoch milliseconds; {@link Long#MAX_VALUE} for never. */
    private volatile long expiresAtMillis = Long.MAX_VALUE;
    /** Its pings and pongs. */
    final PingClock ping = new PingClock();
    /** Pongs handed to the connection and not yet written. */
    private final AtomicInteger pongsInFlight = new AtomicInteger();
    /** Bytes of the client's data message being received; Jetty hands frames over in pieces, one at a time. */
    private long inboundMessageBytes;
    /** Counts what the session sends and logs its close; null until set, before the session subscribes. */
    private volatile AccessLog.@Nullable Subscription access;

    /**
     * What sessions share.
     *
     * @param subscribers the registry of sessions
     * @param metrics the server's meters
     * @param scheduler for deadlines
     * @param queueLimitBytes see {@code SenderSettings.subscriberQueueBytes}
     * @param writeTimeoutMillis see {@code SenderSettings.writeTimeout}
     * @param inboundLimitBytes see {@code SenderSettings.maxInboundFrameBytes}
     * @param writers the threads that flush connections
     */
    public record Context(Subscribers subscribers, SenderMetrics metrics, ScheduledExecutorService scheduler,
            long queueLimitBytes, long writeTimeoutMillis, int inboundLimitBytes, WriterThreads writers) {
    }

    SubscriberSession(Topic topic, Filter filter, boolean positions, String requestId, Context context) {
        this.topic = topic;
        this.filter = filter;
        this.positions = positions;
        this.requestId = requestId;
        this.context = context;
        this.writer = context.writers().assign();
    }

    /** When to check liveness next ({@link PingClock#next}); negative once released, or closing once open. */
    long nextLivenessCheck(long now, long nowMillis, long pingIntervalNanos, long pongTimeoutNanos) {
        if (released.get() || session != null && closing.get()) {
            return -1;
        }
        return session == null ? createdNanos + pingIntervalNanos + pongTimeoutNanos + 1
                : ping.next(now, pongTimeoutNanos, expiresAtMillis - nowMillis);
    }

    /** When the first liveness check is due: its first ping, or its token's expiry when that comes first. */
    long firstLivenessCheck(long firstPing, long now, long nowMillis, long pongTimeoutNanos) {
        ping.firstDue(firstPing);
        return ping.next(now, pongTimeoutNanos, expiresAtMillis - nowMillis);
    }

    /** Closes the session with {@code 4001} once {@code expiry} has passed; null for never (SPEC §8). */
    void expireAt(@Nullable Instant expiry) {
        expiresAtMillis = expiry == null ? Long.MAX_VALUE : expiry.toEpochMilli();
    }

    /** Closes the session with {@code 4001} when its grant has ended by {@code nowMillis}. Called periodically. */
    void checkExpiry(long nowMillis) {
        if (nowMillis >= expiresAtMillis && session != null && !closing.get()) {
            LOG.debug("[{}] subscriber to {}: its token expired; closing it with {}", requestId, topic,
                    CloseCodes.TOKEN_EXPIRED);
            closeWith(CloseCodes.TOKEN_EXPIRED, "token expired");
        }
    }

    /** Counts what the session sends in {@code access} and logs its close there. */
    void logAccessTo(AccessLog.Subscription access) {
        this.access = access;
    }

    /** Subscribes to {@code broker} from {@code start}; messages (replayed ones first) wait for the connection. */
    void subscribe(Broker broker, StartAt start) {
        subscription = broker.subscribe(topic, filter, this, Delivery.DIRECT, start);
    }

    /** What the topic's history held when the session subscribed; only after {@link #subscribe}. */
    SubscriptionStart historyStart() {
        Subscription s = subscription;
        return s == null ? SubscriptionStart.NO_HISTORY : s.historyStart();
    }

    /** The topic subscribed to. */
    public Topic topic() {
        return topic;
    }

    /** Bytes handed to the connection and waiting in its queue. */
    public long outboundBytes() {
        return outboundBytes.get();
    }

    @Override
    public void onMessage(EventMessage message) {
        if (!sending) {
            synchronized (this) {
                List<EventMessage> held = beforeOpen;
                if (held != null) {
                    held.add(message);
                    return;
                }
            }
        }
        send(Objects.requireNonNull(session, "session"), message, false);
    }

    private void send(CoreSession open, EventMessage message, boolean held) {
        if (closing.get()) {
            return;
        }
        ByteBuffer payload = positions ? message.jsonWithPosition() : message.json();
        int size = payload.remaining();
        long queued = outboundBytes.getAndAdd(size);
        if (held) {
            heldBytes.addAndGet(size);
        }
        // A message that finds nothing waiting is taken whatever its size; the limit bounds a backlog.
        if (!held && queued > 0 && queued + size > context.queueLimitBytes() + heldBytes.get()) {
            outboundBytes.addAndGet(-size);
            LOG.warn("[{}] subscriber to {} passed {} queued bytes; closing it with {}", requestId, topic,
                    context.queueLimitBytes(), CloseCodes.TOO_SLOW);
            context.metrics().slowDisconnect();
            closeWith(CloseCodes.TOO_SLOW, "subscriber too slow");
            return;
        }
        // Handed over before it is counted, so that the flush that counts a frame is always queued behind it.
        open.sendFrame(new OutgoingEntry.Builder(new Frame(OpCode.TEXT, true, payload), new Taken(size, held))
                .frameTimeout(context.writeTimeoutMillis()).batch(true).build());
        unflushedMessages.incrementAndGet();
        if (!flushRequested.get()) {
            long now = System.nanoTime();
            if (flushRequested.compareAndSet(false, true)) {
                flushRequestedNanos = now;
                writer.requestFlush(this);
            }
        }
    }

    /**
     * Writes what was handed to the connection since the last flush, in one write, on the session's writer lane (its
     * thread, or a publisher that found it idle). A message counted after the count was taken is counted by the next
     * flush, which its publisher then asks for, since the flag was cleared first.
     */
    @Override
    public void flush() {
        flushRequested.set(false);
        long firstHandedNanos = flushRequestedNanos;
        int messages = unflushedMessages.getAndSet(0);
        CoreSession open = session;
        if (messages > 0 && open != null) {
            open.flush(new Written(messages, firstHandedNanos));
        }
    }

    /** Completes a frame leaving the connection's queue, gathered in its write buffer or written. */
    private final class Taken implements Callback {
        private final int size;
        private final boolean held;

        Taken(int size, boolean held) {
            this.size = size;
            this.held = held;
        }

        @Override
        public void succeeded() {
            untrack();
            AccessLog.Subscription log = access;
            if (log != null) {
                log.sent(size);
            }
        }

        @Override
        public void failed(Throwable x) {
            untrack();
            LOG.debug("[{}] write to subscriber of {} failed", requestId, topic, x);
        }

        private void untrack() {
            outboundBytes.addAndGet(-size);
            if (held) {
                heldBytes.addAndGet(-size);
            }
        }
    }

    /** Completes a flush: its messages are counted as delivered, the first one's latency recorded. */
    private final class Written implements Callback {
        private final int messages;
        private final long firstHandedNanos;

        Written(int messages, long firstHandedNanos) {
            this.messages = messages;
            this.firstHandedNanos = firstHandedNanos;
        }

        @Override
        public void succeeded() {
            context.metrics().delivered(messages, firstHandedNanos);
        }
    }

    /**
     * The broker closed the subscription. Only {@link CloseReason#BROKER_CLOSED} can come: the session subscribes
     * with {@link Delivery#DIRECT}, which never overflows, and bounds its queue itself.
     */
    @Override
    public void onClose(CloseReason reason) {
        if (reason == CloseReason.BROKER_CLOSED) {
            closeWith(CloseCodes.SHUTDOWN, "broker closed");
        }
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        synchronized (this) {
            session = coreSession;
            List<EventMessage> held = beforeOpen;
            if (held != null) {
                held.forEach(message -> send(coreSession, message, true));
            }
            // Only now may publishers send on their own: none of their messages overtakes the held ones.
            beforeOpen = null;
            sending = true;
        }
        callback.succeeded();
        coreSession.demand();
        if (closing.get()) {
            coreSession.close(CloseCodes.SHUTDOWN, "server shutdown", Callback.NOOP);
        }
        LOG.debug("[{}] subscriber to {} with filter {} connected from {}", requestId, topic, filter,
                coreSession.getRemoteAddress());
    }

    /**
     * Answers the client's pings (RFC 6455 §5.5.2) and otherwise ignores what it sends, but closes with 1009 once
     * one of its messages passes the inbound limit.
     */
    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte opCode = frame.getOpCode();
        int length = frame.getPayloadLength();
        if (opCode == OpCode.PONG) {
            ping.ponged();
        }
        CoreSession open = session;
        if (opCode == OpCode.PING && open != null) {
            pong(open, frame);
        }
        callback.succeeded();
        if (open == null || opCode == OpCode.CLOSE) {
            return;
        }
        if (frame.isDataFrame()) {
            inboundMessageBytes = (opCode == OpCode.CONTINUATION ? inboundMessageBytes : 0) + length;
            if (inboundMessageBytes > context.inboundLimitBytes()) {
                LOG.debug("[{}] subscriber to {} sent a message over {} bytes; closing it with {}", requestId, topic,
                        context.inboundLimitBytes(), CloseCodes.MESSAGE_TOO_LARGE);
                closeWith(CloseCodes.MESSAGE_TOO_LARGE, "message over " + context.inboundLimitBytes() + " bytes");
            } else if (frame.isFin()) {
                inboundMessageBytes = 0;
            }
        }
        open.demand();
    }

    /**
     * Answers {@code ping} with its payload. A peer that pings without reading its pongs is answered no further
     * once {@link #MAX_PONGS_IN_FLIGHT} wait, so its pings cannot grow the queue; RFC 6455 lets an endpoint skip
     * the pongs of pings it has not answered yet.
     */
    private void pong(CoreSession open, Frame ping) {
        if (pongsInFlight.incrementAndGet() > MAX_PONGS_IN_FLIGHT) {
            pongsInFlight.decrementAndGet();
            return;
        }
        ByteBuffer payload = ByteBuffer.allocate(ping.getPayloadLength());
        if (ping.hasPayload()) {
            payload.put(ping.getPayload().slice()).flip();
        }
        open.sendFrame(new Frame(OpCode.PONG).setPayload(payload), Callback.from(pongsInFlight::decrementAndGet,
                x -> pongsInFlight.decrementAndGet()), false);
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        LOG.debug("[{}] subscriber connection to {} failed", requestId, topic, cause);
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        LOG.debug("[{}] subscriber to {} disconnected: {}", requestId, topic, closeStatus);
        AccessLog.Subscription log = access;
        if (log != null) {
            log.closed(closeStatus.getCode());
        }
        release();
        callback.succeeded();
    }

    /**
     * Pings when one is due and drops the subscriber when the last ping went unanswered for too long; also
     * drops a session whose connection never opened. Called periodically.
     */
    void checkLiveness(long now, long pingIntervalNanos, long pongTimeoutNanos) {
        CoreSession open = session;
        if (open == null) {
            if (now - createdNanos > pingIntervalNanos + pongTimeoutNanos) {
                LOG.debug("[{}] subscriber to {} never opened; dropping it", requestId, topic);
                release();
            }
            return;
        }
        if (closing.get()) {
            return;
        }
        if (ping.overdue(now, pongTimeoutNanos)) {
            LOG.info("[{}] subscriber to {} did not answer a ping; dropping it", requestId, topic);
            context.metrics().pongTimeout();
            closeWith(CloseCodes.SHUTDOWN, "ping timeout");
        } else if (ping.sendIfDue(now, pingIntervalNanos)) {
            open.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
        }
    }

    /**
     * Stops deliveries and closes the connection with {@code code} after what it already accepted; a peer
     * that does not let the close through in time is aborted.
     */
    void closeWith(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        CoreSession open = session;
        if (open == null) {
            return;
        }
        open.close(code, reason, Callback.NOOP);
        context.scheduler().schedule(() -> {
            if (!open.isClosed()) {
                LOG.debug("[{}] subscriber to {} did not close in time; aborting", requestId, topic);
                open.abort();
            }
        }, context.writeTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    /** Frees the subscription and the session's place, once. */
    void release() {
        if (released.compareAndSet(false, true)) {
            closing.set(true);
            Subscription s = subscription;
            if (s != null) {
                s.close();
            }
            context.subscribers().remove(this);
        }
    }

    @Override
    public String toString() {
        return "SubscriberSession[" + requestId + ", " + topic + "]";
    }
}
