package dev.sender.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The machine's ceiling for a fan-out: no Jetty, no broker, no HTTP. A {@link ServerSocketChannel} accepts the
 * lean WebSocket clients (the upgrade answered in a few lines), and per event the publisher builds one WebSocket
 * frame (header and Sender's message bytes, in a direct buffer) and queues a view of it on every connection of the
 * event's group; writer threads drain each connection's queue with gathering writes
 * ({@link SocketChannel#write(ByteBuffer[], int, int)} of up to {@value #BATCH} frames), non-blocking, waiting
 * for writability on a selector when a socket is full. Whatever is left between this and Sender is the cost of a
 * general server.
 */
final class NioCeiling implements AutoCloseable {

    private static final int BATCH = 64;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocketChannel server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Writer[] writers;
    private final Thread acceptor;
    private volatile boolean running = true;

    /** Listens on a free loopback port, with {@code writerThreads} writers. */
    NioCeiling(int writerThreads) throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
        writers = new Writer[writerThreads];
        for (int i = 0; i < writerThreads; i++) {
            writers[i] = new Writer("nio-ceiling-writer-" + i);
            writers[i].thread.start();
        }
        acceptor = new Thread(this::accept, "nio-ceiling-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where the clients connect. */
    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    /** How many clients completed the handshake. */
    int sessions() {
        return connections.size();
    }

    /**
     * A publisher that frames {@code messages} (Sender's message of each group, {@link Payloads#messages}), stamped
     * per event, once per event, and queues the frame on every connection of the event's group (connection
     * {@code i} is in group {@code i % groups}).
     */
    Publisher publisher(List<byte[]> messages) {
        int groups = messages.size();
        byte[][] frames = new byte[groups][];
        int[] stampAt = new int[groups];
        for (int g = 0; g < groups; g++) {
            byte[] payload = messages.get(g);
            byte[] header = header(payload.length);
            frames[g] = Arrays.copyOf(header, header.length + payload.length);
            System.arraycopy(payload, 0, frames[g], header.length, payload.length);
            stampAt[g] = Payloads.timestampOffset(frames[g], header.length);
        }
        return new Publisher() {
            @Override
            public boolean send(int group, long sequence, long sentNanos) {
                byte[] bytes = frames[group];
                Timestamps.stamp(bytes, stampAt[group], sentNanos, sequence);
                ByteBuffer frame = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
                List<Connection> all = connections;
                for (int i = group; i < all.size(); i += groups) {
                    all.get(i).enqueue(frame.duplicate());
                }
                for (Writer writer : writers) {
                    writer.wake();
                }
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The header of an unmasked final text frame of {@code length} bytes. */
    static byte[] header(int length) {
        if (length < 126) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 65536) {
            return new byte[] {(byte) 0x81, 126, (byte) (length >> 8), (byte) length};
        }
        return ByteBuffer.allocate(10).put((byte) 0x81).put((byte) 127).putLong(length).array();
    }

    private void accept() {
        while (running) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                handshake(channel);
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connections.add(new Connection(channel, writers[connections.size() % writers.length]));
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
            }
        }
    }

    /** Reads the upgrade request and answers it with 101 and the key's accept value; nothing else is checked. */
    static void handshake(SocketChannel channel) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(16 << 10);
        String head;
        while (true) {
            if (channel.read(in) < 0) {
                throw new IOException("closed during the handshake");
            }
            head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            if (head.contains("\r\n\r\n")) {
                break;
            }
            if (!in.hasRemaining()) {
                throw new IOException("handshake too long");
            }
        }
        String key = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                .orElseThrow(() -> new IOException("no Sec-WebSocket-Key"));
        ByteBuffer out = ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    /** The {@code Sec-WebSocket-Accept} value of {@code key} (RFC 6455 §4.2.2). */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JVM", e);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        for (Writer writer : writers) {
            writer.stop();
        }
        for (Connection c : connections) {
            closeQuietly(c.channel);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A connection: frames queued by publishers, written by its writer only. */
    private static final class Connection {
        final SocketChannel channel;
        final Writer writer;
        final Queue<ByteBuffer> queued = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();
        final ArrayDeque<ByteBuffer> writing = new ArrayDeque<>();
        SelectionKey key;
        boolean blocked;
        boolean dead;

        Connection(SocketChannel channel, Writer writer) {
            this.channel = channel;
            this.writer = writer;
        }

        void enqueue(ByteBuffer frame) {
            queued.add(frame);
            if (scheduled.compareAndSet(false, true)) {
                writer.ready.add(this);
            }
        }

        /** Writes what is queued, {@value #BATCH} frames per call, until done or the socket is full. */
        void flush(ByteBuffer[] batch, Selector selector) {
            if (blocked || dead) {
                return;
            }
            scheduled.set(false);
            while (true) {
                for (ByteBuffer b; writing.size() < BATCH && (b = queued.poll()) != null; ) {
                    writing.add(b);
                }
                if (writing.isEmpty()) {
                    return;
                }
                int n = 0;
                for (ByteBuffer b : writing) {
                    batch[n++] = b;
                    if (n == BATCH) {
                        break;
                    }
                }
                try {
                    channel.write(batch, 0, n);
                } catch (IOException gone) {
                    dead = true;
                    writing.clear();
                    queued.clear();
                    return;
                } finally {
                    Arrays.fill(batch, 0, n, null);
                }
                while (!writing.isEmpty() && !writing.peekFirst().hasRemaining()) {
                    writing.pollFirst();
                }
                if (!writing.isEmpty()) {
                    // the batch was all of 'writing': what is left did not fit in the socket
                    blocked = true;
                    try {
                        if (key == null) {
                            key = channel.register(selector, SelectionKey.OP_WRITE, this);
                        } else {
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                    } catch (IOException gone) {
                        dead = true;
                    }
                    return;
                }
            }
        }
    }

    /** A writer thread: flushes the connections publishers scheduled, and those a full socket held back. */
    private final class Writer implements Runnable {
        final Queue<Connection> ready = new ConcurrentLinkedQueue<>();
        final Thread thread;
        private final Selector selector;
        private volatile boolean sleeping;

        Writer(String name) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void wake() {
            if (sleeping) {
                selector.wakeup();
            }
        }

        @Override
        public void run() {
            ByteBuffer[] batch = new ByteBuffer[BATCH];
            try {
                while (running) {
                    for (Connection c; (c = ready.poll()) != null; ) {
                        c.flush(batch, selector);
                    }
                    sleeping = true;
                    if (ready.isEmpty()) {
                        selector.select();
                    } else {
                        selector.selectNow();
                    }
                    sleeping = false;
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection c = (Connection) key.attachment();
                        if (key.isValid()) {
                            key.interestOps(0);
                        }
                        c.blocked = false;
                        c.flush(batch, selector);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }

        void stop() throws IOException {
            selector.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            selector.close();
        }
    }
}
