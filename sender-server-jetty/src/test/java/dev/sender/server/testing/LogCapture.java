package dev.sender.server.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The lines logged to one logger (and those under it) while open, kept in memory for a test to read. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logger = context.getLogger(name);
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures what is logged to the logger {@code name} from now until {@link #close()}. */
    public static LogCapture of(String name) {
        return new LogCapture(name);
    }

    /** Captures what is logged to the logger of {@code type}. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** The messages logged so far, formatted, in order. */
    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The messages logged so far that contain {@code text}. */
    public List<String> linesWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
