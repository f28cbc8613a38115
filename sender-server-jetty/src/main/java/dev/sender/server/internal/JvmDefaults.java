package dev.sender.server.internal;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone jar's JVM options. {@code java -jar} cannot carry JVM options, so a JVM started without any runs
 * the server in a child JVM started with {@link #OPTIONS}, and stays as its parent: it passes its exit status on,
 * and stops it when asked to stop; the child stops by itself when the parent dies. A JVM started with options of
 * its own (on the command line, in {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}) runs the server itself, as
 * does any JVM when {@code SENDER_JVM_DEFAULTS=off}: an operator's tuning is never second-guessed.
 */
public final class JvmDefaults {

    /**
     * The options for this JVM ({@link #options(int)} of its feature version).
     */
    public static final List<String> OPTIONS = options(Runtime.version().feature());

    /** The environment variable that turns the defaults off when {@code off} or {@code false}. */
    public static final String SWITCH = "SENDER_JVM_DEFAULTS";
    /** The system property that tells a child it runs with the defaults. */
    static final String APPLIED_PROPERTY = "sender.jvm-defaults";
    /** How long the parent waits for a child it asked to stop. */
    private static final long STOP_WAIT_SECONDS = 60;

    private JvmDefaults() {
    }

    /**
     * The options for a JVM of feature version {@code feature} (docs/performance.md, "Idle subscribers" and "The
     * latency tail"): a small, fixed young generation and a heap that gives back what it does not use, so that an
     * idle server's memory follows its connections (8 KiB each at 19,000 instead of 15), at a latency within noise
     * of G1's own choices at 1,000 events/s; concurrent marking started by a fixed old-generation occupancy (90 % of
     * the heap) rather than G1's adaptive guess, which in a heap kept this tight started a marking every minute that
     * found nothing to free; the GC's counters kept out of a memory-mapped file, whose write-back by the kernel can
     * stall a collection on a busy disk; and, up to Java 19, the cards that pings dirty in old objects left to the
     * collections instead of refined as they come (a quarter of the idle server's CPU at 19,000 subscribers), and
     * no "preventive" young collections (which Java 20 turned off and 21 removed). Java 20 reworked that refinement
     * and retired the flags that tune it; later JVMs refuse them.
     *
     * @param feature the JVM's feature version, such as 17
     * @return the options, in the order given to the child
     */
    static List<String> options(int feature) {
        List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmn32m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=90",
                "-XX:G1PeriodicGCInterval=60000", "-XX:+PerfDisableSharedMem"));
        if (feature < 20) {
            options.addAll(List.of("-XX:-G1UseAdaptiveConcRefinement", "-XX:G1ConcRefinementGreenZone=2048",
                    "-XX:G1ConcRefinementYellowZone=4096", "-XX:G1ConcRefinementRedZone=8192",
                    "-XX:+UnlockDiagnosticVMOptions", "-XX:-G1UsePreventiveGC"));
        }
        return List.copyOf(options);
    }

    /**
     * Whether this JVM should start the server in a child with the defaults.
     *
     * @param jvmArguments this JVM's own options
     * @param classPath this JVM's class path
     * @param environment the process' environment
     * @return true when the JVM has no options of its own, runs from one jar, and the defaults are not turned off
     */
    static boolean wanted(List<String> jvmArguments, String classPath, Map<String, String> environment) {
        String choice = environment.getOrDefault(SWITCH, "").trim().toLowerCase(Locale.ROOT);
        return jvmArguments.isEmpty() && !choice.equals("off") && !choice.equals("false")
                && classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                && Files.isRegularFile(Path.of(classPath));
    }

    /** Whether this JVM is a child started with the defaults. */
    public static boolean applied() {
        return "applied".equals(System.getProperty(APPLIED_PROPERTY));
    }

    /**
     * Runs {@code mainClass} with {@code args} in a child JVM with the defaults, when {@link #wanted wanted}.
     *
     * @param mainClass the class whose {@code main} the child runs
     * @param args the command line
     * @return the child's exit status, or -1 when this JVM should run the server itself
     */
    public static int relaunch(Class<?> mainClass, String[] args) {
        String classPath = System.getProperty("java.class.path", "");
        if (!wanted(ManagementFactory.getRuntimeMXBean().getInputArguments(), classPath, System.getenv())) {
            return -1;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        command.addAll(List.of("-D" + APPLIED_PROPERTY + "=applied", "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            // The server still runs, in this JVM, without the defaults.
            return -1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "sender-stop-child"));
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Only the child's end ends the wait.
            }
        }
    }

    /** In a child: stops this JVM, as {@code SIGTERM} would, when its parent is gone without stopping it. */
    public static void stopWithParent() {
        if (applied()) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(143)));
        }
    }

    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
