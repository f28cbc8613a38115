package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document passes the Redocly CLI's recommended rules without an error. The CLI is the one
 * {@code scripts/install-test-deps} installs ({@value #REDOCLY_VERSION}), or else that version through
 * {@code npx}; without either the test is skipped, except on CI ({@code CI} set), where it fails.
 */
class OpenApiLintTest {

    /** The pinned version; scripts/install-test-deps installs the same. */
    static final String REDOCLY_VERSION = "2.77.0";

    @Test
    void openApiDocument_passesTheRecommendedRules(@TempDir Path workDir) throws Exception {
        List<String> command = new ArrayList<>(redocly());
        command.addAll(List.of("lint", "--format=stylish", "--extends=recommended", document().toString()));
        Path output = workDir.resolve("lint.txt");
        // Run in an empty folder, so that no redocly.yaml of a parent folder changes the rules.
        ProcessBuilder lint = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = lint.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("redocly lint did not finish within 3 minutes");
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("redocly lint exit status; its report:%n%s", report).isZero();
        assertThat(report).contains("Your API description is valid");
    }

    private static Path document() throws URISyntaxException {
        return Path.of(OpenApiLintTest.class.getResource("/dev/sender/server/openapi.yaml").toURI());
    }

    /** The command that runs the pinned Redocly CLI. */
    private static List<String> redocly() throws IOException, InterruptedException {
        Optional<Path> installed = onPath("redocly");
        if (installed.isPresent() && REDOCLY_VERSION.equals(version(installed.get()))) {
            return List.of(installed.get().toString());
        }
        Optional<Path> npx = onPath("npx");
        if (npx.isPresent()) {
            return List.of(npx.get().toString(), "--yes", "@redocly/cli@" + REDOCLY_VERSION);
        }
        String missing = "neither redocly " + REDOCLY_VERSION + " nor npx is on the PATH; run scripts/install-test-deps";
        if (System.getenv("CI") != null) {
            fail(missing);
        }
        Assumptions.abort(missing);
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String version(Path redocly) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(redocly.toString(), "--version")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(1, TimeUnit.MINUTES);
        return out.substring(out.lastIndexOf('\n') + 1).trim();
    }
}
