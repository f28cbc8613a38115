package dev.sender.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The latency tail of one run, in milliseconds: p50, p99, p99.9 and the maximum (NaN when nothing was recorded).
 *
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the greatest latency recorded
 */
record Tail(double p50, double p99, double p999, double max) {

    /** The tail of {@code latencies} (nanoseconds). */
    static Tail of(Histogram latencies) {
        if (latencies.getTotalCount() == 0) {
            return new Tail(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Tail(latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                latencies.getValueAtPercentile(99.9) / 1e6, latencies.getMaxValue() / 1e6);
    }

    /** The medians, figure by figure, of {@code tails}. */
    static Tail median(List<Tail> tails) {
        return new Tail(Report.median(tails.stream().map(Tail::p50).toList()),
                Report.median(tails.stream().map(Tail::p99).toList()),
                Report.median(tails.stream().map(Tail::p999).toList()),
                Report.median(tails.stream().map(Tail::max).toList()));
    }

    /** The figures under the report's names, rounded to the microsecond. */
    Map<String, Double> fields() {
        Map<String, Double> fields = new LinkedHashMap<>();
        fields.put("p50_ms", round(p50));
        fields.put("p99_ms", round(p99));
        fields.put("p999_ms", round(p999));
        fields.put("max_ms", round(max));
        return fields;
    }

    private static double round(double ms) {
        return Double.isNaN(ms) ? ms : Math.round(ms * 1000) / 1000.0;
    }
}
