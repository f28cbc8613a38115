package dev.sender.examples;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.sender.core.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The main classes of examples keep to the module boundaries of {@link ArchitectureRules}. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses();

    @Test
    void otherModules_internals_areNotUsed() {
        ArchitectureRules.INTERNALS_STAY_IN_THEIR_MODULE.check(CLASSES);
    }

    @Test
    void modules_areFreeOfCycles() {
        ArchitectureRules.MODULES_ARE_FREE_OF_CYCLES.check(ArchitectureRules.senderMainClasses());
    }
}
