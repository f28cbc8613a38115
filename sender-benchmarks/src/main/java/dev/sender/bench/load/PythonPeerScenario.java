package dev.sender.bench.load;

import dev.sender.core.Broker;
import dev.sender.redis.RedisBroker;
import dev.sender.server.SenderServer;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code peer-python}: the latency measurement of {@code latency} (open loop at a fixed rate, one event per
 * {@code POST /2/publish}, the same lean WebSocket subscribers with {@code sources=cam-0}, latency from each
 * event's scheduled send time to its receipt) against Sender and against {@link PythonStandin the Python
 * stand-in of LUNA's stack}, alternately in one invocation: each round runs every side once, in an order drawn
 * from {@code --seed}. Sender runs embedded, with its in-memory broker and with a Redis broker on the same
 * redis-server as the stand-in (one server that publishes to and receives from Redis, the stand-in's shape);
 * {@code --sender memory|redis|both} or {@code --redis} chooses; {@code --sender standalone} runs the standalone
 * jar in a process of its own instead, as the stand-in runs ({@code --server-jar}, {@code --server-jvm "OPTIONS"}). Reports p50, p99, p99.9 and max of every run,
 * their medians per side, and each round's ratios of Sender's figures to the stand-in's.
 */
final class PythonPeerScenario {

    /** What a run measures. */
    enum Side {
        SENDER_MEMORY("sender_memory", "S"),
        SENDER_REDIS("sender_redis", "R"),
        SENDER_STANDALONE("sender_standalone", "J"),
        PYTHON("python", "P");

        final String key;
        final String letter;

        Side(String key, String letter) {
            this.key = key;
            this.letter = letter;
        }
    }

    private PythonPeerScenario() {
    }

    static Report run(Options options) throws Exception {
        List<Side> sides = sides(options);
        int subscribers = options.integer("subscribers", 1);
        int size = options.integer("size", 5120);
        double rate = options.number("rate", 1000);
        if (rate <= 0) {
            throw new IllegalArgumentException("peer-python measures latency at a fixed rate: --rate must be > 0");
        }
        int runs = options.integer("runs", 5);
        long seed = options.has("seed") ? Long.parseLong(options.text("seed", "")) : System.nanoTime() % 1_000_000;
        DeliveryRun.Shape shape = new DeliveryRun.Shape(subscribers, 1, rate, options.integer("publishers", 2),
                Duration.ofSeconds(options.integer("warmup", DeliveryRun.DEFAULT_WARMUP_SECONDS)),
                Duration.ofSeconds(options.integer("duration", 10)), options.integer("window", 64));
        List<byte[]> events = Payloads.events(1, size);
        String python = options.text("python", PythonStandin.DEFAULT_PYTHON);
        Path script = PythonStandin.extractScript();
        try {
            String versions = PythonStandin.versions(python, script);
            List<List<Side>> order = order(sides, runs, seed);
            Map<Side, List<Run>> results = new EnumMap<>(Side.class);
            try (Redis redis = Redis.of(options)) {
                for (List<Side> round : order) {
                    for (Side side : round) {
                        results.computeIfAbsent(side, s -> new ArrayList<>())
                                .add(runSide(side, shape, events, options, redis, python, script));
                    }
                }
                Report report = new Report("peer-python").put("subscribers", subscribers).put("size", size)
                        .put("rate", rate).put("runs", runs).put("warmup_s", shape.warmup().toSeconds())
                        .put("duration_s", shape.duration().toSeconds()).put("publishers", shape.publishers())
                        .put("seed", seed).put("order", describe(order)).put("python", versions)
                        .put("redis", redis.version());
                summarize(report, results);
                return report;
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static List<Side> sides(Options options) {
        String sender = options.text("sender", options.flag("redis") ? "redis" : "both");
        if (options.flag("redis") && !sender.equals("redis")) {
            throw new IllegalArgumentException("--redis runs Sender with Redis only; it contradicts --sender "
                    + sender);
        }
        return switch (sender) {
            case "memory" -> List.of(Side.SENDER_MEMORY, Side.PYTHON);
            case "redis" -> List.of(Side.SENDER_REDIS, Side.PYTHON);
            case "standalone" -> List.of(Side.SENDER_STANDALONE, Side.PYTHON);
            case "both" -> List.of(Side.SENDER_MEMORY, Side.SENDER_REDIS, Side.PYTHON);
            default -> throw new IllegalArgumentException("--sender must be memory, redis, standalone or both, not '"
                    + sender + "'");
        };
    }

    /** {@code runs} rounds, each running every side once, in an order drawn from {@code seed}. */
    static <T> List<List<T>> order(List<T> sides, int runs, long seed) {
        Random random = new Random(seed);
        List<List<T>> rounds = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            List<T> round = new ArrayList<>(sides);
            Collections.shuffle(round, random);
            rounds.add(List.copyOf(round));
        }
        return rounds;
    }

    private static String describe(List<List<Side>> order) {
        return order.stream().map(round -> round.stream().map(s -> s.letter).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" | "));
    }

    /**
     * One measured run and what the other processes spent on it, per event published (warm-up included).
     *
     * @param result the measurement
     * @param serverMicrosPerEvent CPU of the server in its own process (the Python stand-in, or the standalone
     *     jar), or NaN
     * @param redisMicrosPerEvent CPU of redis-server, or NaN
     */
    record Run(DeliveryRun.Result result, double serverMicrosPerEvent, double redisMicrosPerEvent) {
    }

    private static Run runSide(Side side, DeliveryRun.Shape shape, List<byte[]> events, Options options, Redis redis,
            String python, Path script) throws Exception {
        long redisBefore = redis.cpuNanos();
        return switch (side) {
            case PYTHON -> {
                try (PythonStandin standin = PythonStandin.start(python, script, redis.uri)) {
                    long before = standin.cpuNanos();
                    DeliveryRun.Result result = measure(shape, standin.address(), events, false);
                    standin.checkRunning();
                    yield new Run(result, perEvent(standin.cpuNanos(), before, result),
                            perEvent(redis.cpuNanos(), redisBefore, result));
                }
            }
            case SENDER_STANDALONE -> {
                List<String> jvm = options.has("server-jvm")
                        ? List.of(options.text("server-jvm", "").trim().split("\\s+")) : List.of();
                try (StandaloneServer server = new StandaloneServer(
                        options.text("server-jar", StandaloneServer.DEFAULT_JAR), jvm, List.of())) {
                    DeliveryRun.Result result = measure(shape, server.address(), events, true,
                            Map.of("server_process", server.pid()));
                    // One subscriber: the server's CPU per delivery, while measuring, is its CPU per event.
                    Double cpu = result.cpu().get("server_process");
                    yield new Run(result, cpu == null ? Double.NaN : cpu, Double.NaN);
                }
            }
            case SENDER_MEMORY -> {
                try (SenderServer server = sender(options, null)) {
                    yield new Run(measure(shape, address(server), events, true), Double.NaN, Double.NaN);
                }
            }
            case SENDER_REDIS -> {
                try (Broker broker = RedisBroker.connect(redis.uri); SenderServer server = sender(options, broker)) {
                    DeliveryRun.Result result = measure(shape, address(server), events, true);
                    yield new Run(result, Double.NaN, perEvent(redis.cpuNanos(), redisBefore, result));
                }
            }
        };
    }

    private static InetSocketAddress address(SenderServer server) {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    private static double perEvent(long after, long before, DeliveryRun.Result result) {
        return after < 0 || before < 0 || result.published() == 0 ? Double.NaN
                : (after - before) / 1e3 / result.published();
    }

    /** CPU time {@code process} has used, user and system, or -1 where the platform does not tell. */
    static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static SenderServer sender(Options options, Broker broker) {
        SenderSettings settings = SenderSettings.builder().host("127.0.0.1").port(0)
                .subscriberQueueBytes(options.integer("queue-bytes",
                        (int) SenderSettings.DEFAULT_SUBSCRIBER_QUEUE_BYTES)).build();
        SenderServer.Builder builder = SenderServer.builder().settings(settings).loadPlugins(false);
        return (broker == null ? builder : builder.broker(broker)).build().start();
    }

    /**
     * The measurement of {@code latency}, as {@code FanoutScenario} makes it, against the server at {@code server};
     * with {@code sendersFrames}, every frame's length is checked against the message Sender sends (the stand-in
     * writes its JSON its own way).
     */
    static DeliveryRun.Result measure(DeliveryRun.Shape shape, InetSocketAddress server, List<byte[]> events,
            boolean sendersFrames) throws Exception {
        return measure(shape, server, events, sendersFrames, Map.of());
    }

    /** As {@link #measure(DeliveryRun.Shape, InetSocketAddress, List, boolean)}, metering the CPU of {@code others}. */
    static DeliveryRun.Result measure(DeliveryRun.Shape shape, InetSocketAddress server, List<byte[]> events,
            boolean sendersFrames, Map<String, Long> others) throws Exception {
        UUID account = UUID.randomUUID();
        List<byte[]> messages = Payloads.messages(events);
        return DeliveryRun.run(shape, (clients, i, local) -> clients.open(server, local,
                "/2/ws?" + Payloads.query(0, "sources"), Map.of("Luna-Account-Id", account.toString()),
                new SenderDecoder(), true), () -> true, index -> new HttpPublisher(server, account, events),
                group -> sendersFrames ? messages.get(group).length : -1, others);
    }

    private static void summarize(Report report, Map<Side, List<Run>> runs) {
        Map<Side, List<Tail>> tails = new EnumMap<>(Side.class);
        runs.forEach((side, list) -> tails.put(side,
                list.stream().map(r -> Tail.of(r.result().latencies())).toList()));
        tails.forEach((side, list) -> {
            report.put(side.key + "_runs", list.stream().map(Tail::fields).toList());
            Tail.median(list).fields().forEach((name, value) -> report.put(side.key + "_" + name, value));
            List<DeliveryRun.Result> measured = runs.get(side).stream().map(Run::result).toList();
            report.put(side.key + "_events_published",
                            measured.stream().mapToLong(DeliveryRun.Result::published).sum())
                    .put(side.key + "_dropped", measured.stream().mapToLong(DeliveryRun.Result::dropped).sum())
                    .put(side.key + "_disconnected", measured.stream().mapToInt(DeliveryRun.Result::disconnected).sum())
                    .put(side.key + "_publish_failures",
                            measured.stream().mapToLong(DeliveryRun.Result::failures).sum())
                    .put(side.key + "_jvm_cpu_us_per_delivery", figure(FanoutScenario.median(measured,
                            DeliveryRun.Result::cpuMicrosPerDelivery)));
            List<Run> sideRuns = runs.get(side);
            if (side == Side.PYTHON || side == Side.SENDER_STANDALONE) {
                report.put(side == Side.PYTHON ? "python_standin_cpu_us_per_event" : side.key + "_cpu_us_per_event",
                        figure(Report.median(sideRuns.stream().map(Run::serverMicrosPerEvent).toList())));
            }
            if (side == Side.SENDER_REDIS) {
                report.put(side.key + "_redis_cpu_us_per_event",
                        figure(Report.median(sideRuns.stream().map(Run::redisMicrosPerEvent).toList())));
            }
        });
        List<Tail> python = tails.get(Side.PYTHON);
        for (Side side : List.of(Side.SENDER_MEMORY, Side.SENDER_REDIS, Side.SENDER_STANDALONE)) {
            List<Tail> sender = tails.get(side);
            if (sender == null) {
                continue;
            }
            List<Tail> ratios = new ArrayList<>();
            for (int r = 0; r < sender.size(); r++) {
                ratios.add(ratio(sender.get(r), python.get(r)));
            }
            report.put(side.key + "_over_python_p99_per_round",
                    ratios.stream().map(t -> t.fields().get("p99_ms")).toList());
            Map<String, Double> medians = new LinkedHashMap<>();
            Tail.median(ratios).fields().forEach((name, value) -> medians.put(name.replace("_ms", ""), value));
            report.put(side.key + "_over_python_median", medians);
        }
    }

    /** {@code value}, or null when it is unknown (NaN), so that the report never shows it as 0. */
    private static Double figure(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** Figure by figure, {@code a} over {@code b}: below 1, {@code a} is faster. */
    static Tail ratio(Tail a, Tail b) {
        return new Tail(a.p50() / b.p50(), a.p99() / b.p99(), a.p999() / b.p999(), a.max() / b.max());
    }

    /** The Redis of the invocation: a redis-server the tool starts, or {@code --redis-uri}. */
    private static final class Redis implements AutoCloseable {
        private final URI uri;
        private final Targets.RedisProcess process;
        private final ProcessHandle handle;

        private Redis(URI uri, Targets.RedisProcess process) {
            this.uri = uri;
            this.process = process;
            this.handle = process == null ? null : ProcessHandle.current().children()
                    .filter(h -> listensOn(h, uri.getPort())).findFirst().orElse(null);
        }

        /** Whether {@code process} is a redis-server on {@code port}: it shows only "host:port" as its title. */
        private static boolean listensOn(ProcessHandle process, int port) {
            try {
                return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                        .contains("redis-server 127.0.0.1:" + port);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** CPU time the redis-server the tool started has used, or -1 (not started by the tool, or not told). */
        long cpuNanos() {
            return handle == null ? -1 : PythonPeerScenario.cpuNanos(handle);
        }

        static Redis of(Options options) throws IOException, InterruptedException {
            if (options.has("redis-uri")) {
                return new Redis(URI.create(options.text("redis-uri", "")), null);
            }
            Targets.RedisProcess process = Targets.RedisProcess.start();
            return new Redis(process.uri(), process);
        }

        String version() {
            if (process == null) {
                return uri.toString();
            }
            try {
                String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server"
                        : "redis-server";
                Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                p.waitFor(5, TimeUnit.SECONDS);
                return said.replaceAll(" sha=.*", "");
            } catch (IOException e) {
                return "redis-server";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "redis-server";
            }
        }

        @Override
        public void close() {
            if (process != null) {
                process.close();
            }
        }
    }
}
