package dev.sender.bench.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * One measured fan-out: N subscribers connect, publishers run for warm-up plus duration, deliveries are
 * counted and timed during the duration only (with the CPU time of every process involved), then the run drains
 * and audits every subscriber's account: what never arrived, what arrived twice, at the wrong subscriber or
 * malformed.
 */
final class DeliveryRun {

    /**
     * Seconds of load before measuring. On two cores the JIT compilers keep a core busy for the first ten to
     * twenty seconds of a run (Jetty and Sender are a lot of code to compile), and measuring earlier measures them.
     */
    static final int DEFAULT_WARMUP_SECONDS = 20;

    /** Opens subscriber {@code index} and returns its connection. */
    interface SubscriberOpener {
        LeanClients.Connection open(LeanClients clients, int index, InetAddress local) throws Exception;
    }

    /**
     * How a run is shaped.
     *
     * @param subscribers how many subscribers
     * @param groups into how many groups events and subscribers fall (one in {@code groups} matches an event)
     * @param rate events per second, or 0 to saturate within the delivery window
     * @param publishers publishing threads
     * @param warmup time before measuring
     * @param duration time measured
     * @param windowPerSubscriber messages on their way to each subscriber, at most, when saturating
     */
    record Shape(int subscribers, int groups, double rate, int publishers, Duration warmup, Duration duration,
            int windowPerSubscriber) {
        long receiversOf(int group) {
            return subscribers / groups + (group < subscribers % groups ? 1 : 0);
        }
    }

    /**
     * What a run measured.
     *
     * @param deliveredPerSecond messages received per second while measuring
     * @param latencies from scheduled send to receipt, while measuring (ns)
     * @param dropped messages owed and never received, after draining: events published for a subscriber that
     *     it never received, summed over subscribers
     * @param disconnected subscribers the server closed
     * @param published events accepted
     * @param failures events refused or lost to a failed publisher
     * @param cpuMicrosPerDelivery CPU time of this process (server and clients, user and system) per message
     *     received while measuring
     * @param deliveriesPerWrite messages received per {@code write} system call of this process while measuring:
     *     how many frames the server gathers per write (the publishers' and clients' few writes included)
     * @param cpu CPU per message received while measuring, in microseconds, by process and thread role
     *     ({@link CpuMeter})
     * @param audit the subscribers' accounts
     */
    record Result(double deliveredPerSecond, Histogram latencies, long dropped, int disconnected, long published,
            long failures, double cpuMicrosPerDelivery, double deliveriesPerWrite, Map<String, Double> cpu,
            Deliveries.Audit audit) {
    }

    private DeliveryRun() {
    }

    /**
     * Runs {@code shape}: opens the subscribers, waits until {@code ready}, publishes with {@code publishers}.
     *
     * @param lengthOfGroup the length of the messages subscribers of a group receive
     * @param others processes whose CPU time is measured too, by name
     */
    static Result run(Shape shape, SubscriberOpener opener, BooleanSupplier ready,
            PublishLoop.PublisherFactory publishers, IntToLongFunction lengthOfGroup, Map<String, Long> others)
            throws Exception {
        Deliveries deliveries = new Deliveries(shape.rate() > 0 ? 0 : shape.windowPerSubscriber());
        CpuMeter meter = new CpuMeter(others);
        PublishLoop loop = new PublishLoop(shape.publishers(), shape.rate(), shape.groups(), shape::receiversOf,
                deliveries);
        double perSecond;
        Histogram latencies;
        Map<String, Double> cpu;
        double cpuPerDelivery;
        double perWrite;
        try (LeanClients clients = new LeanClients("bench-clients", deliveries)) {
            for (int i = 0; i < shape.subscribers(); i++) {
                int group = i % shape.groups();
                deliveries.expect(opener.open(clients, i, localAddress(i)).id, group, shape.groups(),
                        lengthOfGroup.applyAsLong(group));
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!ready.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("subscribers did not all connect");
                }
                Thread.sleep(10);
            }
            // publishing goes on half a second past the measured window, so that it is loaded to its end and the
            // publishing threads are alive when their CPU time is read
            loop.start(publishers, shape.warmup().plus(shape.duration()).plusMillis(500).toNanos());
            Thread.sleep(shape.warmup().toMillis());
            long before = deliveries.delivered();
            long start = System.nanoTime();
            CpuMeter.Sample cpuBefore = meter.sample();
            long writesBefore = writeSyscalls();
            deliveries.startMeasuring();
            Thread.sleep(shape.duration().toMillis());
            long after = deliveries.delivered();
            long end = System.nanoTime();
            CpuMeter.Sample cpuAfter = meter.sample();
            long writes = writeSyscalls() - writesBefore;
            latencies = deliveries.stopMeasuring();
            loop.join();
            long drainUntil = System.nanoTime() + 5_000_000_000L;
            while (deliveries.delivered() < loop.expectedDeliveries() && System.nanoTime() < drainUntil) {
                Thread.sleep(10);
            }
            perSecond = (after - before) * 1e9 / (end - start);
            cpu = cpuAfter.microsPerDelivery(cpuBefore, after - before);
            cpuPerDelivery = after > before ? (cpuAfter.processNanos() - cpuBefore.processNanos()) / 1e3 / (after - before)
                    : Double.NaN;
            perWrite = writes > 0 ? (after - before) / (double) writes : Double.NaN;
        }
        Deliveries.Audit audit = deliveries.audit(loop::published);
        return new Result(perSecond, latencies, audit.lost(), deliveries.closedCount(), loop.published(),
                loop.failures(), cpuPerDelivery, perWrite, cpu, audit);
    }

    /** CPU time this process has used, in all threads, user and system. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Write system calls this process has made, from {@code /proc/self/io}; -1 where Linux does not tell. */
    static long writeSyscalls() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/io"))) {
                if (line.startsWith("syscw:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or not readable: the figure is left out
        }
        return -1;
    }

    /** Loopback source addresses, 20,000 connections each, so that ephemeral ports never run out. */
    static InetAddress localAddress(int index) throws UnknownHostException {
        int host = 1 + index / 20_000;
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
    }
}
