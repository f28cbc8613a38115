package dev.sender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.cli.internal.Streams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line in this JVM: what is refused before anything is sent, help and version. */
class SenderCliTest {

    private static final String ACCOUNT = "8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a";
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^  (\\d+) ");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static Stream<Arguments> usageErrors() {
        String origin = "--origin http://localhost:1 ";
        return Stream.of(
                usage("", "a command is required: subscribe, publish, health or version", "sender-cli"),
                usage("subscribe --account %s", "Missing required option: '--origin=URL'"),
                usage("subscribe " + origin, "--account is required for handler events (general events: --general)"),
                usage("subscribe " + origin + "--account %s --colour red", "Unknown options: '--colour', 'red'"),
                usage("subscribe " + origin + "--account %s --count 0", "--count must be at least 1, got 0"),
                usage("subscribe " + origin + "--account %s --gender other", "Invalid value for option '--gender': "
                        + "expected one of [FEMALE, MALE] (case-insensitive) but was 'other'"),
                usage("subscribe " + origin + "--account %s --event-type door",
                        "--event-type filters general events: add --general"),
                usage("subscribe " + origin + "--account %s --param age", "--param expects NAME=VALUE, got 'age'"),
                usage("subscribe " + origin + "--account %s --since a:1 --rewind 2",
                        "--since and --rewind exclude each other"),
                usage("subscribe " + origin + "--account %s --since a/1", "--since 'a/1' is not a position: at most 64 "
                        + "characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'"),
                usage("subscribe " + origin + "--account %s --rewind 0", "--rewind must be at least 1, got 0"),
                usage("health --origin ftp://localhost",
                        "--origin: origin must be an http or https URI: ftp://localhost"),
                usage("publish " + origin + "--account %s missing.jsonl", "cannot read missing.jsonl: no such file"),
                usage("publish " + origin, "--account is required for handler events (general events: --general)"),
                usage("publish " + origin + "--general --account %s",
                        "--account does not go with --general: a general event names its account in account_id"),
                usage("version --origin localhost:5080",
                        "--origin: origin must be an http or https URI: localhost:5080"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrors_areOneLineOnStandardError_status2_andSendNothing(String args, String error) {
        int status = run(args.isBlank() ? new String[0] : args.formatted(ACCOUNT).trim().split(" "));

        assertThat(status).isEqualTo(SenderCli.USAGE);
        assertThat(err()).isEqualTo(error + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void help_listsTheCommands_andEveryExitStatus() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out()).contains("subscribe", "publish", "health", "version");
        assertThat(statuses(out())).isEqualTo(Set.of(SenderCli.OK, SenderCli.FAILED, SenderCli.USAGE,
                SenderCli.REFUSED, SenderCli.UNREACHABLE, SenderCli.PUBLISH_FAILED, SenderCli.INTERRUPTED));
    }

    @Test
    void subscribeHelp_listsTheFilters_andTheStatusesSubscribeExitsWith() {
        int status = run("subscribe", "--help");

        assertThat(status).isZero();
        assertThat(out()).contains("--origin=URL", "--token=TOKEN", "SENDER_TOKEN", "--param=NAME=VALUE",
                "--query=QUERY", "--gender=female|male", "--age-min=YEARS", "--format=json|table", "--count=N");
        assertThat(statuses(out())).isEqualTo(Set.of(SenderCli.OK, SenderCli.FAILED, SenderCli.USAGE,
                SenderCli.REFUSED, SenderCli.UNREACHABLE, SenderCli.INTERRUPTED));
    }

    @Test
    void version_withoutOrigin_isTheCliVersion() {
        assertThat(run("version")).isZero();
        String version = out();
        out.reset();
        assertThat(run("--version")).isZero();

        assertThat(version).matches("sender-cli \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        assertThat(out()).isEqualTo(version);
    }

    private static Arguments usage(String args, String error) {
        return usage(args, error, "sender-cli " + args.substring(0, args.indexOf(' ')));
    }

    private static Arguments usage(String args, String error, String command) {
        return Arguments.of(args, "sender-cli: " + error + " (see '" + command + " --help')");
    }

    private int run(String... args) {
        return SenderCli.run(args, new Streams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Set<Integer> statuses(String help) {
        Matcher lines = STATUS_LINE.matcher(help.substring(help.indexOf("Exit status:")));
        return lines.results().map(m -> Integer.valueOf(m.group(1))).collect(Collectors.toSet());
    }
}
