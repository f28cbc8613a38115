package dev.sender.cli.internal;

/**
 * What {@code subscribe} shows on the error stream besides failures: a {@link LiveCounter} when a person watches,
 * nothing when the output goes to a pipe or a file. Messages and notes pass through it, so that they never
 * interleave with the counter's line.
 */
interface Progress extends AutoCloseable {

    /** Prints a message with {@code print}, and counts it. */
    void message(Runnable print);

    /** Prints {@code line} on the error stream, such as a subscription reconnecting. */
    void note(String line);

    /** Stops updating; the error stream is left at the start of a line. */
    @Override
    void close();

    /** No counter: messages and notes are printed as they come. */
    static Progress none(Streams streams) {
        return new Progress() {
            @Override
            public void message(Runnable print) {
                print.run();
            }

            @Override
            public void note(String line) {
                streams.err().println(line);
            }

            @Override
            public void close() {
            }
        };
    }
}
