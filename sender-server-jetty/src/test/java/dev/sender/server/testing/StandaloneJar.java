package dev.sender.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded standalone jar started as a process, as a user starts it. */
public final class StandaloneJar {

    private static final Pattern LISTENING = Pattern.compile("Sender listening on http://([^:]+):(\\d+)");

    private StandaloneJar() {
    }

    /** The {@code java} of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int awaitPort(Process process) throws Exception {
        return awaitPort(process, new CopyOnWriteArrayList<>());
    }

    /**
     * Reads the process' output into {@code output} until the line saying where it listens; a daemon thread keeps
     * reading (and collecting) the rest, so that the process never blocks on a full pipe.
     */
    public static int awaitPort(Process process, List<String> output) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        for (String more = lines.readLine(); more != null; more = lines.readLine()) {
                            output.add(more);
                        }
                    } catch (IOException e) {
                        // The process is gone.
                    }
                }, "standalone-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError("the server did not say where it listens" + (process.waitFor(5, TimeUnit.SECONDS)
                ? " and exited with " + process.exitValue() : "") + ": " + output);
    }
}
