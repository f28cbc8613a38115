package dev.sender.cli.internal;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a person: its standard input and output are a terminal, not a pipe or a file. */
public final class Terminal {

    private Terminal() {
    }

    /**
     * Whether {@link System#console()} is a terminal. Up to Java 21 it exists only then; from Java 22 it may exist
     * for redirected streams too, and {@code Console.isTerminal()} (absent from Java 17, hence reflection) tells.
     */
    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
