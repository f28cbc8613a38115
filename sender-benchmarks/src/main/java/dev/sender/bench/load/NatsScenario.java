package dev.sender.bench.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code peer-nats}: the same lean clients subscribed to one subject on {@code nats-server} (Debian's 2.9, started
 * by the tool on loopback), either on its WebSocket listener (no TLS, no compression; {@code --via websocket}, the
 * default) or on its native TCP protocol ({@code --via tcp}); the publisher on NATS' TCP protocol; the same
 * payloads, window and measurement as {@code fanout}, and {@code nats-server}'s CPU time.
 */
final class NatsScenario {

    private static final String SUBJECT = "bench";
    private static final byte[] SUBSCRIBE = ("CONNECT {\"verbose\":false,\"pedantic\":false,\"protocol\":1,"
            + "\"echo\":false}\r\nSUB " + SUBJECT + " 1\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII);

    private NatsScenario() {
    }

    static Report run(Options options) throws Exception {
        int subscribers = options.integer("subscribers", 100);
        int size = options.integer("size", 5120);
        String via = options.text("via", "websocket");
        if (!via.equals("websocket") && !via.equals("tcp")) {
            throw new IllegalArgumentException("--via must be websocket or tcp, not '" + via + "'");
        }
        DeliveryRun.Shape shape = new DeliveryRun.Shape(subscribers, 1, options.number("rate", 0),
                options.integer("publishers", 2),
                Duration.ofSeconds(options.integer("warmup", DeliveryRun.DEFAULT_WARMUP_SECONDS)),
                Duration.ofSeconds(options.integer("duration", 10)), options.integer("window", 64));
        List<byte[]> events = Payloads.events(1, size);
        List<DeliveryRun.Result> results = new ArrayList<>();
        for (int r = 0; r < options.integer("repeat", 1); r++) {
            results.add(runOnce(shape, events, via.equals("websocket")));
        }
        return new Report("peer-nats").put("subscribers", subscribers).put("size", size)
                .put("broker", "nats-server " + NatsServer.version()).put("via", via).put("runs", results.size())
                .put("delivered_per_sec", FanoutScenario.median(results, DeliveryRun.Result::deliveredPerSecond))
                .put("delivered_per_sec_min", FanoutScenario.min(results, DeliveryRun.Result::deliveredPerSecond))
                .put("delivered_per_sec_max", FanoutScenario.max(results, DeliveryRun.Result::deliveredPerSecond))
                .put("p50_ms", FanoutScenario.median(results, r -> FanoutScenario.percentile(r, 50)))
                .put("p99_ms", FanoutScenario.median(results, r -> FanoutScenario.percentile(r, 99)))
                .put("p999_ms", FanoutScenario.median(results, r -> FanoutScenario.percentile(r, 99.9)))
                .put("cpu_us_per_delivery", results.get(results.size() - 1).cpu())
                .put("dropped", results.stream().mapToLong(DeliveryRun.Result::dropped).sum())
                .put("disconnected", results.stream().mapToInt(DeliveryRun.Result::disconnected).sum())
                .put("bare_jetty_per_sec", null).put("ratio", null);
    }

    /**
     * One run on a fresh {@code nats-server}: one subject, every subscriber receiving every event, on the WebSocket
     * listener when {@code websocket}, else on NATS' TCP protocol.
     */
    static DeliveryRun.Result runOnce(DeliveryRun.Shape shape, List<byte[]> events, boolean websocket)
            throws Exception {
        if (shape.groups() != 1) {
            throw new IllegalArgumentException("NATS runs publish on one subject: every subscriber matches");
        }
        try (NatsServer nats = NatsServer.start()) {
            List<NatsDecoder> decoders = new CopyOnWriteArrayList<>();
            return DeliveryRun.run(shape, (clients, i, local) -> {
                NatsDecoder decoder = new NatsDecoder();
                decoders.add(decoder);
                LeanClients.Connection c = websocket ? clients.open(nats.websocket, local, "/", Map.of(), decoder, true)
                        : clients.openRaw(nats.client, local, decoder);
                c.send(2, ByteBuffer.wrap(SUBSCRIBE));
                return c;
            }, () -> decoders.size() == shape.subscribers() && decoders.stream().allMatch(d -> d.ready.getCount() == 0),
                    index -> new NatsPublisher(nats.client, events.get(0)), group -> events.get(group).length,
                    Map.of("nats_server", nats.pid()));
        }
    }

    /** Publishes on NATS' TCP protocol: {@code PUB bench <size>}. */
    private static final class NatsPublisher implements Publisher {
        private final Socket socket;
        private final OutputStream out;
        private final byte[] message;
        private final int stampAt;

        NatsPublisher(InetSocketAddress server, byte[] event) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server, 5000);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 << 10);
            out.write("CONNECT {\"verbose\":false,\"pedantic\":false}\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] head = ("PUB " + SUBJECT + " " + event.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
            message = new byte[head.length + event.length + 2];
            System.arraycopy(head, 0, message, 0, head.length);
            System.arraycopy(event, 0, message, head.length, event.length);
            message[message.length - 2] = '\r';
            message[message.length - 1] = '\n';
            stampAt = Payloads.timestampOffset(message, head.length);
            // Discard what the server says (INFO, PINGs are answered by the reader below).
            Thread reader = new Thread(this::drain, "nats-publisher-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void drain() {
            try {
                var in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b == '\n') {
                        if (line.toString().trim().equals("PING")) {
                            synchronized (this) {
                                out.write("PONG\r\n".getBytes(StandardCharsets.US_ASCII));
                                out.flush();
                            }
                        }
                        line.setLength(0);
                    } else {
                        line.append((char) b);
                    }
                }
            } catch (IOException ignored) {
                // closed
            }
        }

        @Override
        public synchronized boolean send(int group, long sequence, long sentNanos) throws IOException {
            Timestamps.stamp(message, stampAt, sentNanos, sequence);
            out.write(message);
            out.flush();
            return true;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A nats-server process with a WebSocket listener, on free loopback ports. */
    static final class NatsServer implements AutoCloseable {
        final InetSocketAddress client;
        final InetSocketAddress websocket;
        private final Process process;
        private final Path config;

        private NatsServer(Process process, Path config, int clientPort, int wsPort) {
            this.process = process;
            this.config = config;
            this.client = new InetSocketAddress("127.0.0.1", clientPort);
            this.websocket = new InetSocketAddress("127.0.0.1", wsPort);
        }

        static NatsServer start() throws IOException, InterruptedException {
            int clientPort;
            int wsPort;
            try (ServerSocket one = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    ServerSocket two = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                clientPort = one.getLocalPort();
                wsPort = two.getLocalPort();
            }
            Path config = Files.createTempFile("nats-bench", ".conf");
            Files.writeString(config, "listen: 127.0.0.1:" + clientPort + "\nmax_payload: 8MB\nmax_pending: 256MB\n"
                    + "write_deadline: \"10s\"\nwebsocket {\n  listen: \"127.0.0.1:" + wsPort + "\"\n  no_tls: true\n"
                    + "  compression: false\n}\n");
            Path log = Files.createTempFile("nats-bench", ".log");
            Process process = new ProcessBuilder(binary(), "-c", config.toString())
                    .redirectOutput(log.toFile()).redirectErrorStream(true).start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            try {
                while (System.nanoTime() < deadline && process.isAlive()) {
                    if (Targets.listening(clientPort) && Targets.listening(wsPort)) {
                        return new NatsServer(process, config, clientPort, wsPort);
                    }
                    Thread.sleep(20);
                }
                process.destroyForcibly();
                throw new IOException("nats-server did not start: " + Files.readString(log).strip());
            } finally {
                Files.deleteIfExists(log);
            }
        }

        long pid() {
            return process.pid();
        }

        /** Whether a {@code nats-server} binary is installed where {@link #binary()} looks. */
        static boolean installed() {
            return Files.isExecutable(Path.of(binary()));
        }

        static String binary() {
            return Files.isExecutable(Path.of("/usr/sbin/nats-server")) ? "/usr/sbin/nats-server"
                    : Files.isExecutable(Path.of("/usr/bin/nats-server")) ? "/usr/bin/nats-server" : "nats-server";
        }

        static String version() {
            try {
                Process p = new ProcessBuilder(binary(), "--version").redirectErrorStream(true).start();
                String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                p.waitFor(5, TimeUnit.SECONDS);
                return v.replace("nats-server: ", "");
            } catch (IOException | InterruptedException e) {
                return "unknown";
            }
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            Files.deleteIfExists(config);
        }
    }
}
