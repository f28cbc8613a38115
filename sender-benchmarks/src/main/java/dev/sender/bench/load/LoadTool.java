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
                case "peer-python" -> PythonPeerScenario.run(options);
                case "compare" -> CompareScenario.run(options);
                case "slow" -> SlowScenario.run(options);
                case "publish" -> PublishScenario.run(options);
                case "idle" -> IdleScenario.run(options);
                case "cameras" -> CameraScenario.run(options);
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
                             [--target URL] [--redis] [--publishers P] [--repeat K] [--no-bare-jetty]
                             N subscribers, events published over HTTP; also measures a bare Jetty endpoint writing
                             the same frames to the same clients (bare_jetty_*). Without --rate, saturates within a
                             delivery window (no drops by design). --history on: subscribers ask for history=1;
                             --history compare: each repeat without, then with (history_cost).
                  compare    --pairs K (5) [--sides sender,nio-ceiling,bare-jetty,nats-ws,nats-tcp] [--seed S]
                             [--warmup-next S (5)] [--subscribers N] [--match-ratio R]   the sides interleaved in
                             K rounds, each in a seeded random order, saturating the same window: per-round
                             ratios of Sender to each peer, CPU per delivery by process, per-subscriber audit
                             (lost, duplicates, misroutes, malformed). NATS sides only if nats-server is installed.
                  latency    --subscribers N --rate R [--match-ratio R]   fixed rate, p50/p99/p999
                  mixed      1,000 subscribers with mixed filter families, 10 % matching each event
                  peer-nats  --subscribers N --size BYTES --duration S [--via websocket|tcp]   the same clients
                             on nats-server's WebSocket listener (or its TCP protocol), publisher on NATS' TCP
                  peer-python --rate R (1000) --subscribers N (1) --runs K (5) [--sender memory|redis|standalone|both]
                             [--seed S] [--python PATH]   latency's measurement against Sender and a Python stand-in
                             of LUNA's stack (aiohttp + Redis pub/sub, /usr/bin/python3), alternating, p50 to max
                  slow       --subscribers N --rate R   others' p99 with and without one stalled subscriber
                  publish    --publishers P --duration S   HTTP publish requests per second
                  idle       --connections N [--server-jar PATH] [--server-jvm "OPTS"] [--server-heap 2g|default]
                             [--settle S (30)] [--idle S (60)] [--active-percent P --rate R --size B (1024)]
                             [--first-source X (1): clients from 127.0.0.X on]
                             server memory per idle subscriber (sources=cam-i each), idle CPU after settling;
                             then events for P % of the cameras: server CPU, latency, memory
                  cameras    --cameras N (10000) --baseline N (100) --pairs K (3) --size BYTES (1024) [--rate R]
                             one subscriber per camera on a standalone server process (--server-jar, --server-jvm
                             "OPTIONS"), each event matching one; many cameras against the baseline, interleaved
                  replay     --events N (1000, at most the history size) --repeat K (20) --warmup-replays W (20)
                             time from a subscriber's handshake with rewind=N to its last replayed event

                Common: --warmup S (20: the JIT needs it on 2 cores), --duration S (10), --size BYTES (5120), --publishers P (2),
                        --window W (64 messages in flight per subscriber when saturating),
                        --redis (two embedded servers sharing a redis-server the tool starts; --redis-uri URI),
                        --target http://host:port (a running server), --queue-bytes B (server's subscriber queue)
                """);
    }
}
