package dev.sender.cli;

import dev.sender.cli.internal.SenderCommand;
import dev.sender.cli.internal.Streams;
import dev.sender.cli.internal.Terminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal subscriber: {@code java -jar sender-cli.jar <command> [options]}, with the commands
 * {@code subscribe}, {@code publish}, {@code health} and {@code version}; {@code --help} after any of them lists
 * its options.
 *
 * <pre>{@code
 * java -jar sender-cli.jar subscribe --origin http://127.0.0.1:5080 \
 *     --account 8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a --gender male --age-min 30 | jq .event.source
 * }</pre>
 *
 * <p>The exit statuses are stable, so that scripts can tell failures apart: {@link #OK}, {@link #FAILED},
 * {@link #USAGE}, {@link #REFUSED}, {@link #UNREACHABLE}, {@link #PUBLISH_FAILED} and {@link #INTERRUPTED}. Every
 * failure is one line on the standard error, with the server's error code and detail when it answered one.
 */
public final class SenderCli {

    /** Exit status 0: the command did what it was asked. */
    public static final int OK = 0;
    /**
     * Exit status 1: the subscription ended without being asked to (the server closed it for good, or it could not
     * keep up with its buffer), or the input could not be read to the end.
     */
    public static final int FAILED = 1;
    /** Exit status 2: a bad command, option or value, or a file that cannot be opened; nothing was sent. */
    public static final int USAGE = 2;
    /**
     * Exit status 3: the server answered with an error, such as a refused subscription ({@code 400 12012} for a bad
     * filter, {@code 401 29020}, {@code 403 29021}) or an unhealthy server ({@code 502 29013}).
     */
    public static final int REFUSED = 3;
    /** Exit status 4: the server could not be reached (refused connection, unknown host, timeout). */
    public static final int UNREACHABLE = 4;
    /** Exit status 5: {@code publish} could not publish one or more lines; each was reported with its number. */
    public static final int PUBLISH_FAILED = 5;
    /** Exit status 130: interrupted (Ctrl-C, SIGINT); a subscription is closed properly first. */
    public static final int INTERRUPTED = 130;

    private SenderCli() {
    }

    /**
     * Runs the command {@code args} name and exits with its status: at once, without waiting for threads a
     * library may leave behind.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        configureLogging();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, new Streams(System.in, out, err, Terminal.isInteractive()));
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the command {@code args} name on {@code streams}; returns its exit status. */
    static int run(String[] args, Streams streams) {
        return SenderCommand.commandLine(streams).execute(args);
    }

    /**
     * Only errors of the libraries, as single lines on the standard error: what the client warns about (a
     * subscription closed, a message skipped) the commands say themselves, in their own words.
     * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=debug} shows the rest.
     */
    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "error");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
