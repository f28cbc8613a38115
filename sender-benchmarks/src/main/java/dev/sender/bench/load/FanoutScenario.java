package dev.sender.bench.load;

import dev.sender.server.SenderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * {@code fanout}, {@code latency} and {@code mixed}: N subscribers of one account on Sender (embedded, through
 * Redis with {@code --redis}, or {@code --target}), events published over HTTP; then, in the same run and with
 * the same clients, a bare Jetty endpoint writing the same frames ({@link BareJettyEndpoint}). With
 * {@code --history on} the subscribers ask for {@code history=1} (SPEC §9); with {@code --history compare}
 * each repeat runs without, then with, and the report adds the figures with history and their cost.
 */
final class FanoutScenario {

    private FanoutScenario() {
    }

    static Report run(String scenario, Options options) throws Exception {
        boolean mixed = scenario.equals("mixed");
        boolean latency = scenario.equals("latency");
        int subscribers = options.integer("subscribers", mixed ? 1000 : latency ? 1 : 100);
        double matchRatio = options.number("match-ratio", mixed ? 0.1 : 1.0);
        int groups = Math.max(1, (int) Math.round(1 / matchRatio));
        int size = options.integer("size", 5120);
        double rate = options.number("rate", latency ? 1000 : 0);
        DeliveryRun.Shape shape = new DeliveryRun.Shape(subscribers, groups, rate, options.integer("publishers", 2),
                Duration.ofSeconds(options.integer("warmup", DeliveryRun.DEFAULT_WARMUP_SECONDS)),
                Duration.ofSeconds(options.integer("duration", 10)),
                options.integer("window", 64));
        boolean bareJetty = options.flag("bare-jetty") || !latency && !options.flag("no-bare-jetty");
        List<byte[]> events = Payloads.events(groups, size);
        int repeats = options.integer("repeat", 1);
        String history = options.text("history", "off");
        if (!List.of("off", "on", "compare").contains(history)) {
            throw new IllegalArgumentException("--history must be off, on or compare, not '" + history + "'");
        }

        List<DeliveryRun.Result> sender = new ArrayList<>();
        List<DeliveryRun.Result> withHistory = new ArrayList<>();
        List<DeliveryRun.Result> jetty = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            sender.add(runSender(options, shape, events, mixed, history.equals("on")));
            if (history.equals("compare")) {
                withHistory.add(runSender(options, shape, events, mixed, true));
            }
            if (bareJetty) {
                jetty.add(runBareJetty(shape, events));
            }
        }

