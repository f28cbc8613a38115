package dev.sender.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A lean WebSocket client for many connections: one selector thread reads every connection into one shared
 * buffer and parses frames in place, so a load generator spends far less per message than the server it
 * measures. Handshakes are plain blocking HTTP/1.1; pings are answered; frames are handed to a {@link Decoder}.
 * {@link #openRaw} opens a plain TCP connection instead, whose bytes go to the decoder as they arrive.
 */
final class LeanClients implements AutoCloseable {

    /** Turns the data frames of one connection into messages. */
    interface Decoder {
        /** A piece of a data frame's payload. */
        void onData(Connection connection, int opcode, ByteBuffer piece, boolean first, boolean last);
    }

    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 << 10);
    private final Queue<Connection> toRegister = new ConcurrentLinkedQueue<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Receiver receiver;
    private final Thread thread;
    private volatile boolean running = true;

    LeanClients(String name, Receiver receiver) throws IOException {
        this.selector = Selector.open();
        this.receiver = receiver;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens a WebSocket to {@code server} at {@code target} (path and query) with extra {@code headers}, from
     * {@code local} when given; reads only when {@code reading}. Fails with the server's answer when it
     * refuses the upgrade.
     */
    Connection open(InetSocketAddress server, InetAddress local, String target, Map<String, String> headers,
            Decoder decoder, boolean reading) throws IOException {
        SocketChannel channel = connect(server, local);
        try {
            StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ")
                    .append(server.getHostString()).append(':').append(server.getPort())
                    .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
                    .append("dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            ByteBuffer out = ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(16 << 10);
            int end;
            while ((end = headerEnd(in)) < 0) {
                if (channel.read(in) < 0) {
                    throw new IOException("connection closed during the handshake");
                }
            }
            String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(head));
            }
            in.flip();
            in.position(end + 4);
            return start(channel, decoder, false, reading, in.hasRemaining() ? in.slice() : null);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A blocking TCP connection to {@code server}, from {@code local} when given, without Nagle's delay. */
    private static SocketChannel connect(InetSocketAddress server, InetAddress local) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            if (local != null) {
                channel.bind(new InetSocketAddress(local, 0));
            }
            channel.connect(server);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens a plain TCP connection to {@code server} from {@code local} (when given) and reads it: its bytes go
     * to {@code decoder} as pieces of one endless binary message, and {@link Connection#send} writes bytes as
     * they are.
     */
    Connection openRaw(InetSocketAddress server, InetAddress local, Decoder decoder) throws IOException {
        SocketChannel channel = connect(server, local);
        try {
            return start(channel, decoder, true, true, null);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Makes {@code channel} non-blocking and one of the connections, with the bytes already read past the
     * handshake ({@code leftover}, or null); the loop reads it from then on when {@code reading}.
     */
    private Connection start(SocketChannel channel, Decoder decoder, boolean raw, boolean reading,
            ByteBuffer leftover) throws IOException {
        channel.configureBlocking(false);
        Connection connection = add(channel, decoder, raw);
        connection.leftover = leftover;
        if (reading) {
            toRegister.add(connection);
            selector.wakeup();
        }
        return connection;
    }

    private Connection add(SocketChannel channel, Decoder decoder, boolean raw) {
        synchronized (connections) {
            Connection connection = new Connection(connections.size(), channel, decoder, raw);
            connections.add(connection);
            return connection;
        }
    }

    private static int headerEnd(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
                return i - 3;
            }
        }
        return -1;
    }

    /** The connections opened so far. */
    List<Connection> connections() {
        synchronized (connections) {
            return List.copyOf(connections);
        }
    }

    private void loop() {
        try {
            while (running) {
                selector.select();
                for (Connection c; (c = toRegister.poll()) != null; ) {
                    c.channel.register(selector, SelectionKey.OP_READ, c);
                    if (c.leftover != null) {
                        c.parser.feed(c.leftover, c);
                        c.leftover = null;
                    }
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    readAll(key, c);
                }
            }
        } catch (IOException e) {
            if (running) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void readAll(SelectionKey key, Connection c) {
        try {
            for (int round = 0; round < 8; round++) {
                readBuffer.clear();
                int n = c.channel.read(readBuffer);
                if (n < 0) {
                    key.cancel();
                    c.channel.close();
                    receiver.onClose(c.id, c.closeCode);
                    return;
                }
                if (n == 0) {
                    return;
                }
                readBuffer.flip();
                if (c.raw) {
                    c.decoder.onData(c, 2, readBuffer, false, false);
                } else {
                    c.parser.feed(readBuffer, c);
                }
            }
        } catch (IOException e) {
            key.cancel();
            receiver.onClose(c.id, c.closeCode);
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : connections()) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** One client connection. */
    final class Connection implements FrameParser.FrameHandler {
        final int id;
        final SocketChannel channel;
        final FrameParser parser = new FrameParser();
        final Decoder decoder;
        final boolean raw;
        ByteBuffer leftover;
        private final ByteBuffer control = ByteBuffer.allocate(125);
        volatile int closeCode = -1;

        Connection(int id, SocketChannel channel, Decoder decoder, boolean raw) {
            this.id = id;
            this.channel = channel;
            this.decoder = decoder;
            this.raw = raw;
        }

        Receiver receiver() {
            return receiver;
        }

        @Override
        public void onPayload(int opcode, ByteBuffer piece, boolean first, boolean last) {
            if (opcode < 8) {
                decoder.onData(this, opcode, piece, first, last);
                return;
            }
            if (first) {
                control.clear();
            }
            while (piece.hasRemaining() && control.hasRemaining()) {
                control.put(piece.get());
            }
            if (!last) {
                return;
            }
            control.flip();
            if (opcode == 9) {
                send(10, control);
            } else if (opcode == 8) {
                closeCode = control.remaining() >= 2 ? control.getShort(0) & 0xFFFF : 1005;
                send(8, control.duplicate());
                receiver.onClose(id, closeCode);
            }
        }

        /** Sends one masked frame; on a raw connection, only the payload's bytes. */
        synchronized void send(int opcode, ByteBuffer payload) {
            if (raw) {
                write(payload.duplicate());
                return;
            }
            int length = payload.remaining();
            ByteBuffer frame = ByteBuffer.allocate(14 + length);
            frame.put((byte) (0x80 | opcode));
            if (length < 126) {
                frame.put((byte) (0x80 | length));
            } else if (length < 65536) {
                frame.put((byte) (0x80 | 126)).putShort((short) length);
            } else {
                frame.put((byte) (0x80 | 127)).putLong(length);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < length; i++) {
                frame.put((byte) (payload.get(payload.position() + i) ^ mask[i & 3]));
            }
            frame.flip();
            write(frame);
        }

        private void write(ByteBuffer frame) {
            try {
                while (frame.hasRemaining()) {
                    if (channel.write(frame) == 0) {
                        Thread.onSpinWait();
                    }
                }
            } catch (IOException e) {
                // the connection is gone; its reader reports the close
            }
        }
    }
}
