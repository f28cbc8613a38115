package dev.sender.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone server jar in a process of its own, so that its figures (CPU, memory) are the server's alone and
 * its connections do not count against the load tool's file descriptors. Started on a free loopback port.
 */
final class StandaloneServer implements AutoCloseable {

    static final String DEFAULT_JAR = "sender-server-jetty/target/sender-server.jar";
    private static final Pattern LISTENING = Pattern.compile("Sender listening on http://[^:]+:(\\d+)");

    private final Process process;
    /** Where the server's output goes: a file, so that neither a pipe nor its reader slows the server down. */
    private final Path log;
    private final int port;

    /**
     * Starts {@code jar} with the JVM options {@code jvmOptions} (none: the jar's own defaults) and the server
     * options {@code serverOptions}, and waits until it listens.
     */
    StandaloneServer(String jar, List<String> jvmOptions, List<String> serverOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "--host", "127.0.0.1", "--port", "0"));
        command.addAll(serverOptions);
        log = Files.createTempFile("sender-bench-server", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            port = awaitPort();
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Where the server listens. */
    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /**
     * The process that serves, the one holding the connections: the jar's child JVM when the jar applied its JVM
     * defaults (started without JVM options), else the process started.
     */
    long pid() {
        return process.toHandle().children().findFirst().orElse(process.toHandle()).pid();
    }

    /** User plus system time of the server process, in nanoseconds. */
    long cpuNanos() throws IOException {
        return cpuNanos(pid());
    }

    /** User plus system time of process {@code pid}, in nanoseconds, from {@code /proc/PID/stat}. */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    /** Resident memory of the server process, in bytes. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + pid());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    private int awaitPort() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IOException("the server did not start; its output is in " + log);
    }
}
