package dev.sender.server.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sender.server.internal.service.ServiceEndpoints;
import dev.sender.server.internal.settings.Setting;
import dev.sender.server.internal.settings.Settings;
import dev.sender.server.internal.settings.SettingsSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The standalone server's command line, built from {@link Settings#ALL}: {@code --config FILE}, one option per
 * setting ({@code --key=value} or {@code --key value}), {@code --help} and {@code --version}. Settings come from,
 * in rising precedence: defaults, the configuration file, environment variables, options.
 */
public final class StandaloneCommand {

    private static final String CONFIG = "--config";

    private StandaloneCommand() {
    }

    /**
     * The settings {@code args} and {@code environment} give; empty when {@code args} asked for {@code --help} or
     * {@code --version}, which were printed to {@code out}.
     *
     * @throws IllegalArgumentException with one line saying what is wrong: an unknown option, a bad value (naming
     *     the option, variable or file it came from), or a configuration file that cannot be read
     */
    public static Optional<SettingsSource> parse(String[] args, Map<String, String> environment, PrintStream out) {
        CommandLine commandLine = commandLine();
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see --help)", e);
        }
        if (parsed.isUsageHelpRequested()) {
            commandLine.usage(out);
            return Optional.empty();
        }
        if (parsed.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            return Optional.empty();
        }
        SettingsSource source = new SettingsSource();
        String config = parsed.matchedOptionValue(CONFIG, null);
        if (config != null) {
            Path file = Path.of(config);
            try {
                source.file(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the configuration file " + file + ": " + reason(e), e);
            }
        }
        source.environment(environment);
        Map<String, String> options = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            String value = parsed.matchedOptionValue(setting.option(), null);
            if (value != null) {
                options.put(setting.key(), value);
            }
        }
        return Optional.of(source.options(options));
    }

    /** The command line of the standalone server, its options and usage help generated from the settings table. */
    static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name("java -jar sender-server.jar")
                .version("sender-server " + ServiceEndpoints.projectVersion() + " (LUNA Sender API "
                        + ServiceEndpoints.API_VERSION + ")");
        spec.usageMessage()
                .description("Serves the LUNA Sender API (version " + ServiceEndpoints.API_VERSION + ") over HTTP "
                                + "and WebSocket.",
                        "Each setting is read, in rising precedence, from the --config file (the key without "
                                + "'--'), the environment variable shown, and the command line.")
                .optionListHeading("%nOptions:%n")
                .footerHeading("%nExit status:%n")
                .footer("  0  --help or --version printed (SIGTERM or Ctrl-C stops the server gracefully)",
                        "  2  a bad option or value, an unreadable configuration file, log configuration or TLS",
                        "     keystore, or a port that cannot be bound",
                        "An unreachable Redis does not stop the server: /healthcheck answers 502 and publications 500 until",
                        "Redis answers, and the server retries in the background meanwhile.")
                .sortOptions(false)
                .abbreviateSynopsis(true)
                .width(110)
                .longOptionsMaxWidth(42);
        spec.addOption(OptionSpec.builder(CONFIG).paramLabel("<file>").type(String.class)
                .description("a .properties or .json file with any of the settings below").build());
        for (Setting<?> setting : Settings.ALL) {
            spec.addOption(OptionSpec.builder(setting.option()).paramLabel(setting.type().label()).type(String.class)
                    .description(setting.description(), "default " + setting.defaultText() + ", environment "
                            + setting.environmentVariable())
                    .build());
        }
        spec.mixinStandardHelpOptions(true);
        return new CommandLine(spec).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            return "not valid JSON, " + oneLine(json.getOriginalMessage())
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
