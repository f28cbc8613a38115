package dev.sender.cli.internal;

import dev.sender.cli.SenderCli;
import dev.sender.client.SenderClient;
import dev.sender.client.SenderException;
import dev.sender.core.Position;
import dev.sender.core.event.EventMessage;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sender-cli subscribe}: subscribes to handler events (or general events, {@code --general}) with filters,
 * and prints each event as it arrives, until {@code --count} events, Ctrl-C, or the end of the subscription.
 */
@Command(name = "subscribe", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        sortOptions = false,
        description = {"Subscribes to the events of a server and prints each as it arrives: one JSON message per line "
                + "(as the server sent it, for jq), or a table (--format table).",
            "Filters are LUNA query parameters (--param, --query) or the typed options below, and combine with AND; "
                + "the server judges them and refuses a bad one (exit status 3).",
            "A lost connection is reopened with the same filters, after the last event received when the server keeps "
                + "history (else events published meanwhile are missed, and said so). On a terminal, a live count of "
                + "events is shown on the standard error."},
        exitCodeListHeading = SenderCommand.EXIT_STATUS_HEADING, exitCodeList = {
            SenderCommand.EXIT_OK, SenderCommand.EXIT_FAILED, SenderCommand.EXIT_USAGE, SenderCommand.EXIT_REFUSED,
            SenderCommand.EXIT_UNREACHABLE, SenderCommand.EXIT_INTERRUPTED})
final class SubscribeCommand implements Callable<Integer> {

    private final Streams streams;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Option(names = "--account", paramLabel = "UUID", order = 2,
            description = "the account whose handler events to receive (Luna-Account-Id); required but with "
                    + "--general, where it receives only the general events of this account (account_id)")
    private @Nullable UUID account;

    @Option(names = "--general", order = 3,
            description = "general events instead of handler events")
    private boolean general;

    @Option(names = "--format", paramLabel = "json|table", defaultValue = "json", order = 4,
            description = "json: each message as received, one per line (the default); table: a row per event")
    private OutputFormat format = OutputFormat.JSON;

    @Option(names = "--count", paramLabel = "N", order = 5, description = "exit after N events")
    private @Nullable Long count;

    @Option(names = "--since", paramLabel = "POSITION", order = 6,
            description = "first the retained events after POSITION (a message's \"position\"; empty: all retained),"
                    + " then live ones")
    private @Nullable String since;

    @Option(names = "--rewind", paramLabel = "N", order = 7,
            description = "first the last N retained events that match, then live ones")
    private @Nullable Integer rewind;

    @Mixin
    private FilterOptions filters;

    SubscribeCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        if (!general && account == null) {
            throw usage("--account is required for handler events (general events: --general)");
        }
        if (count != null && count < 1) {
            throw usage("--count must be at least 1, got " + count);
        }
        Map<String, Object> parameters;
        try {
            parameters = filters.parameters(general, general ? account : null);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        startAt(parameters);
        SenderClient.Builder builder = server.client(spec);
        if (!general && account != null) {
            builder.accountId(account);
        }
        try (SenderClient client = builder.build()) {
            if (general) {
                return receive(client, format.generalEvents(streams.out()),
                        receiver -> client.subscribeGeneral(parameters, receiver));
            }
            return receive(client, format.handlerEvents(streams.out()),
                    receiver -> client.subscribe(parameters, receiver));
        }
    }

    /** Adds {@code since} or {@code rewind} (SPEC §9) to {@code parameters}, after checking them. */
    private void startAt(Map<String, Object> parameters) {
        if (since != null && rewind != null) {
            throw usage("--since and --rewind exclude each other");
        }
        if (since != null) {
            if (!since.isEmpty() && !Position.isWellFormed(since)) {
                throw usage("--since '" + since + "' is not a position: at most " + Position.MAX_LENGTH
                        + " characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'");
            }
            parameters.put("since", since);
        }
        if (rewind != null) {
            if (rewind < 1) {
                throw usage("--rewind must be at least 1, got " + rewind);
            }
            parameters.put("rewind", rewind);
        }
    }

    /**
     * Subscribes with {@code subscribe} and prints what arrives with {@code printer} until the subscription is
     * done; returns the exit status. Ctrl-C closes the subscription (so the server sees it leave) before the JVM
     * exits with status 130.
     */
    private <M extends EventMessage> int receive(SenderClient client, MessagePrinter<M> printer,
            Consumer<Receiver<M>> subscribe) {
        try (Progress progress = streams.interactive() ? LiveCounter.start(streams.err()) : Progress.none(streams)) {
            Receiver<M> receiver = new Receiver<>(printer, progress, count == null ? Long.MAX_VALUE : count);
            Thread onInterrupt = new Thread(interruption(receiver, progress, client), "sender-cli-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                subscribe.accept(receiver);
                return receiver.awaitOutcome();
            } catch (SenderException | IllegalStateException e) {
                if (receiver.interrupted()) {
                    return SenderCli.INTERRUPTED;
                }
                if (e instanceof SenderException refused) {
                    return Failures.report(refused, "subscription refused", server.origin(), streams.err());
                }
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SenderCli.INTERRUPTED;
            } finally {
                removeShutdownHook(onInterrupt);
            }
        }
    }

    /** What Ctrl-C does: decides the exit status, erases the counter and closes the subscription. */
    private static Runnable interruption(Receiver<?> receiver, Progress progress, SenderClient client) {
        return () -> {
            receiver.interrupt();
            progress.close();
            client.close();
        };
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: nothing to remove.
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
