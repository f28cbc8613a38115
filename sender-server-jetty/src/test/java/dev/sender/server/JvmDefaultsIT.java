package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.server.internal.JvmDefaults;
import dev.sender.server.testing.StandaloneJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone jar's JVM options: a child JVM when started without options of its own, none otherwise. */
class JvmDefaultsIT {

    private static final String JAR = "target/sender-server.jar";

    @Test
    void startedWithoutJvmOptions_servesFromAChildWithTheDefaults_whichStopsWhenTheParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(StandaloneJar.java(), "-jar", JAR, "--port=0").redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        try {
            StandaloneJar.awaitPort(parent, output);

            ProcessHandle child = onlyChild(parent);
            List<String> arguments = List.of(child.info().arguments().orElseThrow());
            assertThat(arguments).containsAll(JvmDefaults.OPTIONS).contains(SenderMain.class.getName(), "--port=0");
            await().atMost(Duration.ofSeconds(10)).until(() -> output.stream().anyMatch(line ->
                    line.contains("JVM options: " + String.join(" ", JvmDefaults.OPTIONS))));

            parent.destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void sigtermToTheParent_stopsTheChildInOrder_andTheParentExitsAsTheChildDid(@TempDir Path dir) throws Exception {
        // To a file: a pipe is closed by the JDK once the parent has exited, losing what the child wrote last.
        Path log = dir.resolve("out.log");
        Process parent = new ProcessBuilder(StandaloneJar.java(), "-jar", JAR, "--port=0").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("JVM options:"));
            ProcessHandle child = onlyChild(parent);

            parent.destroy();

            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.isAlive()).isFalse();
            assertThat(parent.exitValue()).isEqualTo(143);
            assertThat(Files.readString(log)).contains("Sender stopped after");
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void aJvmOptionOfTheOperators_orTheSwitchOff_keepsTheServerInTheJvmAsStarted() throws Exception {
        List<ProcessBuilder> starts = new ArrayList<>();
        starts.add(new ProcessBuilder(StandaloneJar.java(), "-Xmx256m", "-jar", JAR, "--port=0"));
        ProcessBuilder switchedOff = new ProcessBuilder(StandaloneJar.java(), "-jar", JAR, "--port=0");
        switchedOff.environment().put(JvmDefaults.SWITCH, "off");
        starts.add(switchedOff);
        for (ProcessBuilder start : starts) {
            Process process = start.redirectErrorStream(true).start();
            List<String> output = new CopyOnWriteArrayList<>();
            try {
                StandaloneJar.awaitPort(process, output);

                assertThat(process.children().count()).as("children of %s", start.command()).isZero();
                assertThat(output).noneMatch(line -> line.contains("JVM options:"));
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aBadOption_isTheChildsStatus2_passedOnByTheParent() throws Exception {
        Process parent = new ProcessBuilder(StandaloneJar.java(), "-jar", JAR, "--port=nope").start();
        String err = new String(parent.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(parent.exitValue()).isEqualTo(2);
        assertThat(err).hasLineCount(1).startsWith("sender: ");
    }

    private static ProcessHandle onlyChild(Process parent) {
        List<ProcessHandle> children = parent.children().toList();
        assertThat(children).hasSize(1);
        Optional<String> command = children.get(0).info().command();
        assertThat(command).hasValueSatisfying(c -> assertThat(c).endsWith("java"));
        return children.get(0);
    }
}
