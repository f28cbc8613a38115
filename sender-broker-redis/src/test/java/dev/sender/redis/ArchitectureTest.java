package dev.sender.redis;

import dev.sender.core.testkit.ArchitectureRules;
import dev.sender.core.testkit.ModuleBoundariesTest;

/** The main classes of sender-broker-redis keep to the module boundaries of {@link ArchitectureRules}. */
class ArchitectureTest extends ModuleBoundariesTest {
}
