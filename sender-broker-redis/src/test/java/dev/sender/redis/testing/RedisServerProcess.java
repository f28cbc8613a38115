package dev.sender.redis.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, for tests: started, stopped and
 * restarted on the same port like a production Redis would be. {@code .ci/run} installs the package. A server
 * a test forgot to close is killed when the JVM exits.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final List<String> DIRECTORIES = List.of("/usr/bin/", "/usr/local/bin/");

    private final int port;
    private final Thread killOnExit = new Thread(this::kill, "redis-server-killer");
    private volatile Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    /** Starts a Redis server on a free port. */
    public static RedisServerProcess start() {
        RedisServerProcess redis = reserve();
        redis.startProcess();
        return redis;
    }

    /**
     * Picks a free port for a Redis server that is not started yet, as a Redis a server reaches before it is up;
     * {@link #launch()} starts it there.
     */
    public static RedisServerProcess reserve() {
        RedisServerProcess redis = new RedisServerProcess(freePort());
        Runtime.getRuntime().addShutdownHook(redis.killOnExit);
        return redis;
    }

    /** Starts the server of a {@link #reserve() reserved} port; returns once it answers. */
    public void launch() {
        startProcess();
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port}. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Kills the server at once, as a crash would. */
    public void kill() {
        Process process = this.process;
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes the server with {@code SIGSTOP}: connections stay open, and nothing is answered. */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a {@linkplain #freeze() frozen} server run again ({@code SIGCONT}). */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " failed for redis-server " + process.pid());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same port. */
    public void restart() {
        startProcess();
    }

    /**
     * Sends one command with {@code redis-cli}-like inline syntax over a plain socket and returns the raw reply;
     * arguments are sent as a RESP array so that JSON payloads need no quoting.
     */
    public String command(String... arguments) {
        StringBuilder request = new StringBuilder("*" + arguments.length + "\r\n");
        for (String argument : arguments) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                reply.append((char) b);
            }
            return reply.toString().trim();
        } catch (IOException e) {
            throw new IllegalStateException("Redis on port " + port + " did not answer", e);
        }
    }

    /**
     * Runs {@code redis-cli} (installed with the server) against this server with {@code arguments} as separate
     * words, as a shell user would, and returns what it printed, trimmed.
     */
    public String cli(String... arguments) {
        List<String> command = new ArrayList<>(List.of(binary("redis-cli"), "-h", "127.0.0.1", "-p",
                Integer.toString(port)));
        command.addAll(List.of(arguments));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = cli.getInputStream().readAllBytes();
            if (!cli.waitFor(10, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException("redis-cli did not finish: " + command);
            }
            return new String(output, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String binary(String name) {
        return DIRECTORIES.stream().map(d -> d + name).filter(b -> Files.isExecutable(Path.of(b))).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        name + " is not installed: apt-get install -y redis-server (.ci/run does it)"));
    }

    private void startProcess() {
        String binary = binary("redis-server");
        try {
            process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary, e);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> command("PING").equals("+PONG"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting; the hook runs anyway.
        }
    }
}
