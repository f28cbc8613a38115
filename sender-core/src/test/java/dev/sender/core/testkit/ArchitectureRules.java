package dev.sender.core.testkit;

import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module boundaries of Sender as ArchUnit rules. Each module's {@code ArchitectureTest} checks its own main
 * classes against them, so a boundary holds by itself rather than by review:
 *
 * <pre>{@code
 * ArchitectureRules.INTERNALS_STAY_IN_THEIR_MODULE.check(ArchitectureRules.mainClasses());
 * }</pre>
 */
public final class ArchitectureRules {

    /** {@code dev.sender.<module>.internal} and below; group 1 is the module. */
    private static final Pattern INTERNAL_PACKAGE = Pattern.compile("dev\\.sender\\.([^.]+)\\.internal(\\..+)?");

    /** A module's {@code internal} packages are used by that module alone. */
    public static final ArchRule INTERNALS_STAY_IN_THEIR_MODULE = classes()
            .should(onlyHaveDependenciesWhere(DescribedPredicate.not(reachingIntoAnotherModulesInternals())))
            .as("classes use no internal package of another module (dev.sender.<module>.internal..)");

    /** sender-core is free of every transport; the adapter modules bring their own. */
    public static final ArchRule CORE_IS_FREE_OF_TRANSPORTS = noClasses()
            .that().resideInAPackage("dev.sender.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.eclipse.jetty..", "io.lettuce..", "org.glassfish.tyrus..", "jakarta.websocket..",
                    "java.net.http..")
            .as("sender-core depends on no Jetty, Lettuce, Tyrus, jakarta.websocket or java.net.http");

    /** The modules depend on one another without cycles; check it against {@link #senderMainClasses()}. */
    public static final ArchRule MODULES_ARE_FREE_OF_CYCLES = slices()
            .matching("dev.sender.(*)..")
            .should().beFreeOfCycles();

    private ArchitectureRules() {
    }

    /** The main classes of the module whose tests run: Surefire runs them in the module's directory. */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /**
     * The main classes of every Sender module on the test classpath (this module's and its dependencies'),
     * without test classes or test-jars.
     */
    public static JavaClasses senderMainClasses() {
        return new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .importPackages("dev.sender");
    }

    private static DescribedPredicate<Dependency> reachingIntoAnotherModulesInternals() {
        return DescribedPredicate.describe("reaching into another module's internal package", dependency -> {
            Matcher internal = INTERNAL_PACKAGE.matcher(dependency.getTargetClass().getPackageName());
            if (!internal.matches()) {
                return false;
            }
            String module = "dev.sender." + internal.group(1);
            String origin = dependency.getOriginClass().getPackageName();
            return !origin.equals(module) && !origin.startsWith(module + ".");
        });
    }
}
