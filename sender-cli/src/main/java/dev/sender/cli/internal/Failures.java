package dev.sender.cli.internal;

import dev.sender.cli.SenderCli;
import dev.sender.client.SenderException;
import java.io.PrintStream;
import java.net.URI;

/** Failures of the server, or of reaching it, as one line on the error stream and an exit status. */
final class Failures {

    private Failures() {
    }

    /**
     * Says what went wrong with {@code what} (such as {@code subscription refused}) and returns the exit status:
     * {@link SenderCli#UNREACHABLE} when there was no answer from {@code origin}, {@link SenderCli#REFUSED} when
     * the server answered an error, whose status, error code, description and detail the line carries.
     */
    static int report(SenderException failure, String what, URI origin, PrintStream err) {
        if (failure.status() == 0) {
            err.println("sender-cli: cannot reach " + origin + ": " + oneLine(failure.detail()));
            return SenderCli.UNREACHABLE;
        }
        err.println("sender-cli: " + what + ": " + oneLine(failure.getMessage()));
        return SenderCli.REFUSED;
    }

    /** {@code text} with its line breaks, and the blanks around them, replaced by single spaces. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
