package dev.sender.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command reads and writes: the standard streams of the process, or others in tests.
 *
 * @param in what {@code publish} reads when given no file
 * @param out the events, request ids and answers: what a pipe carries
 * @param err failures, notes and the live counter
 * @param interactive whether a person watches: the standard output is a terminal, so the live counter is shown
 */
public record Streams(InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    /** Checks the members. */
    public Streams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
