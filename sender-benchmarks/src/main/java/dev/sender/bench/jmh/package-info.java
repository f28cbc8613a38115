/**
 * JMH microbenchmarks of the filtering and fan-out path: {@link dev.sender.bench.jmh.FilterMatchBenchmark},
 * {@link dev.sender.bench.jmh.QueryParseBenchmark}, {@link dev.sender.bench.jmh.ViewExtractionBenchmark} and
 * {@link dev.sender.bench.jmh.FanOutBenchmark}, on LUNA sample events and query strings.
 *
 * <p>The machine the figures come from is noisy: run every variant to compare in the same run, with at least two
 * forks, and report medians with their minimum and maximum. From the repository root:
 * <pre>{@code
 * mvn -B -q install -DskipTests -pl sender-core,sender-filters,sender-broker-redis,sender-server-jetty -am
 * mvn -B -q package -DskipTests -pl sender-benchmarks
 * java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main -f 2 -wi 3 -i 5 -w 1 -r 1 \
 *     -prof gc 'dev.sender.bench.jmh.*'
 * }</pre>
 * The jar's main class is the load tool; JMH runs through {@code org.openjdk.jmh.Main}.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.bench.jmh;

import org.jspecify.annotations.NullMarked;
