package dev.sender.server.internal.metrics;

import dev.sender.core.Broker;
import dev.sender.core.ErrorCode;
import dev.sender.core.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The server's meters, exported in Prometheus text (SPEC §7): LUNA's request counters and duration
 * histogram, and Sender's own delivery meters.
 */
public final class SenderMetrics {

    /** One delivery in this many has its latency recorded. */
    static final int LATENCY_SAMPLING = 64;
    /** The buckets of {@code request_duration_seconds}: a short, fixed set rather than Micrometer's 69. */
    static final Duration[] REQUEST_BUCKETS = millis(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000);
    /** The buckets of {@code sender_delivery_latency_seconds}, from a tenth of a millisecond to a second. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000),
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofSeconds(1)};

    /** What {@code /metrics} serves. */
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Where meters are registered: {@link #prometheus}, and the application's registry when one is given. */
    private final MeterRegistry registry;
    private final @Nullable MeterRegistry host;
    private final @Nullable JvmGcMetrics gcMetrics;
    private final Map<String, Counter> requestCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> errorCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();
    private final Counter handlerEventsPublished;
    private final Counter generalEventsPublished;
    /** A plain adder: counting every delivery through Micrometer would cost more than the write itself. */
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final Counter slowDisconnects;
    private final Counter pongTimeouts;
    private final Timer deliveryLatency;

    /**
     * Meters for a server on {@code broker} whose subscribers are {@code subscribers}, registered in the
     * application's {@code host} registry too when there is one, with the JVM's and the process' meters when
     * {@code processMeters}.
     */
    public SenderMetrics(Broker broker, SubscriberCounts subscribers, @Nullable MeterRegistry host,
            boolean processMeters) {
        this.host = host;
        // Two of Micrometer's process meters break Prometheus' naming rules (promtool check metrics): an abbreviated
        // unit, and a gauge named like a histogram's count. process_cpu_usage and the JVM's own meters remain.
        prometheus.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
                || id.getName().equals("system.cpu.count")));
        if (host == null) {
            registry = prometheus;
        } else {
            CompositeMeterRegistry composite = new CompositeMeterRegistry();
            composite.add(prometheus);
            composite.add(host);
            registry = composite;
        }
        gcMetrics = processMeters ? bindProcessMeters(registry) : null;
        handlerEventsPublished = Counter.builder("sender_events_published").description("Events accepted for publishing")
                .tag("kind", "handler").register(registry);
        generalEventsPublished = Counter.builder("sender_events_published").description("Events accepted for publishing")
                .tag("kind", "general").register(registry);
        FunctionCounter.builder("sender_messages_delivered", messagesSent, LongAdder::sum)
                .description("Messages written to subscribers' connections").register(registry);
        FunctionCounter.builder("sender_writes", writes, LongAdder::sum)
                .description("Writes to subscribers' connections, each carrying every message queued since the last")
                .register(registry);
        slowDisconnects = Counter.builder("sender_slow_subscriber_disconnects")
                .description("Subscribers closed with 4008 because their outbound queue overflowed").register(registry);
        pongTimeouts = Counter.builder("sender_ping_timeouts")
                .description("Subscribers dropped for not answering a ping").register(registry);
        deliveryLatency = Timer.builder("sender_delivery_latency").description(
                        "From a message reaching a subscriber's connection to its frame being written, for the "
                                + "first message of a write (about one message in " + LATENCY_SAMPLING
                                + ", chosen at random)")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        FunctionCounter.builder("sender_events_filtered_out", broker, b -> b.stats().messagesFilteredOut())
                .description("Pairs of event and subscription that the subscription's filter rejected")
                .register(registry);
        FunctionCounter.builder("sender_events_dispatched", broker, b -> b.stats().eventsDispatched())
                .description("Events the broker matched against this server's subscriptions").register(registry);
        bindHistoryMeters(broker);
        Gauge.builder("sender_subscriptions", subscribers, s -> s.count(Topic.Kind.HANDLER_EVENTS))
                .description("Open WebSocket subscriptions").tag("kind", "handler").register(registry);
        Gauge.builder("sender_subscriptions", subscribers, s -> s.count(Topic.Kind.GENERAL_EVENTS))
                .description("Open WebSocket subscriptions").tag("kind", "general").register(registry);
        Gauge.builder("sender_outbound_queue_bytes", subscribers, SubscriberCounts::outboundBytes)
                .description("Bytes accepted for subscribers and waiting because they do not read").register(registry);
    }

    /** Counts a finished request, its error, and its duration. */
    public void request(String method, String path, int status, @Nullable ErrorCode error, long nanos) {
        String label = method + ":" + path;
        requestCounters.computeIfAbsent(label + " " + status, k -> Counter.builder("request_count")
                .description("Counter of requests").tags("path", label, "status_code", Integer.toString(status))
                .register(registry)).increment();
        if (error != null) {
            errorCounters.computeIfAbsent(label + " " + error.code(), k -> Counter.builder("errors_count")
                    .description("Counter of failed requests").tags("path", label, "error_code",
                            Integer.toString(error.code())).register(registry)).increment();
        }
        durations.computeIfAbsent(label, k -> Timer.builder("request_duration").description("Request duration")
                .tags("path", label).serviceLevelObjectives(REQUEST_BUCKETS).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts events accepted for publishing. */
    public void published(Topic.Kind kind, int events) {
        (kind == Topic.Kind.HANDLER_EVENTS ? handlerEventsPublished : generalEventsPublished).increment(events);
    }

    /**
     * Counts {@code messages} written in one write, the first of them queued at {@code firstQueuedNanos}; records
     * that first one's latency for about one message in {@value #LATENCY_SAMPLING}, since a histogram update costs
     * several microseconds under contention while a delivery costs little more.
     */
    public void delivered(int messages, long firstQueuedNanos) {
        messagesSent.add(messages);
        writes.increment();
        if (ThreadLocalRandom.current().nextInt(LATENCY_SAMPLING) < messages) {
            deliveryLatency.record(System.nanoTime() - firstQueuedNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Counts a subscriber closed for being too slow. */
    public void slowDisconnect() {
        slowDisconnects.increment();
    }

    /** Counts a subscriber dropped for not answering a ping. */
    public void pongTimeout() {
        pongTimeouts.increment();
    }

    /** The meters in Prometheus text format. */
    public String scrape() {
        return prometheus.scrape();
    }

    /** Stops the JVM meters and takes Sender's meters out of the application's registry. */
    public void close() {
        if (gcMetrics != null) {
            gcMetrics.close();
        }
        if (host != null) {
            for (Meter meter : registry.getMeters()) {
                host.remove(meter.getId());
            }
        }
    }

    /** The meters of the broker's history (SPEC §9), tagged with the broker's name. */
    private void bindHistoryMeters(Broker broker) {
        String name = broker.name();
        Gauge.builder("sender_history_events", broker, b -> b.historyStats().retainedEvents())
                .description("Events kept in the broker's history, across topics").tag("broker", name)
                .register(registry);
        Gauge.builder("sender_history_bytes", broker, b -> b.historyStats().retainedBytes())
                .description("Bytes of messages kept in the broker's history, across topics").tag("broker", name)
                .register(registry);
        FunctionCounter.builder("sender_history_replays", broker, b -> b.historyStats().replaysServed())
                .description("Subscriptions that started with a replay of the history (since or rewind)")
                .tag("broker", name).register(registry);
        FunctionCounter.builder("sender_history_events_replayed", broker, b -> b.historyStats().eventsReplayed())
                .description("Messages that replays handed to their subscriptions").tag("broker", name)
                .register(registry);
        FunctionCounter.builder("sender_history_resumes_unrecovered", broker,
                        b -> b.historyStats().resumesNotRecovered())
                .description("Subscriptions with since whose following events were not all retained "
                        + "(Sender-Recovered: false)").tag("broker", name).register(registry);
    }

    private static JvmGcMetrics bindProcessMeters(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }

    private static Duration[] millis(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }
}
