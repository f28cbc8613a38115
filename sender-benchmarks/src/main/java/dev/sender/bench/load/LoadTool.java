package dev.sender.bench.load;

import java.io.PrintStream;

/** Dispatches a command line to its scenario. */
public final class LoadTool {

    private LoadTool() {
    }

    /** Runs {@code args}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String scenario = args[0];
        Options options;
        try {
            options = new Options(args, 1);
        } catch (IllegalArgumentException e) {
            err.println("sender-bench: " + e.getMessage());
            return 2;
        }
        Report report;
        try {
            report = switch (scenario) {
                case "fanout", "latency", "mixed" -> FanoutScenario.run(scenario, options);
                case "peer-nats" -> NatsScenario.run(options);
                case "slow" -> SlowScenario.run(options);
                case "publish" -> PublishScenario.run(options);
                case "idle" -> IdleScenario.run(options);
                case "replay" -> ReplayScenario.run(options);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            err.println("sender-bench: " + e.getMessage());
            return 2;
        }
        if (report == null) {
            err.println("sender-bench: unknown scenario '" + scenario + "'");
            usage(err);
            return 2;
        }
        err.println(scenario + ":");
        report.print(options.flag("json"), err, out);
        return 0;
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: java -jar sender-bench.jar SCENARIO [options] [--json]

                Scenarios (5 KiB events by default; --json prints one JSON object as the last line):
                  fanout     --subscribers N --size BYTES --duration S [--match-ratio R] [--rate EVENTS_PER_S]
                             [--target URL] [--redis] [--publishers P] [--repeat K] [--no-ceiling]
                             N subscribers, events published over HTTP; also measures the raw ceiling (a bare
                             Jetty endpoint writing the same frames to the same clients). Without --rate,
                             saturates within a delivery window (no drops by design). --history on: subscribers
                             ask for history=1; --history compare: each repeat without, then with (history_cost).
                  latency    --subscribers N --rate R [--match-ratio R]   fixed rate, p50/p99/p999
                  mixed      1,000 subscribers with mixed filter families, 10 % matching each event
                  peer-nats  --subscribers N --size BYTES --duration S   the same clients on nats-server's
                             WebSocket listener, publisher on NATS' TCP protocol
                  slow       --subscribers N --rate R   others' p99 with and without one stalled subscriber
                  publish    --publishers P --duration S   HTTP publish requests per second
                  idle       --connections N [--server-jar PATH] [--server-jvm "OPTS"] [--server-heap 2g|default]
                             [--settle S (30)] [--idle S (60)] [--active-percent P --rate R --size B (1024)]
                             [--first-source X (1): clients from 127.0.0.X on]
                             server memory per idle subscriber (sources=cam-i each), idle CPU after settling;
                             then events for P % of the cameras: server CPU, latency, memory
                  replay     --events N (1000, at most the history size) --repeat K (20) --warmup-replays W (20)
                             time from a subscriber's handshake with rewind=N to its last replayed event

                Common: --warmup S (20: the JIT needs it on 2 cores), --duration S (10), --size BYTES (5120), --publishers P (2),
                        --window W (64 messages in flight per subscriber when saturating),
                        --redis (two embedded servers sharing a redis-server the tool starts; --redis-uri URI),
                        --target http://host:port (a running server), --queue-bytes B (server's subscriber queue)
                """);
    }
}
