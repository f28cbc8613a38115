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
 */
final class SelectorReadConnection extends WebSocketConnection {

    private final Callback readable = new Callback() {
        @Override
        public void succeeded() {
            onFillable();
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
}
