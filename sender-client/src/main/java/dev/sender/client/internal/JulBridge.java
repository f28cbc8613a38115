package dev.sender.client.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends what Tyrus and Grizzly log through {@code java.util.logging} to SLF4J, so that the client's logs are all
 * in one place. Only their loggers are touched, once per JVM, and not at all when the root JUL logger already
 * forwards to SLF4J or when {@code jul-to-slf4j} is not on the class path.
 */
final class JulBridge {

    private static final List<String> LOGGERS = List.of("org.glassfish.tyrus", "org.glassfish.grizzly");
    /** Strong references: JUL keeps loggers weakly and would forget their configuration. */
    private static final List<Logger> BRIDGED = new CopyOnWriteArrayList<>();

    private JulBridge() {
    }

    static synchronized void install() {
        if (!BRIDGED.isEmpty()) {
            return;
        }
        try {
            for (Handler handler : LogManager.getLogManager().getLogger("").getHandlers()) {
                if (handler instanceof SLF4JBridgeHandler) {
                    return;
                }
            }
            for (String name : LOGGERS) {
                Logger logger = Logger.getLogger(name);
                logger.addHandler(new SLF4JBridgeHandler());
                logger.setUseParentHandlers(false);
                BRIDGED.add(logger);
            }
        } catch (LinkageError e) {
            LoggerFactory.getLogger(JulBridge.class).debug("jul-to-slf4j is not available; Tyrus logs through JUL");
        }
    }
}
