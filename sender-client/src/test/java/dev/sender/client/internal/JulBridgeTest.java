package dev.sender.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** What Tyrus and Grizzly log through java.util.logging goes to SLF4J, as the client's own logs do. */
class JulBridgeTest {

    @Test
    void tyrusAndGrizzlyLoggers_forwardToSlf4j_andNotToTheConsole() {
        JulBridge.install();
        JulBridge.install();

        for (String name : new String[] {"org.glassfish.tyrus", "org.glassfish.grizzly"}) {
            Logger logger = Logger.getLogger(name);
            assertThat(logger.getHandlers()).singleElement().isInstanceOf(SLF4JBridgeHandler.class);
            assertThat(logger.getUseParentHandlers()).isFalse();
        }
    }
}