        Report report = new Report(scenario).put("subscribers", subscribers).put("size", size)
                .put("match_ratio", 1.0 / groups).put("rate", rate > 0 ? rate : "saturating")
                .put("broker", options.flag("redis") ? "redis" : options.has("target") ? "target" : "in-memory")
                .put("runs", repeats).put("history", history);
        double delivered = median(sender, DeliveryRun.Result::deliveredPerSecond);
        report.put("delivered_per_sec", delivered)
                .put("delivered_per_sec_min", min(sender, DeliveryRun.Result::deliveredPerSecond))
                .put("delivered_per_sec_max", max(sender, DeliveryRun.Result::deliveredPerSecond));
        report.put("p50_ms", median(sender, r -> percentile(r, 50)))
                .put("p99_ms", median(sender, r -> percentile(r, 99)))
                .put("p999_ms", median(sender, r -> percentile(r, 99.9)));
        report.put("cpu_us_per_delivery", median(sender, DeliveryRun.Result::cpuMicrosPerDelivery))
                .put("deliveries_per_write", median(sender, DeliveryRun.Result::deliveriesPerWrite));
        report.put("cpu_us_per_delivery_by_process", sender.get(sender.size() - 1).cpu());
        report.put("dropped", sender.stream().mapToLong(DeliveryRun.Result::dropped).sum())
                .put("duplicates", sender.stream().mapToLong(r -> r.audit().duplicates()).sum())
                .put("misroutes", sender.stream().mapToLong(r -> r.audit().misroutes()).sum())
                .put("malformed", sender.stream().mapToLong(r -> r.audit().malformed()).sum())
                .put("disconnected", sender.stream().mapToInt(DeliveryRun.Result::disconnected).sum())
                .put("publish_failures", sender.stream().mapToLong(DeliveryRun.Result::failures).sum())
                .put("events_published", sender.stream().mapToLong(DeliveryRun.Result::published).sum());
        if (!withHistory.isEmpty()) {
            double historyRate = median(withHistory, DeliveryRun.Result::deliveredPerSecond);
            report.put("history_delivered_per_sec", historyRate)
                    .put("history_delivered_per_sec_min", min(withHistory, DeliveryRun.Result::deliveredPerSecond))
                    .put("history_delivered_per_sec_max", max(withHistory, DeliveryRun.Result::deliveredPerSecond))
                    .put("history_p99_ms", median(withHistory, r -> percentile(r, 99)))
                    .put("history_cpu_us_per_delivery", median(withHistory, DeliveryRun.Result::cpuMicrosPerDelivery))
                    .put("history_dropped", withHistory.stream().mapToLong(DeliveryRun.Result::dropped).sum())
                    .put("history_disconnected", withHistory.stream().mapToInt(DeliveryRun.Result::disconnected).sum())
                    .put("history_cost", delivered > 0 ? 1 - historyRate / delivered : null);
        }
        if (bareJetty) {
            double jettyRate = median(jetty, DeliveryRun.Result::deliveredPerSecond);
            report.put("bare_jetty_per_sec", jettyRate)
                    .put("bare_jetty_per_sec_min", min(jetty, DeliveryRun.Result::deliveredPerSecond))
                    .put("bare_jetty_per_sec_max", max(jetty, DeliveryRun.Result::deliveredPerSecond))
                    .put("bare_jetty_p50_ms", median(jetty, r -> percentile(r, 50)))
                    .put("bare_jetty_p99_ms", median(jetty, r -> percentile(r, 99)))
                    .put("bare_jetty_p999_ms", median(jetty, r -> percentile(r, 99.9)))
                    .put("bare_jetty_cpu_us_per_delivery", median(jetty, DeliveryRun.Result::cpuMicrosPerDelivery))
                    .put("bare_jetty_deliveries_per_write", median(jetty, DeliveryRun.Result::deliveriesPerWrite))
                    .put("bare_jetty_dropped", jetty.stream().mapToLong(DeliveryRun.Result::dropped).sum())
                    .put("ratio", jettyRate > 0 ? delivered / jettyRate : null);
        } else {
            report.put("bare_jetty_per_sec", null).put("ratio", null);
        }
        return report;
    }

    static DeliveryRun.Result runSender(Options options, DeliveryRun.Shape shape, List<byte[]> events, boolean mixed,
            boolean history) throws Exception {
        UUID account = UUID.randomUUID();
        List<byte[]> messages = Payloads.messages(events);
        try (Targets targets = Targets.from(options)) {
            return DeliveryRun.run(shape, (clients, i, local) -> {
                String family = mixed ? Payloads.FAMILIES.get((i / shape.groups()) % Payloads.FAMILIES.size())
                        : "sources";
                return clients.open(targets.subscribeTo(), local, "/2/ws?" + Payloads.query(i % shape.groups(), family)
                        + (history ? "&history=1" : ""),
                        Map.of("Luna-Account-Id", account.toString()), new SenderDecoder(), true);
            }, () -> true, index -> new HttpPublisher(targets.publishTo(), account, events),
                    group -> history ? -1 : messages.get(group).length, Map.of());
        }
    }

    static DeliveryRun.Result runBareJetty(DeliveryRun.Shape shape, List<byte[]> events) throws Exception {
        List<byte[]> messages = Payloads.messages(events);
        try (BareJettyEndpoint endpoint = new BareJettyEndpoint()) {
            return DeliveryRun.run(shape, (clients, i, local) -> clients.open(endpoint.address(), local, "/", Map.of(),
                    new SenderDecoder(), true), () -> endpoint.sessions() == shape.subscribers(),
                    index -> endpoint.publisher(messages), group -> messages.get(group).length, Map.of());
        }
    }

    static DeliveryRun.Result runNioCeiling(DeliveryRun.Shape shape, List<byte[]> events) throws Exception {
        List<byte[]> messages = Payloads.messages(events);
        try (NioCeiling ceiling = new NioCeiling(SenderSettings.DEFAULT_WRITER_THREADS)) {
            return DeliveryRun.run(shape, (clients, i, local) -> clients.open(ceiling.address(), local, "/", Map.of(),
                    new SenderDecoder(), true), () -> ceiling.sessions() == shape.subscribers(),
                    index -> ceiling.publisher(messages), group -> messages.get(group).length, Map.of());
        }
    }

    static double percentile(DeliveryRun.Result result, double percentile) {
        return result.latencies().getTotalCount() == 0 ? Double.NaN
                : result.latencies().getValueAtPercentile(percentile) / 1e6;
    }

    static double median(List<DeliveryRun.Result> results, ToDoubleFunction<DeliveryRun.Result> value) {
        return Report.median(results.stream().map(value::applyAsDouble).toList());
    }

    static double min(List<DeliveryRun.Result> results, ToDoubleFunction<DeliveryRun.Result> value) {
        return results.stream().mapToDouble(value).min().orElse(Double.NaN);
    }

    static double max(List<DeliveryRun.Result> results, ToDoubleFunction<DeliveryRun.Result> value) {
        return results.stream().mapToDouble(value).max().orElse(Double.NaN);
    }
}
