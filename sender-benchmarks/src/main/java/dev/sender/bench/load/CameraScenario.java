package dev.sender.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * {@code cameras}: one subscriber per camera ({@code sources=cam-<i>}), every event published for one camera, so
 * each event matches exactly one subscription, against a standalone server in its own process. A run with few
 * cameras and a run with many alternate in one invocation (A B, B A... in a seeded random order), on the same
 * server, so that their ratio says how the cost per event grows with the number of distinct filters. Without
 * {@code --rate} the publishers run closed loop (each sends its next event once the previous one is accepted);
 * with it, open loop at that rate, for latency.
 */
final class CameraScenario {

    private CameraScenario() {
    }

    static Report run(Options options) throws Exception {
        int cameras = options.integer("cameras", 10_000);
        int baseline = options.integer("baseline", 100);
        int pairs = options.integer("pairs", 3);
        int size = options.integer("size", 1024);
        double rate = options.number("rate", 0);
        long seed = options.has("seed") ? Long.parseLong(options.text("seed", "0")) : System.nanoTime();
        List<String> jvm = options.has("server-jvm")
                ? Arrays.asList(options.text("server-jvm", "").trim().split("\\s+")) : List.of();
        Random order = new Random(seed);
        List<Double> baseRates = new ArrayList<>();
        List<Double> cameraRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        try (StandaloneServer server = new StandaloneServer(options.text("server-jar", StandaloneServer.DEFAULT_JAR),
                jvm, List.of())) {
            for (int p = 0; p < pairs; p++) {
                boolean baseFirst = order.nextBoolean();
                Run first = measure(server, options, baseFirst ? baseline : cameras, size, rate);
                Run second = measure(server, options, baseFirst ? cameras : baseline, size, rate);
                Run base = baseFirst ? first : second;
                Run many = baseFirst ? second : first;
                runs.add(first);
                runs.add(second);
                baseRates.add(base.eventsPerSecond());
                cameraRates.add(many.eventsPerSecond());
                ratios.add(many.eventsPerSecond() / base.eventsPerSecond());
            }
        }
        Report report = new Report("cameras").put("cameras", cameras).put("baseline", baseline).put("size", size)
                .put("rate", rate > 0 ? rate : "closed loop").put("pairs", pairs).put("seed", seed)
                .put("server_jvm", String.join(" ", jvm));
        report.put("baseline_events_per_sec", Report.median(baseRates))
                .put("cameras_events_per_sec", Report.median(cameraRates))
                .put("ratio", Report.median(ratios))
                .put("ratio_min", ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN))
                .put("ratio_max", ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN))
                .put("ratios", ratios.stream().map(r -> Math.round(r * 1000) / 1000.0).toList());
        report.put("baseline_server_cpu_us_per_event", medianOf(runs, baseline, Run::serverCpuMicrosPerEvent))
                .put("cameras_server_cpu_us_per_event", medianOf(runs, cameras, Run::serverCpuMicrosPerEvent));
        for (String side : List.of("baseline", "cameras")) {
            int n = side.equals("baseline") ? baseline : cameras;
            report.put(side + "_p50_ms", medianOf(runs, n, r -> FanoutScenario.percentile(r.result(), 50)))
                    .put(side + "_p99_ms", medianOf(runs, n, r -> FanoutScenario.percentile(r.result(), 99)))
                    .put(side + "_p999_ms", medianOf(runs, n, r -> FanoutScenario.percentile(r.result(), 99.9)))
                    .put(side + "_p999_ms_max", runs.stream().filter(r -> r.subscribers() == n)
                            .mapToDouble(r -> FanoutScenario.percentile(r.result(), 99.9)).max().orElse(Double.NaN));
        }
        report.put("lost", runs.stream().mapToLong(r -> r.result().audit().lost()).sum())
                .put("duplicates", runs.stream().mapToLong(r -> r.result().audit().duplicates()).sum())
                .put("misroutes", runs.stream().mapToLong(r -> r.result().audit().misroutes()).sum())
                .put("malformed", runs.stream().mapToLong(r -> r.result().audit().malformed()).sum())
                .put("disconnected", runs.stream().mapToInt(r -> r.result().disconnected()).sum())
                .put("publish_failures", runs.stream().mapToLong(r -> r.result().failures()).sum())
                .put("events_published", runs.stream().mapToLong(r -> r.result().published()).sum());
        return report;
    }

    /** One run with {@code subscribers} cameras: what the clients saw, and the server's CPU per event. */
    private record Run(int subscribers, DeliveryRun.Result result, double serverCpuMicrosPerEvent) {
        double eventsPerSecond() {
            return result.deliveredPerSecond();
        }
    }

    private static Run measure(StandaloneServer server, Options options, int subscribers, int size, double rate)
            throws Exception {
        DeliveryRun.Shape shape = new DeliveryRun.Shape(subscribers, subscribers, rate,
                options.integer("publishers", 2),
                Duration.ofSeconds(options.integer("warmup", 10)), Duration.ofSeconds(options.integer("duration", 10)),
                options.integer("window", 64));
        List<byte[]> events = Payloads.events(subscribers, size);
        List<byte[]> messages = Payloads.messages(events);
        UUID account = UUID.randomUUID();
        InetSocketAddress address = server.address();
        Map<String, String> headers = Map.of("Luna-Account-Id", account.toString());
        DeliveryRun.Result result = DeliveryRun.run(shape, (clients, i, local) -> clients.open(address, local,
                "/2/ws?" + Payloads.query(i, "sources"), headers, new SenderDecoder(), true), () -> true,
                index -> new HttpPublisher(address, account, events), group -> messages.get(group).length,
                Map.of("server_process", server.pid()));
        // One delivery per event: the server's CPU per delivery, while measuring, is its CPU per event.
        Double serverCpu = result.cpu().get("server_process");
        return new Run(subscribers, result, serverCpu == null ? Double.NaN : serverCpu);
    }

    private static double medianOf(List<Run> runs, int subscribers, ToDoubleFunction<Run> value) {
        return Report.median(runs.stream().filter(r -> r.subscribers() == subscribers)
                .map(value::applyAsDouble).toList());
    }
}
