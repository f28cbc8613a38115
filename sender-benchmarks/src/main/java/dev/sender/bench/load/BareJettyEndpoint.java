package dev.sender.bench.load;

import dev.sender.server.SenderSettings;
import dev.sender.server.internal.websocket.WriterThreads;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

/**
 * A bare Jetty WebSocket endpoint, on the same Jetty as Sender, writing frames of the same bytes Sender would
 * send to the same clients, with no broker, no filter and no HTTP request per event. It writes as Sender does
 * (frames queued in the connection, flushed by a writer thread, several per write under load), so that Sender's
 * ratio to it measures Sender's own costs above Jetty's frame path, not a way of writing. It is not the
 * machine's ceiling: Jetty's frame path is shared by both; {@link NioCeiling} is the ceiling.
 */
final class BareJettyEndpoint implements AutoCloseable {

    /** The write buffer of each connection, as Sender's. */
    private static final int WRITE_BUFFER_BYTES = 64 << 10;

    private final Server jetty = new Server(new QueuedThreadPool(200, 4));
    private final ServerConnector connector = new ServerConnector(jetty);
    private final List<Connection> sessions = new CopyOnWriteArrayList<>();
    private final WriterThreads writers = new WriterThreads("bare-jetty-writer", SenderSettings.DEFAULT_WRITER_THREADS);
    private final WebSocketComponents components = new WebSocketComponents();

    BareJettyEndpoint() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(4096);
        jetty.addConnector(connector);
        jetty.addBean(components);
        Handshaker handshaker = Handshaker.newInstance();
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                WebSocketNegotiator negotiator = (upgradeRequest, upgradeResponse, cb) -> {
                    upgradeResponse.setExtensions(List.of());
                    return new Endpoint();
                };
                return handshaker.upgradeRequest(negotiator, request, response, callback, components,
                        c -> c.setOutputBufferSize(WRITE_BUFFER_BYTES));
            }
        });
        writers.start();
        jetty.start();
    }

    /** Where the clients connect. */
    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", connector.getLocalPort());
    }

    /** How many clients are connected. */
    int sessions() {
        return sessions.size();
    }

    /**
     * A publisher that writes {@code messages} (Sender's message of each group, {@link Payloads#messages}),
     * stamped per event, to every session of the event's group (session {@code i} is in group {@code i % groups}).
     */
    Publisher publisher(List<byte[]> messages) {
        int groups = messages.size();
        int[] stampAt = new int[groups];
        for (int g = 0; g < groups; g++) {
            stampAt[g] = Payloads.timestampOffset(messages.get(g), 0);
        }
        return new Publisher() {
            @Override
            public boolean send(int group, long sequence, long sentNanos) {
                byte[] bytes = messages.get(group).clone();
                Timestamps.stamp(bytes, stampAt[group], sentNanos, sequence);
                ByteBuffer shared = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
                List<Connection> all = sessions;
                for (int i = group; i < all.size(); i += groups) {
                    all.get(i).send(new Frame(OpCode.TEXT, true, shared.slice()));
                }
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot stop the bare Jetty endpoint", e);
        } finally {
            writers.close();
        }
    }

    /** A session and its pending flush. */
    private final class Connection implements WriterThreads.Flushable {
        private final CoreSession session;
        private final WriterThreads.Lane writer = writers.assign();
        private final AtomicBoolean flushRequested = new AtomicBoolean();

        Connection(CoreSession session) {
            this.session = session;
        }

        void send(Frame frame) {
            session.sendFrame(frame, Callback.NOOP, true);
            if (flushRequested.compareAndSet(false, true)) {
                writer.requestFlush(this);
            }
        }

        @Override
        public void flush() {
            flushRequested.set(false);
            session.flush(Callback.NOOP);
        }
    }

    /** A session that only writes; Jetty answers pings and closes by itself. */
    public final class Endpoint implements FrameHandler {
        @Override
        public void onOpen(CoreSession session, Callback callback) {
            sessions.add(new Connection(session));
            callback.succeeded();
            session.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
        }
    }
}
