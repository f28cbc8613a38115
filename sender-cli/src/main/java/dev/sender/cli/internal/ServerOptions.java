package dev.sender.cli.internal;

import dev.sender.client.SenderClient;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which server a command talks to, and with what token: {@code --origin} and {@code --token}. */
final class ServerOptions {

    @Option(names = "--origin", required = true, paramLabel = "URL", order = 0,
            description = "the server's base URL, such as http://127.0.0.1:5080 (https:// for TLS)")
    private @Nullable URI origin;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SENDER_TOKEN}", order = 1,
            description = "a bearer token for a server with access control; default: the environment variable "
                    + "SENDER_TOKEN, which keeps it out of the process list")
    private @Nullable String token;

    /** The {@code --origin}. */
    URI origin() {
        if (origin == null) {
            throw new IllegalStateException("--origin is required; picocli checks it");
        }
        return origin;
    }

    /**
     * A client builder for the server, with the token when there is one.
     *
     * @throws ParameterException naming {@code --origin} when it is no http or https URL
     */
    SenderClient.Builder client(CommandSpec command) {
        SenderClient.Builder builder = SenderClient.builder();
        try {
            builder.origin(origin());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--origin: " + e.getMessage());
        }
        String bearer = token;
        if (bearer != null && !bearer.isBlank()) {
            builder.token(() -> bearer);
        }
        return builder;
    }
}
