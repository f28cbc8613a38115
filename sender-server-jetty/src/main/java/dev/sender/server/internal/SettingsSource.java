package dev.sender.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the standalone server's settings from configuration files, environment variables and command-line
 * options, all with the same keys ({@code port}, {@code ping-interval}...; as environment variables
 * {@code SENDER_PORT}, {@code SENDER_PING_INTERVAL}...).
 */
public final class SettingsSource {

    /** The key of the Redis URI; with it, the standalone server uses the Redis broker. */
    public static final String REDIS = "redis";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

    private record Setting(String description, BiConsumer<SenderSettings.Builder, String> apply) {
    }

    static {
        add("host", "interface to listen on (default " + SenderSettings.DEFAULT_HOST + ")", (b, v) -> b.host(v));
        add("port", "TCP port, 0 for any free one (default " + SenderSettings.DEFAULT_PORT + ")",
                (b, v) -> b.port(integer("port", v)));
        add("api-versions", "accepted API versions, comma-separated (default 2)", (b, v) -> b.apiVersions(
                Arrays.stream(v.split(",")).map(s -> integer("api-versions", s.trim())).toArray(Integer[]::new)));
        add("max-body-bytes", "largest publish body, e.g. 16MiB (default 16MiB)",
                (b, v) -> b.maxBodyBytes(size("max-body-bytes", v)));
        add("subscriber-queue-bytes", "bytes queued for one subscriber before it is closed with 4008 (default 1MiB)",
                (b, v) -> b.subscriberQueueBytes(size("subscriber-queue-bytes", v)));
        add("socket-send-buffer-bytes", "kernel send buffer of each connection, so that a stalled subscriber "
                + "shows within seconds (default 512KiB)",
                (b, v) -> b.socketSendBufferBytes(Math.toIntExact(size("socket-send-buffer-bytes", v))));
        add("ping-interval", "how often subscribers are pinged, e.g. 20s (default 20s)",
                (b, v) -> b.pingInterval(duration("ping-interval", v)));
        add("pong-timeout", "how long a ping may go unanswered (default 10s)",
                (b, v) -> b.pongTimeout(duration("pong-timeout", v)));
        add("write-timeout", "how long writing one frame may take (default 5s)",
                (b, v) -> b.writeTimeout(duration("write-timeout", v)));
        add("max-inbound-frame-bytes", "largest frame a subscriber may send (default 64KiB)",
                (b, v) -> b.maxInboundFrameBytes(Math.toIntExact(size("max-inbound-frame-bytes", v))));
        add("max-subscribers", "most subscribers at once (default " + SenderSettings.DEFAULT_MAX_SUBSCRIBERS + ")",
                (b, v) -> b.maxSubscribers(integer("max-subscribers", v)));
        add("max-subscribers-per-account", "most subscribers of one account (default "
                + SenderSettings.DEFAULT_MAX_SUBSCRIBERS_PER_ACCOUNT + ")",
                (b, v) -> b.maxSubscribersPerAccount(integer("max-subscribers-per-account", v)));
        add("writer-threads", "threads writing to subscribers' connections (default half the processors, "
                + "here " + SenderSettings.DEFAULT_WRITER_THREADS + ")",
                (b, v) -> b.writerThreads(integer("writer-threads", v)));
        add("shutdown-timeout", "how long shutdown waits for subscribers (default 5s)",
                (b, v) -> b.shutdownTimeout(duration("shutdown-timeout", v)));
        add(REDIS, "Redis URI redis://[user:password@]host:port[/db] to share events with other instances "
                + "(default: none, events stay in this process)", (b, v) -> redisUri(v));
    }

    private static void add(String key, String description, BiConsumer<SenderSettings.Builder, String> apply) {
        SETTINGS.put(key, new Setting(description, apply));
    }

    private final SenderSettings.Builder builder = SenderSettings.builder();
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Applies one setting; later calls win. */
    public SettingsSource set(String key, String value) {
        Setting setting = SETTINGS.get(key);
        if (setting == null) {
            throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        try {
            setting.apply().accept(builder, value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + key + "': " + e.getMessage(), e);
        }
        values.put(key, value.trim());
        return this;
    }

    /** Applies every setting of a {@code .json} or properties file. */
    public SettingsSource file(Path path) throws IOException {
        if (path.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            JsonNode root = Json.MAPPER.readTree(path.toFile());
            if (!root.isObject()) {
                throw new IllegalArgumentException("the configuration file must hold a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                set(e.getKey(), e.getValue().isArray() ? String.join(",", textOf(e.getValue())) : e.getValue().asText());
            }
        } else {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                set(key, properties.getProperty(key));
            }
        }
        return this;
    }

    private static List<String> textOf(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Applies every {@code SENDER_*} variable of {@code environment} that names a setting. */
    public SettingsSource environment(Map<String, String> environment) {
        for (String key : keys()) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                set(key, value);
            }
        }
        return this;
    }

    /** The settings. */
    public SenderSettings settings() {
        return builder.build();
    }

    /** The value of {@code key} as given, if it was. */
    public String value(String key) {
        return values.get(key);
    }

    /** Every key, in the order {@code --help} lists them. */
    public static List<String> keys() {
        return List.copyOf(SETTINGS.keySet());
    }

    /** What {@code key} sets. */
    public static String describe(String key) {
        return SETTINGS.get(key).description();
    }

    /** The environment variable of {@code key}. */
    public static String environmentName(String key) {
        return "SENDER_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code value} as a Redis URI. */
    public static URI redisUri(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URI");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected redis://[user:password@]host:port[/db]");
        }
        return uri;
    }

    static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an integer");
        }
    }

    static long size(String key, String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size such as 1048576, 64KiB or 16MiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KiB" -> n << 10;
            case "MiB" -> n << 20;
            case "GiB" -> n << 30;
            default -> n;
        };
    }

    static Duration duration(String key, String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration such as 20s, 500ms or PT20S");
            }
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration such as 20s, 500ms or PT20S");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
