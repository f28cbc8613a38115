package dev.sender.server.internal.websocket;

import java.util.concurrent.Executor;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * A subscriber's WebSocket connection that reads what the client sends on the selector thread that saw it
 * arrive, instead of handing each read to a pool thread. A subscriber sends little (pongs, now and then a ping or
 * a close), and everything done with it is non-blocking ({@link SubscriberSession#onFrame}: a flag for a pong, a
 * queued pong for a ping, an asynchronous close), so a hand-off would cost more than the read: with 19,000 idle
 * subscribers, every pong woke the selector, then a pool thread, then the selector again.
 *
 * <p>The selector serves every connection, so one that keeps sending must not keep it: after
 * {@link #INLINE_FRAMES} frames in one go, the frame handler's next demand is held until the selector's read
 * has returned, and then given to Jetty, which goes on reading in a pool thread as it does for any connection.
 */
final class SelectorReadConnection extends WebSocketConnection {

    /** Frames read in one go on the selector thread before the reading moves to a pool thread. */
    static final int INLINE_FRAMES = 16;

    /** The selector thread while it reads this connection; touched by that thread only, compared by others. */
    private Thread inlineReader;
    private int inlineFrames;
    private boolean demandHeld;

    private final Callback readable = new Callback() {
        @Override
        public void succeeded() {
            inlineReader = Thread.currentThread();
            inlineFrames = 0;
            demandHeld = false;
            try {
                onFillable();
            } finally {
                inlineReader = null;
            }
            if (demandHeld) {
                // Not reading any more: Jetty hands the next read to its pool.
                SelectorReadConnection.super.demand();
            }
        }

        @Override
        public void failed(Throwable cause) {
            onFillInterestedFailed(cause);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    };

    SelectorReadConnection(EndPoint endPoint, Executor executor, Scheduler scheduler, ByteBufferPool buffers,
            WebSocketCoreSession coreSession) {
        super(endPoint, executor, scheduler, buffers, coreSession);
    }

    @Override
    public void fillInterested() {
        fillInterested(readable);
    }

    @Override
    public void demand() {
        if (Thread.currentThread() == inlineReader && ++inlineFrames > INLINE_FRAMES) {
            demandHeld = true;
            return;
        }
        super.demand();
    }
}
