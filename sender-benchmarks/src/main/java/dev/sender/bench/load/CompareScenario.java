package dev.sender.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * {@code compare}: Sender's fan-out and its peers, interleaved in one invocation. Each of {@code --pairs} rounds
 * runs every side once, in an order shuffled with a reported seed, on a fresh server with the same clients, events,
 * window and publisher semantics (as fast as the window lets each publisher thread send): Sender, the NIO ceiling
 * ({@link NioCeiling}), the bare Jetty endpoint ({@link BareJettyEndpoint}), and {@code nats-server} on its
 * WebSocket listener and on its TCP protocol. Reported: each side's deliveries/s per round with median, min and
 * max, Sender's ratio to every peer per round with median, min and max, CPU per delivery by process, and every
 * subscriber's account (losses, duplicates, misroutes, malformed messages). The first round warms up for
 * {@code --warmup} seconds, later ones, in a JVM whose JIT has compiled the code, for {@code --warmup-next}.
 */
final class CompareScenario {

    static final List<String> SIDES = List.of("sender", "nio-ceiling", "bare-jetty", "nats-ws", "nats-tcp");

    private CompareScenario() {
    }

    static Report run(Options options) throws Exception {
        List<String> sides = sides(options.text("sides",
                NatsScenario.NatsServer.installed() ? String.join(",", SIDES) : "sender,nio-ceiling,bare-jetty"));
        int pairs = options.integer("pairs", 5);
        long seed = options.has("seed") ? Long.parseLong(options.text("seed", "0")) : System.nanoTime();
        int subscribers = options.integer("subscribers", 100);
        int groups = Math.max(1, (int) Math.round(1 / options.number("match-ratio", 1.0)));
        int size = options.integer("size", 5120);
        int warmup = options.integer("warmup", DeliveryRun.DEFAULT_WARMUP_SECONDS);
        int warmupNext = options.integer("warmup-next", Math.min(warmup, 5));
        int duration = options.integer("duration", 10);
        if (pairs < 1) {
            throw new IllegalArgumentException("--pairs must be at least 1");
        }
        List<byte[]> events = Payloads.events(groups, size);
        Random random = new Random(seed);
        String loadBefore = loadAverage();
        Map<String, List<DeliveryRun.Result>> results = new LinkedHashMap<>();
        sides.forEach(side -> results.put(side, new ArrayList<>()));
        List<List<String>> orders = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            List<String> order = new ArrayList<>(sides);
            Collections.shuffle(order, random);
            orders.add(order);
            DeliveryRun.Shape shape = new DeliveryRun.Shape(subscribers, groups, 0, options.integer("publishers", 2),
                    Duration.ofSeconds(p == 0 ? warmup : warmupNext), Duration.ofSeconds(duration),
                    options.integer("window", 64));
            for (String side : order) {
                DeliveryRun.Result result = runSide(side, options, shape, events);
                results.get(side).add(result);
                System.err.printf("compare: pair %d/%d %-11s %,.0f deliveries/s%n", p + 1, pairs, side,
                        result.deliveredPerSecond());
            }
        }

