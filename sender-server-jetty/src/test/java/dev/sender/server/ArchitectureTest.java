package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.sender.core.fixture.CoreClassUsingJetty;
import dev.sender.core.testkit.ArchitectureRules;
import dev.sender.core.testkit.ModuleBoundariesTest;
import org.junit.jupiter.api.Test;

/**
 * The main classes of sender-server-jetty keep to the module boundaries of {@link ArchitectureRules}, and the
 * rules catch deliberate violations, so a green run means the boundaries hold.
 */
class ArchitectureTest extends ModuleBoundariesTest {

    @Test
    void internalsRule_flagsAServerClassUsingACoreInternal() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReachesIntoCoreInternals.class);

        assertThat(ArchitectureRules.INTERNALS_STAY_IN_THEIR_MODULE.evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void internalsRule_allowsAModuleItsOwnInternals() {
        JavaClasses ownInternals = new ClassFileImporter().importClasses(SenderServer.class);

        assertThat(ArchitectureRules.INTERNALS_STAY_IN_THEIR_MODULE.evaluate(ownInternals).hasViolation()).isFalse();
    }

    @Test
    void transportRule_flagsACoreClassUsingJetty() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CoreClassUsingJetty.class);

        assertThat(ArchitectureRules.CORE_IS_FREE_OF_TRANSPORTS.evaluate(fixture).hasViolation()).isTrue();
    }

    /** Deliberately breaks the boundary: server code reaching into a sender-core internal. */
    static final class ReachesIntoCoreInternals {

        private ReachesIntoCoreInternals() {
        }

        static Object mapper() {
            return dev.sender.core.internal.json.Json.MAPPER;
        }
    }
}
