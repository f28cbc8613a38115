package dev.sender.examples;

import dev.sender.core.testkit.ArchitectureRules;
import dev.sender.core.testkit.ModuleBoundariesTest;

/** The main classes of examples keep to the module boundaries of {@link ArchitectureRules}. */
class ArchitectureTest extends ModuleBoundariesTest {
}
