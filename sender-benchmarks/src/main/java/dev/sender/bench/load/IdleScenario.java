package dev.sender.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code idle}: N idle subscribers on a standalone server in its own process (so that the figures are the
 * server's alone): heap and resident memory per connection, and the server's CPU while they idle (pings
 * included). Connections beyond 20,000 use further 127.0.0.x source addresses; the process' file-descriptor
 * limit ({@code ulimit -n}) bounds both sides.
 */
final class IdleScenario {

    private static final Pattern LISTENING = Pattern.compile("Sender listening on http://[^:]+:(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private IdleScenario() {
    }

    static Report run(Options options) throws Exception {
        int connections = options.integer("connections", 10_000);
        String jar = options.text("server-jar", "sender-server-jetty/target/sender-server.jar");
        int idleSeconds = options.integer("idle", 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx" + options.text("server-heap", "2g"), "-jar", jar,
                "--host", "127.0.0.1", "--port", "0", "--ping-interval", options.text("ping-interval", "20s"))
                .redirectErrorStream(true).start();
        try {
            int port = awaitPort(server);
            long pid = server.pid();
            Thread.sleep(2000);
            long heapBefore = heapAfterGc(pid);
            long rssBefore = rss(pid);
            Deliveries deliveries = new Deliveries(0);
            try (LeanClients clients = new LeanClients("bench-idle", deliveries)) {
                InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
                Map<String, String> headers = Map.of("Luna-Account-Id", UUID.randomUUID().toString());
                long connectStart = System.nanoTime();
                for (int i = 0; i < connections; i++) {
                    clients.open(address, DeliveryRun.localAddress(i), "/2/ws?sources=cam-0", headers,
                            new SenderDecoder(), true);
                }
                double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
                Thread.sleep(3000);
                long heapAfter = heapAfterGc(pid);
                long rssAfter = rss(pid);
                long ticksBefore = cpuTicks(pid);
                Thread.sleep(idleSeconds * 1000L);
                long ticks = cpuTicks(pid) - ticksBefore;
                double cpuPercent = ticks * 100.0 / (idleSeconds * 100.0);
                return new Report("idle").put("connections", connections)
                        .put("connect_seconds", connectSeconds)
                        .put("heap_bytes_per_connection", (heapAfter - heapBefore) / (double) connections)
                        .put("rss_bytes_per_connection", (rssAfter - rssBefore) / (double) connections)
                        .put("server_cpu_percent_of_one_core", cpuPercent)
                        .put("closed_by_server", deliveries.closedCount());
            }
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static int awaitPort(Process process) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // keep the server's output flowing
                        }
                    } catch (IOException ignored) {
                        // server gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the server did not start: " + seen);
    }

    /** Heap in use after a full collection, from {@code jcmd}. */
    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IOException("cannot read the heap: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** User plus system time of the process, in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
