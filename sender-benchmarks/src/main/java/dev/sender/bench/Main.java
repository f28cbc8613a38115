package dev.sender.bench;

import dev.sender.bench.load.LoadTool;

/**
 * The end-to-end load tool: {@code java -jar sender-benchmarks/target/sender-bench.jar SCENARIO [options]}.
 * JMH benchmarks run with {@code java -cp sender-benchmarks/target/sender-bench.jar org.openjdk.jmh.Main}.
 */
public final class Main {

    private Main() {
    }

    /** Runs one scenario; {@code --help} lists them. */
    public static void main(String[] args) throws Exception {
        System.exit(LoadTool.run(args, System.out, System.err));
    }
}
