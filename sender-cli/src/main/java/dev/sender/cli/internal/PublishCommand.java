package dev.sender.cli.internal;

import dev.sender.cli.SenderCli;
import dev.sender.client.SenderClient;
import dev.sender.client.SenderException;
import dev.sender.core.RequestId;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.event.PublicationJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sender-cli publish}: publishes each line of a file, or of the standard input, as one publish request, and
 * prints the request id of each. A line that is not a publication body, or that the server refuses, is reported
 * with its number; the others are published all the same, unless {@code --fail-fast}.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        sortOptions = false,
        description = {"Publishes events read as JSON lines from FILE, or from the standard input, and prints the "
                + "request id of each publication.",
            "Each line is the body of one publish request: {\"events\": [...], \"handler_id\": ..., "
                + "\"event_create_time\": ..., \"event_end_time\": ...} for handler events, {\"event\": {...}, "
                + "\"event_type\": ...} with --general. Blank lines are skipped."},
        exitCodeListHeading = SenderCommand.EXIT_STATUS_HEADING, exitCodeList = {
            SenderCommand.EXIT_OK, SenderCommand.EXIT_FAILED, SenderCommand.EXIT_USAGE,
            SenderCommand.EXIT_UNREACHABLE, SenderCommand.EXIT_PUBLISH_FAILED})
final class PublishCommand implements Callable<Integer> {

    private static final String STDIN = "-";

    private final Streams streams;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Option(names = "--account", paramLabel = "UUID", order = 2,
            description = "the account the handler events belong to (Luna-Account-Id); required but with --general")
    private @Nullable UUID account;

    @Option(names = "--general", order = 3,
            description = "each line is a general event; its account, if any, is the body's account_id")
    private boolean general;

    @Option(names = "--fail-fast", order = 4, description = "stop at the first line that is not published")
    private boolean failFast;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = STDIN,
            description = "the JSON lines to publish; - or none: the standard input")
    private String file = STDIN;

    PublishCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        if (!general && account == null) {
            throw usage("--account is required for handler events (general events: --general)");
        }
        if (general && account != null) {
            throw usage("--account does not go with --general: a general event names its account in account_id");
        }
        SenderClient.Builder builder = server.client(spec);
        if (account != null) {
            builder.accountId(account);
        }
        try (BufferedReader lines = open(); SenderClient client = builder.build()) {
            return publishAll(lines, client);
        } catch (IOException e) {
            streams.err().println("sender-cli: cannot read " + source() + ": " + Failures.oneLine(String.valueOf(
                    e.getMessage())));
            return SenderCli.FAILED;
        }
    }

    private int publishAll(BufferedReader lines, SenderClient client) throws IOException {
        int number = 0;
        int published = 0;
        int failed = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                streams.out().println(publish(client, line));
                streams.out().flush();
                published++;
            } catch (InvalidJsonException e) {
                streams.err().println("sender-cli: line " + number + " is not a publication body: "
                        + Failures.oneLine(e.getMessage()));
                failed++;
            } catch (SenderException e) {
                if (e.status() == 0) {
                    return Failures.report(e, "publish", server.origin(), streams.err());
                }
                streams.err().println("sender-cli: line " + number + " refused: " + Failures.oneLine(e.getMessage()));
                failed++;
            }
            if (failed > 0 && failFast) {
                break;
            }
        }
        if (failed == 0) {
            return SenderCli.OK;
        }
        streams.err().println("sender-cli: " + failed + (failed == 1 ? " line" : " lines") + " not published, "
                + published + " published" + (failFast ? "; stopped at line " + number + " (--fail-fast)" : ""));
        return SenderCli.PUBLISH_FAILED;
    }

    /** Publishes one line as a body of SPEC §2.3 (or §2.4) with a new request id; returns that request id. */
    private String publish(SenderClient client, String line) {
        byte[] body = line.getBytes(StandardCharsets.UTF_8);
        if (general) {
            return client.publishGeneral(PublicationJson.readGeneralRequest(body, RequestId.generate()));
        }
        UUID handlerAccount = Objects.requireNonNull(account, "--account, checked by call()");
        return client.publish(PublicationJson.readHandlerRequest(body, handlerAccount, RequestId.generate()));
    }

    private BufferedReader open() {
        if (file.equals(STDIN)) {
            return new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw usage("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw usage("cannot read " + file + ": " + Failures.oneLine(String.valueOf(e.getMessage())));
        }
    }

    private String source() {
        return file.equals(STDIN) ? "the standard input" : file;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