        Report report = new Report("compare").put("subscribers", subscribers).put("size", size)
                .put("match_ratio", 1.0 / groups).put("pairs", pairs).put("seed", seed)
                .put("warmup_first_s", warmup).put("warmup_next_s", warmupNext).put("duration_s", duration)
                .put("window", options.integer("window", 64)).put("publishers", options.integer("publishers", 2))
                .put("load_average_before", loadBefore).put("load_average_after", loadAverage())
                .put("orders", orders);
        if (sides.contains("nats-ws") || sides.contains("nats-tcp")) {
            report.put("nats_server", NatsScenario.NatsServer.version());
        }
        results.forEach((side, runs) -> describe(report, key(side), runs));
        if (results.containsKey("sender")) {
            List<DeliveryRun.Result> sender = results.get("sender");
            results.forEach((side, runs) -> {
                if (!side.equals("sender")) {
                    List<Double> ratios = new ArrayList<>();
                    for (int p = 0; p < pairs; p++) {
                        double peer = runs.get(p).deliveredPerSecond();
                        ratios.add(peer > 0 ? round(sender.get(p).deliveredPerSecond() / peer) : Double.NaN);
                    }
                    String key = "sender_to_" + key(side);
                    report.put(key + "_ratios", ratios).put(key, Report.median(ratios))
                            .put(key + "_min", Collections.min(ratios)).put(key + "_max", Collections.max(ratios));
                }
            });
        }
        return report;
    }

    private static List<String> sides(String csv) {
        Set<String> sides = new LinkedHashSet<>(Arrays.asList(csv.split(",")));
        for (String side : sides) {
            if (!SIDES.contains(side)) {
                throw new IllegalArgumentException("unknown side '" + side + "': sides are " + SIDES);
            }
        }
        if ((sides.contains("nats-ws") || sides.contains("nats-tcp")) && !NatsScenario.NatsServer.installed()) {
            throw new IllegalArgumentException("nats-server is not installed");
        }
        return List.copyOf(sides);
    }

    private static DeliveryRun.Result runSide(String side, Options options, DeliveryRun.Shape shape,
            List<byte[]> events) throws Exception {
        return switch (side) {
            case "sender" -> FanoutScenario.runSender(options, shape, events, false, false);
            case "nio-ceiling" -> FanoutScenario.runNioCeiling(shape, events);
            case "bare-jetty" -> FanoutScenario.runBareJetty(shape, events);
            case "nats-ws" -> NatsScenario.runOnce(shape, events, true);
            case "nats-tcp" -> NatsScenario.runOnce(shape, events, false);
            default -> throw new IllegalArgumentException(side);
        };
    }

    private static void describe(Report report, String key, List<DeliveryRun.Result> runs) {
        ToDoubleFunction<DeliveryRun.Result> rate = DeliveryRun.Result::deliveredPerSecond;
        report.put(key + "_per_sec", FanoutScenario.median(runs, rate))
                .put(key + "_per_sec_min", FanoutScenario.min(runs, rate))
                .put(key + "_per_sec_max", FanoutScenario.max(runs, rate))
                .put(key + "_per_sec_runs", runs.stream().map(r -> (double) Math.round(r.deliveredPerSecond())).toList())
                .put(key + "_p99_ms", FanoutScenario.median(runs, r -> FanoutScenario.percentile(r, 99)))
                .put(key + "_cpu_us_per_delivery", medianCpu(runs))
                .put(key + "_deliveries_per_write", FanoutScenario.median(runs, DeliveryRun.Result::deliveriesPerWrite))
                .put(key + "_lost", runs.stream().mapToLong(r -> r.audit().lost()).sum())
                .put(key + "_duplicates", runs.stream().mapToLong(r -> r.audit().duplicates()).sum())
                .put(key + "_misroutes", runs.stream().mapToLong(r -> r.audit().misroutes()).sum())
                .put(key + "_malformed", runs.stream().mapToLong(r -> r.audit().malformed()).sum())
                .put(key + "_subscribers_audited", runs.stream().mapToInt(r -> r.audit().subscribers()).min().orElse(0))
                .put(key + "_per_subscriber_fewest_most", runs.stream()
                        .map(r -> List.of(r.audit().fewest(), r.audit().most())).toList())
                .put(key + "_disconnected", runs.stream().mapToInt(DeliveryRun.Result::disconnected).sum())
                .put(key + "_publish_failures", runs.stream().mapToLong(DeliveryRun.Result::failures).sum());
    }

    /** The median over runs of each CPU figure. */
    private static Map<String, Double> medianCpu(List<DeliveryRun.Result> runs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : runs.get(0).cpu().keySet()) {
            List<Double> values = runs.stream().map(r -> r.cpu().get(name)).filter(Objects::nonNull).toList();
            out.put(name, values.isEmpty() ? null : round(Report.median(values)));
        }
        return out;
    }

    private static String key(String side) {
        return side.replace('-', '_');
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    /** The first three fields of {@code /proc/loadavg}, or "unknown". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
