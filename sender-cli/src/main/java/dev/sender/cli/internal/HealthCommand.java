package dev.sender.cli.internal;

import dev.sender.cli.SenderCli;
import dev.sender.client.Health;
import dev.sender.client.SenderClient;
import dev.sender.client.SenderException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sender-cli health}: asks the server's {@code /healthcheck} whether it and its broker work. */
@Command(name = "health", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, sortOptions = false,
        description = "Checks the server and its broker (GET /healthcheck): prints 'healthy' and how long the check "
                + "took, or the error of an unhealthy server (such as 502 29013 when its Redis is down).",
        exitCodeListHeading = SenderCommand.EXIT_STATUS_HEADING, exitCodeList = {
            SenderCommand.EXIT_OK, SenderCommand.EXIT_USAGE, SenderCommand.EXIT_REFUSED,
            SenderCommand.EXIT_UNREACHABLE})
final class HealthCommand implements Callable<Integer> {

    private final Streams streams;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server;

    HealthCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        try (SenderClient client = server.client(spec).build()) {
            Health health = client.health();
            streams.out().printf(Locale.ROOT, "healthy (checked in %.1f ms)%n",
                    health.executionTime().toNanos() / 1e6);
            streams.out().flush();
            return SenderCli.OK;
        } catch (SenderException e) {
            return Failures.report(e, "unhealthy", server.origin(), streams.err());
        }
    }
}
