package dev.sender.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The figures of a scenario: printed for people on stderr, and as one JSON object on the last stdout line. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    Report(String scenario) {
        fields.put("scenario", scenario);
    }

    Report put(String key, Object value) {
        fields.put(key, value instanceof Double d ? round(d) : value);
        return this;
    }

    /** p50, p99 and p99.9 of {@code latencies} (nanoseconds) in milliseconds, under {@code prefix}. */
    Report latencies(String prefix, Histogram latencies) {
        put(prefix + "p50_ms", latencies.getTotalCount() == 0 ? null : latencies.getValueAtPercentile(50) / 1e6);
        put(prefix + "p99_ms", latencies.getTotalCount() == 0 ? null : latencies.getValueAtPercentile(99) / 1e6);
        put(prefix + "p999_ms", latencies.getTotalCount() == 0 ? null : latencies.getValueAtPercentile(99.9) / 1e6);
        return this;
    }

    Object get(String key) {
        return fields.get(key);
    }

    void print(boolean json, PrintStream human, PrintStream machine) throws Exception {
        fields.forEach((k, v) -> human.printf("  %-28s %s%n", k, v));
        if (json) {
            machine.println(JSON.writeValueAsString(fields));
        }
    }

    /** The median of {@code values}. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
