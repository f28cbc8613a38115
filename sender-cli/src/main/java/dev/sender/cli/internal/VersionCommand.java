package dev.sender.cli.internal;

import dev.sender.cli.SenderCli;
import dev.sender.client.SenderClient;
import dev.sender.client.SenderException;
import java.net.URI;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sender-cli version}: the version of sender-cli, and with {@code --origin} the server's. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Prints the version of sender-cli and, with --origin, the server's (GET /version).",
        exitCodeListHeading = SenderCommand.EXIT_STATUS_HEADING, exitCodeList = {
            SenderCommand.EXIT_OK, SenderCommand.EXIT_USAGE, SenderCommand.EXIT_REFUSED,
            SenderCommand.EXIT_UNREACHABLE})
final class VersionCommand implements Callable<Integer> {

    private final Streams streams;

    @Spec
    private CommandSpec spec;

    @Option(names = "--origin", paramLabel = "URL",
            description = "the server whose version to print too, such as http://127.0.0.1:5080")
    private @Nullable URI origin;

    VersionCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        if (origin == null) {
            streams.out().println(CliVersion.line());
            streams.out().flush();
            return SenderCli.OK;
        }
        SenderClient.Builder builder = SenderClient.builder();
        try {
            builder.origin(origin);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--origin: " + e.getMessage());
        }
        streams.out().println(CliVersion.line());
        try (SenderClient client = builder.build()) {
            streams.out().println("server " + client.version());
            streams.out().flush();
            return SenderCli.OK;
        } catch (SenderException e) {
            return Failures.report(e, "version", origin, streams.err());
        }
    }
}
