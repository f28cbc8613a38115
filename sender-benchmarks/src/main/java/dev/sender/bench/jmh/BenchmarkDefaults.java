package dev.sender.bench.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run every benchmark of this package shares, which JMH takes from the superclass: two forks (this machine
 * varies between JVMs), three one-second warm-up and five one-second measurement iterations. A command line
 * ({@code -f}, {@code -wi}, {@code -i}) overrides it.
 */
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class BenchmarkDefaults {
}
