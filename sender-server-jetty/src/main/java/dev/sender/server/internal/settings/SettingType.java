package dev.sender.server.internal.settings;

import java.net.URI;
import java.net.URISyntaxException;
import dev.sender.server.AuthMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How the values of a setting are written: parsed from the text of a file, a variable or an option, written
 * back as such text for {@code --help}, and shown as a JSON value by {@code /config}.
 *
 * @param <T> the type of the values
 */
public final class SettingType<T> {

    private static final Pattern DURATION_TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern SIZE_TEXT = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    /** Any text, such as a host name. */
    public static final SettingType<String> TEXT = new SettingType<>("<text>", text -> text, text -> text,
            text -> text);
    /** A decimal integer. */
    public static final SettingType<Integer> INTEGER = new SettingType<>("<n>", SettingType::integer,
            String::valueOf, n -> n);
    /** Integers separated by commas, such as {@code 2,3}. */
    public static final SettingType<Set<Integer>> INTEGERS = new SettingType<>("<n,...>", SettingType::integers,
            set -> set.stream().map(String::valueOf).collect(Collectors.joining(",")), set -> set);
    /** A size in bytes: {@code 1048576}, {@code 64KiB}, {@code 16MiB}, {@code 1GiB}. */
    public static final SettingType<Long> BYTES = new SettingType<>("<size>", SettingType::size,
            SettingType::sizeText, n -> n);
    /** A size in bytes that fits an {@code int}. */
    public static final SettingType<Integer> INT_BYTES = new SettingType<>("<size>", SettingType::intSize,
            n -> sizeText(n.longValue()), n -> n);
    /** A duration: {@code 500ms}, {@code 20s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT20S}); shown in ISO-8601. */
    public static final SettingType<Duration> DURATION = new SettingType<>("<duration>", SettingType::duration,
            SettingType::durationText, Duration::toString);
    /** A Redis URI, {@code redis://[user:password@]host:port[/db]} or {@code rediss://...}, kept as written. */
    public static final SettingType<URI> REDIS_URI = new SettingType<>("<uri>", SettingType::redisUri,
            URI::toString, URI::toString);

    /** {@code true} or {@code false}. */
    public static final SettingType<Boolean> BOOLEAN = new SettingType<>("true|false", SettingType::bool,
            String::valueOf, b -> b);
    /** A file path, kept as written. */
    public static final SettingType<Path> PATH = new SettingType<>("<file>", Path::of, Path::toString,
            Path::toString);
    /** A log level: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error} or {@code off}. */
    public static final SettingType<String> LEVEL = new SettingType<>("<level>", SettingType::logLevel,
            level -> level, level -> level);
    /** How requests are authenticated: {@code none} or {@code jwt}. */
    public static final SettingType<AuthMode> AUTH = new SettingType<>("none|jwt", SettingType::auth,
            a -> a.name().toLowerCase(Locale.ROOT), a -> a.name().toLowerCase(Locale.ROOT));

    private final String label;
    private final Function<String, T> parser;
    private final Function<T, String> writer;
    private final Function<T, Object> shower;

    private SettingType(String label, Function<String, T> parser, Function<T, String> writer,
            Function<T, Object> shower) {
        this.label = label;
        this.parser = parser;
        this.writer = writer;
        this.shower = shower;
    }

    /**
     * This type, refusing values that fail {@code check}: {@code INTEGER.requiring(n -> n >= 0, "not be negative")}
     * refuses {@code -1} with "must not be negative, got -1".
     */
    SettingType<T> requiring(Predicate<T> check, String requirement) {
        return new SettingType<>(label, text -> {
            T value = parser.apply(text);
            if (!check.test(value)) {
                throw new IllegalArgumentException("must " + requirement + ", got " + text);
            }
            return value;
        }, writer, shower);
    }

    /** What a value looks like in {@code --help}, such as {@code <duration>}. */
    public String label() {
        return label;
    }

    /**
     * The value {@code text} (without surrounding blanks) means.
     *
     * @throws IllegalArgumentException naming the text when it is not such a value
     */
    public T parse(String text) {
        return parser.apply(text.trim());
    }

    /** {@code value} as it would be written in a file or option, such as {@code 16MiB} or {@code 20s}. */
    public String text(T value) {
        return writer.apply(value);
    }

    /** {@code value} as {@code /config} shows it; null for an optional setting without a value. */
    public @Nullable Object shown(@Nullable T value) {
        return value == null ? null : shower.apply(value);
    }

    private static AuthMode auth(String text) {
        return switch (text) {
            case "none" -> AuthMode.NONE;
            case "jwt" -> AuthMode.JWT;
            default -> throw new IllegalArgumentException("'" + text + "' is not 'none' or 'jwt'");
        };
    }

    private static String logLevel(String text) {
        String level = text.toLowerCase(Locale.ROOT);
        if (!Set.of("trace", "debug", "info", "warn", "error", "off").contains(level)) {
            throw new IllegalArgumentException("'" + text + "' is not a level: trace, debug, info, warn, error or off");
        }
        return level;
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not 'true' or 'false'");
        };
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer");
        }
    }

    private static Set<Integer> integers(String text) {
        return Collections.unmodifiableSet(new TreeSet<>(Arrays.stream(text.split(",")).map(s -> integer(s.trim()))
                .toList()));
    }

    private static long size(String text) {
        Matcher m = SIZE_TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 1048576, 64KiB or 16MiB");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            case "GiB" -> 30;
            default -> 0;
        };
        if (n > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return n << shift;
    }

    private static int intSize(String text) {
        long n = size(text);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large, at most " + Integer.MAX_VALUE + " bytes");
        }
        return (int) n;
    }

    private static String sizeText(long n) {
        String[] units = {"KiB", "MiB", "GiB"};
        for (int i = units.length; i > 0; i--) {
            long unit = 1L << (10 * i);
            if (n != 0 && n % unit == 0) {
                return n / unit + units[i - 1];
            }
        }
        return String.valueOf(n);
    }

    private static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration such as 20s, 500ms or PT20S");
            }
        }
        Matcher m = DURATION_TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 20s, 500ms or PT20S");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long");
        }
        try {
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long");
        }
    }

    private static String durationText(Duration d) {
        if (d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static URI redisUri(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URI");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected redis://[user:password@]host:port[/db]");
        }
        return uri;
    }
}
