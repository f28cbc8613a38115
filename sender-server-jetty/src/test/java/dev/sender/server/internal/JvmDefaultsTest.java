package dev.sender.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void wanted_onlyForAJvmWithoutOptions_runningOneJar_withTheSwitchNotOff() throws Exception {
        String jar = Files.createFile(dir.resolve("sender-server.jar")).toString();

        assertThat(JvmDefaults.wanted(List.of(), jar, Map.of())).isTrue();
        assertThat(JvmDefaults.wanted(List.of(), jar, Map.of(JvmDefaults.SWITCH, "on"))).isTrue();
        assertThat(JvmDefaults.wanted(List.of("-Xmx1g"), jar, Map.of())).isFalse();
        assertThat(JvmDefaults.wanted(List.of(), jar, Map.of(JvmDefaults.SWITCH, "off"))).isFalse();
        assertThat(JvmDefaults.wanted(List.of(), jar, Map.of(JvmDefaults.SWITCH, " FALSE "))).isFalse();
        assertThat(JvmDefaults.wanted(List.of(), dir.toString(), Map.of())).as("classes, not a jar").isFalse();
        assertThat(JvmDefaults.wanted(List.of(), jar + File.pathSeparator + jar, Map.of())).isFalse();
        assertThat(JvmDefaults.wanted(List.of(), dir.resolve("missing.jar").toString(), Map.of())).isFalse();
    }

    @Test
    void options_leaveCardRefinementToTheCollections_andSkipPreventiveOnes_onlyWhereTheJvmHasTheFlags() {
        assertThat(JvmDefaults.options(17)).startsWith("-Xms64m", "-Xmn32m")
                .contains("-XX:-G1UseAdaptiveConcRefinement", "-XX:G1ConcRefinementGreenZone=2048")
                .containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-G1UsePreventiveGC");
        assertThat(JvmDefaults.options(19)).contains("-XX:-G1UseAdaptiveConcRefinement", "-XX:-G1UsePreventiveGC");
        assertThat(JvmDefaults.options(20)).as("Java 20 removed the refinement zones and preventive collections")
                .noneMatch(option -> option.contains("ConcRefinement") || option.contains("Preventive")
                        || option.contains("Unlock"))
                .contains("-Xms64m", "-Xmn32m", "-XX:G1PeriodicGCInterval=60000");
        assertThat(JvmDefaults.options(25)).as("a fixed marking threshold on every version")
                .containsSubsequence("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=90");
        assertThat(JvmDefaults.OPTIONS).isEqualTo(JvmDefaults.options(Runtime.version().feature()));
    }

    @Test
    void inATestJvm_theServerStaysInTheJvmAsStarted() {
        assertThat(JvmDefaults.relaunch(JvmDefaultsTest.class, new String[0])).isEqualTo(-1);
        assertThat(JvmDefaults.applied()).isFalse();
    }
}
