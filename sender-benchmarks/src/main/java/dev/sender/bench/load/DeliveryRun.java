package dev.sender.bench.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * One measured fan-out: N subscribers connect, publishers run for warm-up plus duration, deliveries are
 * counted and timed during the duration only, then the run drains and counts what never arrived.
 */
final class DeliveryRun {

    /**
     * Seconds of load before measuring. On two cores the JIT compilers keep a core busy for the first ten to
     * twenty seconds of a run (Jetty and Sender are a lot of code to compile), and measuring earlier measures them.
     */
    static final int DEFAULT_WARMUP_SECONDS = 20;

    /** Opens subscriber {@code index}. */
    interface SubscriberOpener {
        void open(LeanClients clients, int index, InetAddress local) throws Exception;
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
     * @param dropped messages owed and never received, after draining
     * @param disconnected subscribers the server closed
     * @param published events accepted
     * @param failures events refused or lost to a failed publisher
     * @param cpuMicrosPerDelivery CPU time of this process (server and clients, user and system) per message
     *     received while measuring
     * @param deliveriesPerWrite messages received per {@code write} system call of this process while measuring:
     *     how many frames the server gathers per write (the publishers' and clients' few writes included)
     */
    record Result(double deliveredPerSecond, Histogram latencies, long dropped, int disconnected, long published,
            long failures, double cpuMicrosPerDelivery, double deliveriesPerWrite) {
    }

    private DeliveryRun() {
    }

    static Result run(Shape shape, SubscriberOpener opener, BooleanSupplier ready,
            PublishLoop.PublisherFactory publishers) throws Exception {
        Deliveries deliveries = new Deliveries(shape.rate() > 0 ? 0 : shape.subscribers() * shape.windowPerSubscriber());
        try (LeanClients clients = new LeanClients("bench-clients", deliveries)) {
            for (int i = 0; i < shape.subscribers(); i++) {
                opener.open(clients, i, localAddress(i));
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!ready.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("subscribers did not all connect");
                }
                Thread.sleep(10);
            }
            PublishLoop loop = new PublishLoop(shape.publishers(), shape.rate(), shape.groups(), shape::receiversOf,
                    deliveries);
            loop.start(publishers, shape.warmup().plus(shape.duration()).toNanos());
            Thread.sleep(shape.warmup().toMillis());
            long before = deliveries.delivered();
            long start = System.nanoTime();
            long cpuBefore = processCpuNanos();
            long writesBefore = writeSyscalls();
            deliveries.startMeasuring();
            Thread.sleep(shape.duration().toMillis());
            long after = deliveries.delivered();
            long end = System.nanoTime();
            long cpu = processCpuNanos() - cpuBefore;
            long writes = writeSyscalls() - writesBefore;
            Histogram latencies = deliveries.stopMeasuring();
            loop.join();
            long drainUntil = System.nanoTime() + 5_000_000_000L;
            while (deliveries.delivered() < loop.expectedDeliveries() && System.nanoTime() < drainUntil) {
                Thread.sleep(10);
            }
            long dropped = Math.max(0, loop.expectedDeliveries() - deliveries.delivered());
            return new Result((after - before) * 1e9 / (end - start), latencies, dropped, deliveries.closedCount(),
                    loop.published(), loop.failures(), after > before ? cpu / 1e3 / (after - before) : Double.NaN,
                    writes > 0 ? (after - before) / (double) writes : Double.NaN);
        }
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
