package dev.sender.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/sender-cli.jar ...} run as a user runs it, in a process of its own, whose standard output
 * and error are read as they come (so the process never blocks on a full pipe).
 */
final class CliProcess {

    /** The shaded jar, built by {@code package} before the integration tests run. */
    static final Path JAR = Path.of("target", "sender-cli.jar");

    private static final long EXIT_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private CliProcess(List<String> command) {
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outReader = reader(process.getInputStream(), out, "cli-stdout");
        errReader = reader(process.getErrorStream(), err, "cli-stderr");
    }

    /** {@code java -jar sender-cli.jar args...}. */
    static CliProcess start(String... args) {
        return start(List.of(), args);
    }

    /** {@code prefix... java -jar sender-cli.jar args...}: the jar run by another program, such as {@code env}. */
    static CliProcess start(List<String> prefix, String... args) {
        return exec(command(prefix, args));
    }

    /** {@code command}, which runs the jar somehow: {@code script -c "java -jar ..."}, say. */
    static CliProcess exec(List<String> command) {
        return new CliProcess(command);
    }

    /** {@code java -jar sender-cli.jar args...} as a list, for a program that runs it. */
    static List<String> command(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code args} to the end, with {@code stdin} as the standard input. */
    static CliProcess runWithInput(String stdin, String... args) {
        CliProcess cli = start(args);
        try (OutputStream in = cli.process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cli.awaitExit();
        return cli;
    }

    /** Runs {@code args} to the end, with nothing on the standard input. */
    static CliProcess run(String... args) {
        return runWithInput("", args);
    }

    /** Waits for the process to end, and for its output to be read; returns its exit status. */
    int awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sender-cli did not exit within " + EXIT_TIMEOUT_SECONDS + " s; output "
                        + out + ", errors " + err);
            }
            outReader.join(TimeUnit.SECONDS.toMillis(EXIT_TIMEOUT_SECONDS));
            errReader.join(TimeUnit.SECONDS.toMillis(EXIT_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /** The exit status, once {@link #awaitExit()} returned. */
    int status() {
        return process.exitValue();
    }

    /** Whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The process id, to send it a signal. */
    long pid() {
        return process.pid();
    }

    /** The lines of the standard output so far. */
    List<String> out() {
        return out;
    }

    /** The lines of the standard error so far. */
    List<String> err() {
        return err;
    }

    /** Stops the process if a test left it running. */
    void kill() {
        process.destroyForcibly();
    }

    private static Thread reader(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process is gone.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
