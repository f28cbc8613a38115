package dev.sender.core;

import dev.sender.core.testkit.ArchitectureRules;
import dev.sender.core.testkit.ModuleBoundariesTest;
import org.junit.jupiter.api.Test;

/** The main classes of sender-core keep to the module boundaries of {@link ArchitectureRules}. */
class ArchitectureTest extends ModuleBoundariesTest {

    @Test
    void core_dependsOnNoTransport() {
        ArchitectureRules.CORE_IS_FREE_OF_TRANSPORTS.check(CLASSES);
    }
}
