package dev.sender.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import dev.sender.server.internal.settings.SettingsSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The standalone server's logging, configured on a context of its own rather than the tests' own. */
class StandaloneLoggingTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private Level level(String logger) {
        return context.getLogger(logger).getLevel();
    }

    @Test
    void builtIn_isInfoToTheStandardError_throughAQueueThatDropsNothing_withJettyAtWarn() {
        StandaloneLogging.configure(context, new SettingsSource());

        assertThat(level(Logger.ROOT_LOGGER_NAME)).isEqualTo(Level.INFO);
        assertThat(level("org.eclipse.jetty")).isEqualTo(Level.WARN);
        assertThat(level("org.eclipse.jetty.util.HostPort")).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("dev.sender.server.access").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("async"))
                .isInstanceOfSatisfying(AsyncAppender.class, async -> {
                    assertThat(async.getDiscardingThreshold()).isZero();
                    assertThat(async.isNeverBlock()).isFalse();
                    assertThat(async.getAppender("console")).isInstanceOfSatisfying(ConsoleAppender.class,
                            console -> assertThat(console.getTarget()).isEqualTo("System.err"));
                });
    }

    @Test
    void logLevelDebug_setsTheRoot_andLeavesQuieterLoggersQuiet() {
        StandaloneLogging.configure(context, new SettingsSource().set("log-level", "DEBUG"));

        assertThat(level(Logger.ROOT_LOGGER_NAME)).isEqualTo(Level.DEBUG);
        assertThat(level("org.eclipse.jetty")).isEqualTo(Level.WARN);
        assertThat(level("org.eclipse.jetty.util.HostPort")).isEqualTo(Level.ERROR);
    }

    @Test
    void logLevelError_raisesEveryLoggerBelowIt_soThatNothingUnderErrorIsLogged() {
        StandaloneLogging.configure(context, new SettingsSource().set("log-level", "error"));

        assertThat(level(Logger.ROOT_LOGGER_NAME)).isEqualTo(Level.ERROR);
        assertThat(level("org.eclipse.jetty")).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("dev.sender.server.access").isInfoEnabled()).isFalse();
    }

    @Test
    void logConfig_replacesTheBuiltInConfiguration(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <logger name="dev.sender" level="DEBUG"/>
                  <root level="WARN"/>
                </configuration>
                """);

        StandaloneLogging.configure(context, new SettingsSource().set("log-config", file.toString()));

        assertThat(level(Logger.ROOT_LOGGER_NAME)).isEqualTo(Level.WARN);
        assertThat(level("dev.sender")).isEqualTo(Level.DEBUG);
        assertThat(level("org.eclipse.jetty")).as("nothing of the built-in one").isNull();
    }

    @Test
    void brokenLogConfig_isOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("logback.xml"), "<configuration><appender name=\"x\">");

        assertThatThrownBy(() -> StandaloneLogging.configure(context, new SettingsSource().set("log-config",
                file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot use the log configuration " + file + ": ")
                .message().doesNotContain("\n");
    }
}
