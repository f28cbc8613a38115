package dev.sender.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * {@code idle}: N subscribers on a standalone server in its own process (so that the figures are the server's
 * alone; the clients live in this process), subscriber {@code i} with its own filter {@code sources=cam-i}.
 * Measures the server's heap, resident memory and native memory (with {@code -XX:NativeMemoryTracking} among
 * the server's options) per connection as (after - before) / N, the kernel's socket memory (both ends, since
 * the clients are on the same host), and the server's CPU while the connections idle: first over the settling
 * window right after they connected (the JIT and GC's leftovers), then over the idle window (pings included).
 * With {@code --active-percent P}, the same connections then receive a stream of events at {@code --rate}, each
 * event for one camera among the first P % of the subscribers (so each matches exactly one of the N distinct
 * filters): the server's CPU, latency and memory under it. Connections come from 127.0.0.x source addresses,
 * 20,000 each, from {@code --first-source x} (1): back-to-back runs take different ones, since the ports of the
 * last run wait in TIME_WAIT for a minute. The process' file-descriptor limit ({@code ulimit -n}) bounds both
 * sides.
 */
final class IdleScenario {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    /** Shenandoah's and ZGC's heap line. */
    private static final Pattern REGION_HEAP = Pattern.compile("(\\d+)([KMG]) committed, (\\d+)([KMG]) used");
    private static final Pattern NMT = Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");

    private IdleScenario() {
    }

    /** The server's memory at one moment. */
    private record Memory(long rssBeforeGc, long heapUsed, long heapCommitted, long rss, Map<String, Long> nativeCommitted,
            long socketBytes, long slabBytes) {
    }

    static Report run(Options options) throws Exception {
        int connections = options.integer("connections", 10_000);
        String jar = options.text("server-jar", StandaloneServer.DEFAULT_JAR);
        int settleSeconds = options.integer("settle", 30);
        int idleSeconds = options.integer("idle", 60);
        List<String> jvm = new ArrayList<>();
        String heap = options.text("server-heap", "2g");
        if (!heap.equals("default")) {
            jvm.add("-Xmx" + heap);
        }
        String extra = options.text("server-jvm", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(Arrays.asList(extra.split("\\s+")));
        }
        try (StandaloneServer server = new StandaloneServer(jar, jvm,
                List.of("--ping-interval", options.text("ping-interval", "20s")))) {
            int port = server.address().getPort();
            long pid = server.pid();
            Thread.sleep(2000);
            Memory before = memory(pid);
            Report report = new Report("idle").put("connections", connections)
                    .put("server_jvm_options", String.join(" ", jvm))
                    .put("server_jvm_flags", jcmd(pid, "VM.flags").lines().filter(l -> l.startsWith("-"))
                            .findFirst().orElse("?"));
            Deliveries deliveries = new Deliveries(0);
            UUID account = UUID.randomUUID();
            try (LeanClients clients = new LeanClients("bench-idle", deliveries)) {
                InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
                Map<String, String> headers = Map.of("Luna-Account-Id", account.toString());
                long connectStart = System.nanoTime();
                int firstSource = options.integer("first-source", 1);
                for (int i = 0; i < connections; i++) {
                    InetAddress source = InetAddress.getByAddress(
                            new byte[] {127, 0, 0, (byte) (firstSource + i / 20_000)});
                    clients.open(address, source, "/2/ws?sources=cam-" + i, headers,
                            new SenderDecoder(), true);
                }
                report.put("connect_seconds", (System.nanoTime() - connectStart) / 1e9);
                long ticks = cpuTicks(pid);
                Thread.sleep(settleSeconds * 1000L);
                report.put("server_cpu_percent_settling", (cpuTicks(pid) - ticks) / (double) settleSeconds)
                        .put("settle_seconds", settleSeconds);
                ticks = cpuTicks(pid);
                Thread.sleep(idleSeconds * 1000L);
                report.put("server_cpu_percent_idle", (cpuTicks(pid) - ticks) / (double) idleSeconds)
                        .put("idle_seconds", idleSeconds);
                Memory after = memory(pid);
                perConnection(report, "", before, after, connections);
                report.put("server_threads", threads(pid));
                int percent = options.integer("active-percent", 0);
                if (percent > 0) {
                    active(report, options, deliveries, address, account, Math.max(1, connections * percent / 100),
                            pid, before, connections);
                }
                return report.put("closed_by_server", deliveries.closedCount());
            }
        }
    }

    /** Events for the first {@code active} subscribers' cameras at a fixed rate, open loop, one match each. */
    private static void active(Report report, Options options, Deliveries deliveries, InetSocketAddress address,
            UUID account, int active, long pid, Memory before, int connections) throws Exception {
        double rate = options.number("rate", 1000);
        Duration warmup = Duration.ofSeconds(options.integer("warmup", 20));
        Duration duration = Duration.ofSeconds(options.integer("duration", 30));
        List<byte[]> events = Payloads.events(active, options.integer("size", 1024));
        PublishLoop loop = new PublishLoop(options.integer("publishers", 2), rate, active, group -> 1, deliveries);
        loop.start(index -> new HttpPublisher(address, account, events), warmup.plus(duration).toNanos());
        Thread.sleep(warmup.toMillis());
        long delivered = deliveries.delivered();
        long ticks = cpuTicks(pid);
        long start = System.nanoTime();
        deliveries.startMeasuring();
        Thread.sleep(duration.toMillis());
        Histogram latencies = deliveries.stopMeasuring();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuTicks(pid) - ticks) / seconds;
        long received = deliveries.delivered() - delivered;
        loop.join();
        long drainUntil = System.nanoTime() + 5_000_000_000L;
        while (deliveries.delivered() < loop.expectedDeliveries() && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        report.put("active_subscribers", active).put("active_rate", rate)
                .put("active_delivered_per_s", received / seconds)
                .put("active_server_cpu_percent", cpu)
                .put("active_server_cpu_us_per_event", received > 0 ? cpu * 1e4 * seconds / received : Double.NaN)
                .latencies("active_", latencies)
                .put("active_dropped", Math.max(0, loop.expectedDeliveries() - deliveries.delivered()))
                .put("active_publish_failures", loop.failures());
        perConnection(report, "active_", before, memory(pid), connections);
    }

    private static void perConnection(Report report, String prefix, Memory before, Memory after, int n) {
        report.put(prefix + "rss_bytes_before", before.rss()).put(prefix + "rss_bytes_after", after.rss())
                .put(prefix + "rss_bytes_per_connection", (after.rss() - before.rss()) / (double) n)
                .put(prefix + "rss_bytes_after_no_forced_gc", after.rssBeforeGc())
                .put(prefix + "rss_bytes_per_connection_no_forced_gc",
                        (after.rssBeforeGc() - before.rssBeforeGc()) / (double) n)
                .put(prefix + "heap_bytes_per_connection", (after.heapUsed() - before.heapUsed()) / (double) n)
                .put(prefix + "heap_committed_bytes_after", after.heapCommitted())
                .put(prefix + "kernel_socket_buffer_bytes_per_connection",
                        (after.socketBytes() - before.socketBytes()) / (double) n)
                .put(prefix + "kernel_slab_bytes_per_connection", (after.slabBytes() - before.slabBytes()) / (double) n);
        after.nativeCommitted().forEach((category, committed) -> {
            long was = before.nativeCommitted().getOrDefault(category, 0L);
            report.put(prefix + "nmt_" + category.toLowerCase().replaceAll("[^a-z]+", "_") + "_bytes_per_connection",
                    (committed - was) / (double) n);
        });
    }

    private static int shift(String unit) {
        return switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
    }

    /** The server's memory, resident before and after a full collection (the rest after it). */
    private static Memory memory(long pid) throws IOException, InterruptedException {
        long rssBeforeGc = rss(pid);
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        // One line for G1's heap, one per generation for the serial and parallel collectors, one for Shenandoah's.
        long heapCommitted = 0;
        long heapUsed = 0;
        for (Matcher m = HEAP.matcher(info); m.find(); ) {
            heapCommitted += Long.parseLong(m.group(1)) * 1024;
            heapUsed += Long.parseLong(m.group(2)) * 1024;
        }
        for (Matcher m = REGION_HEAP.matcher(info); m.find(); ) {
            heapCommitted += Long.parseLong(m.group(1)) << shift(m.group(2));
            heapUsed += Long.parseLong(m.group(3)) << shift(m.group(4));
        }
        if (heapCommitted == 0) {
            throw new IOException("cannot read the heap: " + info);
        }
        Map<String, Long> nmt = new LinkedHashMap<>();
        for (String line : jcmd(pid, "VM.native_memory summary").lines().toList()) {
            Matcher total = NMT_TOTAL.matcher(line);
            Matcher category = NMT.matcher(line.trim());
            if (total.find()) {
                nmt.put("total", Long.parseLong(total.group(1)) * 1024);
            } else if (category.find()) {
                nmt.put(category.group(1), Long.parseLong(category.group(2)) * 1024);
            }
        }
        return new Memory(rssBeforeGc, heapUsed, heapCommitted, rss(pid), nmt,
                sockstatTcpPages() * 4096, meminfo("Slab:"));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        List<String> args = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
        args.addAll(Arrays.asList(command.split(" ")));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static long rss(long pid) throws IOException {
        return statusField(Path.of("/proc/" + pid + "/status"), "VmRSS:") * 1024;
    }

    private static long threads(long pid) throws IOException {
        return statusField(Path.of("/proc/" + pid + "/status"), "Threads:");
    }

    private static long meminfo(String field) throws IOException {
        return statusField(Path.of("/proc/meminfo"), field) * 1024;
    }

    /** A numeric field of a {@code /proc} file, as the file gives it (memory in kB). */
    private static long statusField(Path file, String field) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + field + " in " + file);
    }

    /** Pages the kernel holds in TCP socket buffers, host-wide, from {@code /proc/net/sockstat}. */
    private static long sockstatTcpPages() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/net/sockstat"))) {
            if (line.startsWith("TCP:")) {
                String[] f = line.split("\\s+");
                return Long.parseLong(f[f.length - 1]);
            }
        }
        return 0;
    }

    /** User plus system time of the process, in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
