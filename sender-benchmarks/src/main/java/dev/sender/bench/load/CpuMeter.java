package dev.sender.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the processes of a run, from Linux's {@code /proc}: this process as a whole, its threads by role
 * (the lean clients, the publishers, the JVM's own threads — GC, JIT, VM — and everything else, which is the
 * server under test when it is embedded), and other processes by PID (a {@code nats-server}). Per-thread and
 * per-process times are in clock ticks of 10 ms (Linux's {@code USER_HZ} of 100); a thread that ends inside the
 * window takes its time with it. Where {@code /proc} is missing, only this process' total is measured.
 */
final class CpuMeter {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<String, Long> others;

    /** A meter of this process and of the processes {@code others} (name to PID). */
    CpuMeter(Map<String, Long> others) {
        this.others = others;
    }

    /** CPU time so far: this process', each of its threads' (with its role), the other processes'. */
    Sample sample() {
        Map<String, long[]> threads = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String tid = task.getFileName().toString();
                    roles.put(tid, role(Files.readString(task.resolve("comm")).trim()));
                    threads.put(tid, new long[] {ticks(Files.readString(task.resolve("stat")))});
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            threads.clear();
        }
        Map<String, Long> processes = new LinkedHashMap<>();
        others.forEach((name, pid) -> {
            try {
                processes.put(name, ticks(Files.readString(Path.of("/proc", pid.toString(), "stat"))));
            } catch (IOException | RuntimeException gone) {
                processes.put(name, -1L);
            }
        });
        return new Sample(DeliveryRun.processCpuNanos(), threads, roles, processes);
    }

    /**
     * CPU time at one instant.
     *
     * @param processNanos this process' CPU time
     * @param threads ticks of each thread of this process, by thread id
     * @param roles the role of each thread, by thread id
     * @param others ticks of the other processes, by name (-1 when unreadable)
     */
    record Sample(long processNanos, Map<String, long[]> threads, Map<String, String> roles,
            Map<String, Long> others) {

        /**
         * Microseconds of CPU per delivery since {@code before}: {@code tool_process}, this process' threads by
         * role (threads alive at both samples, or born in between), the other processes (null where unreadable).
         */
        Map<String, Double> microsPerDelivery(Sample before, long deliveries) {
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("tool_process", per(processNanos - before.processNanos, deliveries));
            if (!threads.isEmpty()) {
                Map<String, Long> byRole = new HashMap<>();
                threads.forEach((tid, ticks) -> {
                    long[] start = before.threads.get(tid);
                    byRole.merge(roles.get(tid), (ticks[0] - (start == null ? 0 : start[0])) * NANOS_PER_TICK,
                            Long::sum);
                });
                for (String role : List.of("server_threads", "client_threads", "publisher_threads", "jvm_threads")) {
                    out.put(role, per(byRole.getOrDefault(role, 0L), deliveries));
                }
            }
            others.forEach((name, end) -> {
                Long start = before.others.get(name);
                out.put(name, start == null || start < 0 || end < 0 ? null
                        : per((end - start) * NANOS_PER_TICK, deliveries));
            });
            return out;
        }

        private static Double per(long nanos, long deliveries) {
            return deliveries <= 0 ? null : Math.round(nanos / 1e3 / deliveries * 1000) / 1000.0;
        }
    }

    /** The role of a thread of this process by its (15-character) name. */
    static String role(String name) {
        if (name.startsWith("bench-clients") || name.startsWith("nats-publisher") || name.equals("java")
                || name.equals("main")) {
            return "client_threads";
        }
        if (name.startsWith("bench-publisher")) {
            return "publisher_threads";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("C1 ") || name.startsWith("C2 ")
                || name.startsWith("VM ") || name.equals("Sweeper thread") || name.equals("Service Thread")
                || name.startsWith("Common-Cleaner") || name.startsWith("Signal Dispatch")
                || name.startsWith("Finalizer") || name.startsWith("Reference Handl")
                || name.startsWith("Notification Th")) {
            return "jvm_threads";
        }
        return "server_threads";
    }

    /** User plus system time of a {@code /proc/.../stat} line, in ticks. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
