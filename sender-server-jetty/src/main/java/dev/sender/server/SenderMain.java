package dev.sender.server;

import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.redis.RedisBroker;
import dev.sender.server.internal.SettingsSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: {@code java -jar sender-server.jar [--host H] [--port P] [--config FILE] [--KEY VALUE]...}.
 * Settings come from, in rising precedence: defaults, the configuration file (properties or JSON), environment
 * variables ({@code SENDER_PORT}...), and command-line options. {@code --help} lists them all.
 */
public final class SenderMain {

    private SenderMain() {
    }

    /** Runs the server until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        configureLogging();
        SettingsSource source;
        try {
            source = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sender: " + e.getMessage());
            System.err.println("Run with --help for the list of options.");
            System.exit(2);
            return;
        }
        if (source == null) {
            usage(System.out);
            return;
        }
        SenderServer.Builder builder = SenderServer.builder().settings(source.settings());
        String redis = source.value(SettingsSource.REDIS);
        Broker broker;
        try {
            broker = redis == null ? Broker.inMemory() : RedisBroker.connect(SettingsSource.redisUri(redis));
        } catch (BrokerException e) {
            System.err.println("sender: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (redis != null) {
            builder.describe(SettingsSource.REDIS, redis);
        }
        SenderServer server = builder.broker(broker).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            broker.close();
            stopped.countDown();
        }, "sender-shutdown"));
        stopped.await();
    }

    /** The settings of {@code args} over the environment over the configuration file; null for --help. */
    static SettingsSource parse(String[] args) throws java.io.IOException {
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                return null;
            }
            if (args[i].equals("--config")) {
                config = Path.of(value(args, i));
            }
        }
        SettingsSource source = new SettingsSource();
        if (config != null) {
            source.file(config);
        }
        source.environment(System.getenv());
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            String value = value(args, i);
            if (!option.equals("--config")) {
                source.set(option.substring(2), value);
            }
        }
        return source;
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option '" + args[i] + "' needs a value");
        }
        return args[i + 1];
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar sender-server.jar [options]");
        out.println();
        out.println("Serves the LUNA Sender API (version 2) over HTTP and WebSocket.");
        out.println();
        out.println("Options (each also readable from the environment variable shown, and from --config):");
        out.printf("  %-34s %s%n", "--config FILE", "a .properties or .json file with any of the settings below");
        for (String key : SettingsSource.keys()) {
            out.printf("  %-34s %s [%s]%n", "--" + key + " VALUE", SettingsSource.describe(key),
                    SettingsSource.environmentName(key));
        }
        out.printf("  %-34s %s%n", "--help", "this list");
    }

    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setDefault("org.slf4j.simpleLogger.log.io.lettuce", "warn");
        setDefault("org.slf4j.simpleLogger.log.io.netty", "warn");
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
