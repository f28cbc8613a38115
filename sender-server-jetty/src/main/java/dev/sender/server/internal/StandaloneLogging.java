package dev.sender.server.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.sender.server.internal.settings.Settings;
import dev.sender.server.internal.settings.SettingsSource;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone server's logging, on logback: the configuration of {@code --log-config}, else that of
 * {@code -Dlogback.configurationFile} (which logback has read by itself), else the built-in
 * {@code sender-logback.xml}; then the level of {@code --log-level}, if given. The built-in configuration has a
 * name of its own, not {@code logback.xml}, so that an application embedding the library never picks it up.
 */
public final class StandaloneLogging {

    /** The built-in configuration, a class-path resource: INFO to the standard error, Jetty's noise at WARN. */
    static final String BUILT_IN = "/dev/sender/server/sender-logback.xml";
    /** The system property through which logback reads a configuration file by itself. */
    private static final String LOGBACK_FILE_PROPERTY = "logback.configurationFile";

    private StandaloneLogging() {
    }

    /**
     * Configures logback as {@code source} says. Does nothing when SLF4J is bound to another backend.
     *
     * @param source the standalone server's settings, {@link Settings#LOG_CONFIG} and {@link Settings#LOG_LEVEL}
     *     among them
     * @throws IllegalArgumentException when the configuration file cannot be read or has errors, said in one line
     */
    public static void configure(SettingsSource source) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            configure(context, source);
        }
    }

    /**
     * Writes what is still queued and stops logging; the last step of the standalone server's shutdown, so that
     * its final lines are not lost with the JVM. Does nothing when SLF4J is bound to another backend.
     */
    public static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    /** Configures {@code context} as {@code source} says. */
    static void configure(LoggerContext context, SettingsSource source) {
        Path file = source.value(Settings.LOG_CONFIG);
        if (file != null) {
            load(context, url(file), file.toString());
        } else if (System.getProperty(LOGBACK_FILE_PROPERTY) == null) {
            load(context, Objects.requireNonNull(StandaloneLogging.class.getResource(BUILT_IN), BUILT_IN), BUILT_IN);
        }
        String level = source.value(Settings.LOG_LEVEL);
        if (level != null) {
            apply(context, Level.toLevel(level.toUpperCase(Locale.ROOT)));
        }
    }

    /**
     * Sets the root level to {@code level}, and raises to it any logger the configuration set below it: nothing
     * under {@code level} is logged, and a logger set above it (Jetty at WARN under {@code debug}) stays there.
     */
    private static void apply(LoggerContext context, Level level) {
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            Level own = logger.getLevel();
            if (own != null && !own.isGreaterOrEqual(level)) {
                logger.setLevel(level);
            }
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
    }

    private static URL url(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the log configuration " + file + ": "
                    + (Files.exists(file) ? "not a readable file" : "no such file"));
        }
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot read the log configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private static void load(LoggerContext context, URL configuration, String name) {
        context.reset();
        long since = System.currentTimeMillis();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            // Its cause is among the statuses, read below.
        }
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() == Status.ERROR && status.getTimestamp() >= since) {
                throw new IllegalArgumentException("cannot use the log configuration " + name + ": "
                        + oneLine(status));
            }
        }
    }

    private static String oneLine(Status status) {
        Throwable cause = status.getThrowable();
        String message = status.getMessage() + (cause == null || cause.getMessage() == null ? ""
                : " (" + cause.getMessage() + ")");
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
