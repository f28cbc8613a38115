package dev.sender.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Python stand-in of LUNA PLATFORM 5's Sender stack ({@code luna_sender_standin.py}, shipped beside this
 * class): aiohttp for HTTP and WebSocket, Redis pub/sub between the publish handler and the subscribers, run by
 * Debian's {@code /usr/bin/python3} with its {@code python3-aiohttp} and {@code python3-redis}. One process per
 * run, on a free loopback port; it exits when the tool closes its standard input, so it never outlives the tool.
 */
final class PythonStandin implements AutoCloseable {

    /** Debian's interpreter: the one {@code python3-aiohttp} installs into (a pyenv {@code python3} has none). */
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "luna_sender_standin.py";

    private final Process process;
    private final Path log;
    private final InetSocketAddress address;

    private PythonStandin(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    /** Copies the script out of the jar, into a temporary file the caller deletes. */
    static Path extractScript() throws IOException {
        Path script = Files.createTempFile("luna-sender-standin", ".py");
        try (InputStream in = PythonStandin.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is not on the class path");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    /**
     * Checks that {@code python} runs the script, and returns what it runs on ("Python 3.11.2, aiohttp 3.8.4,
     * redis-py 4.3.4").
     *
     * @throws IllegalArgumentException naming what is missing: the interpreter, aiohttp or redis-py
     */
    static String versions(String python, Path script) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(python))) {
            throw new IllegalArgumentException("peer-python needs " + python + " (Debian's python3; --python PATH "
                    + "names another) with python3-aiohttp and python3-redis");
        }
        Process check = new ProcessBuilder(python, script.toString(), "--versions").redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!check.waitFor(30, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            throw new IllegalArgumentException(python + " did not answer within 30 s");
        }
        if (check.exitValue() != 0) {
            List<String> lines = said.lines().toList();
            throw new IllegalArgumentException("peer-python cannot run the stand-in with " + python + ": "
                    + (lines.isEmpty() ? "exit status " + check.exitValue() : lines.get(lines.size() - 1)));
        }
        return said;
    }

    /** Starts the stand-in on {@code python}, publishing to and subscribing from the Redis at {@code redis}. */
    static PythonStandin start(String python, Path script, URI redis) throws IOException, InterruptedException {
        Path log = Files.createTempFile("luna-sender-standin", ".log");
        Process process = new ProcessBuilder(python, script.toString(), "--host", "127.0.0.1", "--port", "0",
                "--redis", redis.toString()).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null || !line.startsWith("listening ")) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            String why = Files.readString(log);
            Files.deleteIfExists(log);
            throw new IOException("the Python stand-in did not start: " + (why.isBlank() ? "no output" : why.trim()));
        }
        return new PythonStandin(process, log, Integer.parseInt(line.substring("listening ".length()).trim()));
    }

    InetSocketAddress address() {
        return address;
    }

    /** CPU time the stand-in has used so far, user and system, or -1 where the platform does not tell. */
    long cpuNanos() {
        return PythonPeerScenario.cpuNanos(process.toHandle());
    }

    /**
     * Fails with the stand-in's own words when it is no longer running (it stops when it loses Redis, for one).
     *
     * @throws IllegalStateException when it has stopped
     */
    void checkRunning() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the Python stand-in stopped (exit status " + process.exitValue() + "): "
                    + Files.readString(log).trim());
        }
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
