package dev.sender.bench.load;

import dev.sender.core.Broker;
import dev.sender.redis.RedisBroker;
import dev.sender.server.SenderServer;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sender under test: embedded in this JVM (in-memory broker, or two instances sharing a Redis server that
 * the tool starts), or a running server given by {@code --target}. Publishers use {@link #publishTo()},
 * subscribers {@link #subscribeTo()}.
 */
final class Targets implements AutoCloseable {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final InetSocketAddress publishTo;
    private final InetSocketAddress subscribeTo;

    private Targets(InetSocketAddress publishTo, InetSocketAddress subscribeTo) {
        this.publishTo = publishTo;
        this.subscribeTo = subscribeTo;
    }

    static Targets from(Options options) throws Exception {
        if (options.has("target")) {
            URI uri = URI.create(options.text("target", ""));
            InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
            return new Targets(address, address);
        }
        SenderSettings settings = SenderSettings.builder().host("127.0.0.1").port(0)
                .subscriberQueueBytes(options.integer("queue-bytes", (int) SenderSettings.DEFAULT_SUBSCRIBER_QUEUE_BYTES))
                .build();
        if (!options.flag("redis")) {
            SenderServer server = SenderServer.builder().settings(settings).loadPlugins(false).build().start();
            Targets targets = new Targets(address(server), address(server));
            targets.resources.add(server);
            return targets;
        }
        List<AutoCloseable> owned = new ArrayList<>();
        URI redisUri;
        if (options.has("redis-uri")) {
            redisUri = URI.create(options.text("redis-uri", ""));
        } else {
            RedisProcess redis = RedisProcess.start();
            owned.add(redis);
            redisUri = redis.uri();
        }
        Broker brokerA = RedisBroker.connect(redisUri);
        Broker brokerB = RedisBroker.connect(redisUri);
        SenderServer a = SenderServer.builder().settings(settings).broker(brokerA).loadPlugins(false).build().start();
        SenderServer b = SenderServer.builder().settings(settings).broker(brokerB).loadPlugins(false).build().start();
        Targets targets = new Targets(address(a), address(b));
        targets.resources.add(a);
        targets.resources.add(b);
        targets.resources.add(brokerA);
        targets.resources.add(brokerB);
        targets.resources.addAll(owned);
        return targets;
    }

    private static InetSocketAddress address(SenderServer server) {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    InetSocketAddress publishTo() {
        return publishTo;
    }

    InetSocketAddress subscribeTo() {
        return subscribeTo;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + resource, e);
            }
        }
    }

    /** A redis-server (Debian's package) on a free loopback port, for {@code --redis}. */
    static final class RedisProcess implements AutoCloseable {
        private final Process process;
        private final int port;

        private RedisProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static RedisProcess start() throws IOException, InterruptedException {
            int port = freePort();
            String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server"
                    : "redis-server";
            Process process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true).start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (listening(port)) {
                    return new RedisProcess(process, port);
                }
                Thread.sleep(20);
            }
            process.destroyForcibly();
            throw new IOException("redis-server did not start on port " + port);
        }

        URI uri() {
            return URI.create("redis://127.0.0.1:" + port);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether a server accepts connections on {@code port} of the loopback address. */
    static boolean listening(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
