package dev.sender.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of sender-cli, as the build wrote it into {@code version.properties}. */
final class CliVersion implements IVersionProvider {

    private static final String RESOURCE = "/dev/sender/cli/version.properties";

    /** The project version, such as {@code 0.1.0}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = CliVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** {@code sender-cli 0.1.0}: what {@code --version} prints. */
    static String line() {
        return "sender-cli " + version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
