package dev.sender.cli.internal;

import dev.sender.cli.SenderCli;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The command {@code sender-cli}, whose subcommands do the work: {@code subscribe}, {@code publish},
 * {@code health} and {@code version}.
 */
@Command(name = "sender-cli", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Subscribes to a Sender (or LUNA Sender) server and prints the events it delivers, publishes "
                + "events, and checks the server.",
        synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        exitCodeListHeading = SenderCommand.EXIT_STATUS_HEADING, exitCodeList = {
            SenderCommand.EXIT_OK, SenderCommand.EXIT_FAILED, SenderCommand.EXIT_USAGE, SenderCommand.EXIT_REFUSED,
            SenderCommand.EXIT_UNREACHABLE, SenderCommand.EXIT_PUBLISH_FAILED, SenderCommand.EXIT_INTERRUPTED})
public final class SenderCommand implements Callable<Integer> {

    // The exit status table of every --help, in picocli's "status:meaning" form; the values are SenderCli's.
    static final String EXIT_STATUS_HEADING = "%nExit status:%n";
    static final String EXIT_OK = "0:done";
    static final String EXIT_FAILED = "1:the subscription ended without being asked to, or the input broke off";
    static final String EXIT_USAGE = "2:a bad command, option or value, or a file that cannot be opened";
    static final String EXIT_REFUSED = "3:the server answered an error (a refused subscription, an unhealthy server)";
    static final String EXIT_UNREACHABLE = "4:the server cannot be reached";
    static final String EXIT_PUBLISH_FAILED = "5:publish: one or more lines were not published";
    static final String EXIT_INTERRUPTED = "130:interrupted (Ctrl-C)";

    private static final int HELP_WIDTH = 100;

    @Spec
    private CommandSpec spec;

    /**
     * The command line of {@code sender-cli} on {@code streams}; {@code execute(args)} runs a command and returns
     * its exit status (see {@link SenderCli}). A bad option is one line on the error stream, and status 2.
     */
    public static CommandLine commandLine(Streams streams) {
        CommandLine commandLine = new CommandLine(new SenderCommand())
                .addSubcommand(new SubscribeCommand(streams))
                .addSubcommand(new PublishCommand(streams))
                .addSubcommand(new HealthCommand(streams))
                .addSubcommand(new VersionCommand(streams));
        // Set after the subcommands were added: picocli applies each setting to the commands it knows of.
        return commandLine
                .setOut(new PrintWriter(streams.out(), true))
                .setErr(new PrintWriter(streams.err(), true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExpandAtFiles(false)
                .setUsageHelpWidth(HELP_WIDTH)
                .setParameterExceptionHandler(SenderCommand::usageError)
                .setExecutionExceptionHandler(SenderCommand::unexpected);
    }

    /** {@code sender-cli} without a command. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is required: subscribe, publish, health or "
                + "version");
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("sender-cli: " + Failures.oneLine(e.getMessage()) + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return SenderCli.USAGE;
    }

    private static int unexpected(Exception e, CommandLine command, ParseResult parsed) {
        command.getErr().println("sender-cli: unexpected failure: " + Failures.oneLine(e.toString()));
        return SenderCli.FAILED;
    }
}
