package dev.sender.server;

import dev.sender.core.Broker;
import dev.sender.core.DeliveryOptions;
import dev.sender.core.HistoryOptions;
import dev.sender.redis.RedisBroker;
import dev.sender.server.internal.JvmDefaults;
import dev.sender.server.internal.StandaloneCommand;
import dev.sender.server.internal.StandaloneLogging;
import dev.sender.server.internal.settings.Settings;
import dev.sender.server.internal.settings.SettingsSource;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The standalone server: {@code java -jar sender-server.jar [--config FILE] [--KEY=VALUE]...}. Settings come from,
 * in rising precedence: defaults, the configuration file (properties or JSON), environment variables
 * ({@code SENDER_PORT}...), and command-line options. {@code --help} lists them all, {@code --version} prints
 * the version. Exit status: 2 for a bad option or value, an unreadable configuration file, log configuration or
 * TLS keystore, or a port that cannot be bound, each said in one line on the standard error. A Redis that cannot
 * be reached does not stop the server (it would crash-loop under Compose or Kubernetes, started before its Redis): the server starts,
 * logs that Redis is not reachable yet, answers {@code /healthcheck} with {@code 502 29013} and publications with
 * {@code 500 29004}, and works as soon as Redis answers.
 *
 * <p>Started without JVM options, it runs the server in a child JVM with the options the server is tuned for
 * ({@code JvmDefaults}); any JVM option of the operator's own, or {@code SENDER_JVM_DEFAULTS=off}, keeps it in the
 * JVM as started.
 *
 * <p>It logs through logback: a built-in configuration (INFO to the standard error), or the file of
 * {@code --log-config} or {@code -Dlogback.configurationFile}; {@code --log-level} sets the root level.
 */
public final class SenderMain {

    /** Exit status for a bad option, value or configuration file, or a port that cannot be bound. */
    static final int BAD_CONFIGURATION = 2;

    private SenderMain() {
    }

    /**
     * Runs the server until the JVM is asked to stop; exits with the status of {@link #run}.
     *
     * @param args the command line, as {@code --help} lists it
     */
    public static void main(String[] args) {
        int relaunched = JvmDefaults.relaunch(SenderMain.class, args);
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        JvmDefaults.stopWithParent();
        int status = run(args, System.getenv(), System.out, System.err, StandaloneLogging::configure);
        if (status != 0) {
            System.exit(status);
        }

        // Jetty's threads keep the JVM, and the server, running until the shutdown hook stops it.
    }

    /**
     * Starts the server that {@code args} and {@code environment} describe, or prints the help or the version to
     * {@code out}; returns the exit status, 0 once the server listens (a shutdown hook stops it), or when only
     * help or version were asked for. Any failure is one line on {@code err}. Logging is left as it is.
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return run(args, environment, out, err, source -> { });
    }

    /**
     * As {@link #run(String[], Map, PrintStream, PrintStream)}, logging configured by {@code configureLogging} from
     * the settings before anything else happens.
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            Consumer<SettingsSource> configureLogging) {
        Optional<SettingsSource> parsed;
        try {
            parsed = StandaloneCommand.parse(args, environment, out);
            parsed.ifPresent(configureLogging);
        } catch (IllegalArgumentException e) {
            err.println("sender: " + e.getMessage());
            return BAD_CONFIGURATION;
        }
        if (parsed.isEmpty()) {
            return 0;
        }
        SettingsSource source = parsed.get();
        URI redis = source.value(Settings.REDIS);
        HistoryOptions history = Settings.history(source);
        Broker broker = redis == null ? Broker.inMemory(DeliveryOptions.ofDefaults(), history)
                : RedisBroker.builder(redis).startWithoutRedis(true).history(history).connect();
        SenderServer.Builder builder = SenderServer.builder().settings(source.settings()).broker(broker)
                .processMeters(true).viewer(Boolean.TRUE.equals(source.valueOrDefault(Settings.VIEWER)));
        if (redis != null) {
            builder.describe(Settings.REDIS.key(), redis.toString());
        }
        SenderServer server;
        Thread stop;
        try {
            server = builder.build();
            // Before the start, so that a SIGTERM as soon as the server listens still stops it in order.
            stop = new Thread(() -> {
                server.close();
                broker.close();
                StandaloneLogging.stop();
            }, "sender-shutdown");
            Runtime.getRuntime().addShutdownHook(stop);
        } catch (IllegalStateException e) {
            broker.close();
            err.println("sender: " + e.getMessage());
            return BAD_CONFIGURATION;
        }
        try {
            server.start();
        } catch (IllegalStateException e) {
            Runtime.getRuntime().removeShutdownHook(stop);
            server.close();
            broker.close();
            err.println("sender: " + e.getMessage());
            return BAD_CONFIGURATION;
        }
        if (JvmDefaults.applied()) {
            LoggerFactory.getLogger(SenderMain.class).info("JVM options: {} (the standalone jar's defaults; any JVM "
                    + "option of your own, or {}=off, leaves the JVM as started)", String.join(" ",
                    JvmDefaults.OPTIONS), JvmDefaults.SWITCH);
        }
        return 0;
    }
}
