package dev.sender.core.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The checks every module runs on its own main classes: it uses no other module's internals, and the modules
 * depend on each other without cycles. A module's {@code ArchitectureTest} extends this and adds its own rules.
 */
public abstract class ModuleBoundariesTest {

    /** The main classes of the module under test. */
    protected static final JavaClasses CLASSES = ArchitectureRules.mainClasses();

    @Test
    void otherModules_internals_areNotUsed() {
        ArchitectureRules.INTERNALS_STAY_IN_THEIR_MODULE.check(CLASSES);
    }

    @Test
    void modules_areFreeOfCycles() {
        ArchitectureRules.MODULES_ARE_FREE_OF_CYCLES.check(ArchitectureRules.senderMainClasses());
    }
}
