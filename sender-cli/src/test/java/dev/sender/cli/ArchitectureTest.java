package dev.sender.cli;

import dev.sender.core.testkit.ArchitectureRules;
import dev.sender.core.testkit.ModuleBoundariesTest;

/** The main classes of sender-cli keep to the module boundaries of {@link ArchitectureRules}. */
class ArchitectureTest extends ModuleBoundariesTest {
}
