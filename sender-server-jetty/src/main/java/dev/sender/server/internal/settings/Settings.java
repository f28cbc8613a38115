package dev.sender.server.internal.settings;

import static dev.sender.server.internal.settings.SettingType.AUTH;
import static dev.sender.server.internal.settings.SettingType.BOOLEAN;
import static dev.sender.server.internal.settings.SettingType.BYTES;
import static dev.sender.server.internal.settings.SettingType.DURATION;
import static dev.sender.server.internal.settings.SettingType.INTEGER;
import static dev.sender.server.internal.settings.SettingType.INTEGERS;
import static dev.sender.server.internal.settings.SettingType.INT_BYTES;
import static dev.sender.server.internal.settings.SettingType.LEVEL;
import static dev.sender.server.internal.settings.SettingType.PATH;
import static dev.sender.server.internal.settings.SettingType.REDIS_URI;
import static dev.sender.server.internal.settings.SettingType.TEXT;

import dev.sender.core.HistoryOptions;
import dev.sender.server.SenderSettings;
import dev.sender.server.SenderSettings.Builder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the server, each declared once. {@link SenderSettings#asMap()}, {@code /config} and its
 * masking, configuration files, environment variables, command-line options and {@code --help} all derive from
 * {@link #ALL}. A new setting is one line here, beside its {@code DEFAULT_*} constant, accessor and builder
 * method in {@link SenderSettings}.
 */
public final class Settings {

    /** The Redis URI; with it, the standalone server shares events through Redis. */
    public static final Setting<URI> REDIS = Setting.standalone("redis", REDIS_URI,
            "Redis URI redis://[user:password@]host:port[/db]: share events with other instances; "
                    + "without it, events stay in this process").asSecret();

    /** Events kept per topic for subscribers that resume (SPEC §9); 0 turns history off. */
    public static final Setting<Integer> HISTORY_SIZE = Setting.standalone("history-size",
            INTEGER.requiring(n -> n >= 0, "not be negative"), HistoryOptions.DEFAULT_SIZE,
            "events kept per topic for subscribers that resume (history=1, since, rewind); 0 turns history off");
    /** How long an event is kept in the history at most. */
    public static final Setting<Duration> HISTORY_TTL = Setting.standalone("history-ttl",
            DURATION.requiring(d -> d.toMillis() > 0, "be at least 1ms"), HistoryOptions.DEFAULT_TTL,
            "how long an event is kept in the history at most");
    /** The most bytes of history an in-memory broker keeps across topics. */
    public static final Setting<Long> HISTORY_MAX_BYTES = Setting.standalone("history-max-bytes",
            BYTES.requiring(n -> n > 0, "be positive"), HistoryOptions.DEFAULT_MAX_BYTES,
            "most bytes of history kept across topics in memory, oldest dropped first (not with Redis)");
    /** The standalone server's least level logged; unless given, the log configuration's (info in the built-in one). */
    public static final Setting<String> LOG_LEVEL = Setting.standalone("log-level", LEVEL, "info",
            "least level logged (the root logger's): trace, debug, info, warn, error or off");
    /** A logback configuration file that the standalone server reads in place of its built-in one. */
    public static final Setting<Path> LOG_CONFIG = Setting.standalone("log-config", PATH,
            "logback configuration file, in place of the built-in one (see -Dlogback.configurationFile too)");
    /** Whether the standalone server serves the live event viewer at {@code /viewer}. */
    public static final Setting<Boolean> VIEWER = Setting.standalone("viewer", BOOLEAN, true,
            "serve the live event viewer, a web page, at /viewer (off by default when embedded)");

    /** Every setting, in the order {@code --help} and {@code /config} list them. */
    public static final List<Setting<?>> ALL = List.of(
            Setting.of("host", TEXT, SenderSettings.DEFAULT_HOST, SenderSettings::host, Builder::host,
                    "interface to listen on"),
            Setting.of("port", INTEGER, SenderSettings.DEFAULT_PORT, SenderSettings::port, Builder::port,
                    "TCP port; 0 picks a free one"),
            Setting.of("api-versions", INTEGERS, SenderSettings.DEFAULT_API_VERSIONS, SenderSettings::apiVersions,
                    (b, v) -> b.apiVersions(v.toArray(Integer[]::new)), "accepted API versions, comma-separated"),
            Setting.of("max-body-bytes", BYTES, SenderSettings.DEFAULT_MAX_BODY_BYTES, SenderSettings::maxBodyBytes,
                    Builder::maxBodyBytes, "largest publish body"),
            Setting.of("subscriber-queue-bytes", BYTES, SenderSettings.DEFAULT_SUBSCRIBER_QUEUE_BYTES,
                    SenderSettings::subscriberQueueBytes, Builder::subscriberQueueBytes,
                    "bytes queued for one subscriber before it is closed with 4008"),
            Setting.of("socket-send-buffer-bytes", INT_BYTES, SenderSettings.DEFAULT_SOCKET_SEND_BUFFER_BYTES,
                    SenderSettings::socketSendBufferBytes, Builder::socketSendBufferBytes,
                    "kernel send buffer of each connection, so that a stalled subscriber shows within seconds"),
            Setting.of("ping-interval", DURATION, SenderSettings.DEFAULT_PING_INTERVAL, SenderSettings::pingInterval,
                    Builder::pingInterval, "how often subscribers are pinged"),
            Setting.of("pong-timeout", DURATION, SenderSettings.DEFAULT_PONG_TIMEOUT, SenderSettings::pongTimeout,
                    Builder::pongTimeout, "how long a ping may go unanswered"),
            Setting.of("write-timeout", DURATION, SenderSettings.DEFAULT_WRITE_TIMEOUT, SenderSettings::writeTimeout,
                    Builder::writeTimeout, "how long writing one frame may take"),
            Setting.of("max-inbound-frame-bytes", INT_BYTES, SenderSettings.DEFAULT_MAX_INBOUND_FRAME_BYTES,
                    SenderSettings::maxInboundFrameBytes, Builder::maxInboundFrameBytes,
                    "largest frame a subscriber may send"),
            Setting.of("max-subscribers", INTEGER, SenderSettings.DEFAULT_MAX_SUBSCRIBERS,
                    SenderSettings::maxSubscribers, Builder::maxSubscribers, "most subscribers at once"),
            Setting.of("max-subscribers-per-account", INTEGER, SenderSettings.DEFAULT_MAX_SUBSCRIBERS_PER_ACCOUNT,
                    SenderSettings::maxSubscribersPerAccount, Builder::maxSubscribersPerAccount,
                    "most subscribers of one account"),
            Setting.of("writer-threads", INTEGER, SenderSettings.DEFAULT_WRITER_THREADS,
                    SenderSettings::writerThreads, Builder::writerThreads,
                    "threads writing to subscribers' connections; by default half the processors, at least 1"),
            Setting.of("shutdown-timeout", DURATION, SenderSettings.DEFAULT_SHUTDOWN_TIMEOUT,
                    SenderSettings::shutdownTimeout, Builder::shutdownTimeout,
                    "how long a graceful shutdown waits for subscribers"),
            Setting.of("auth", AUTH, SenderSettings.DEFAULT_AUTH, SenderSettings::auth, Builder::auth,
                    "access control: none, or jwt (every subscription and publish needs a JSON Web Token)"),
            Setting.optional("jwt-hs256-secret-file", PATH, SenderSettings::jwtHs256SecretFile,
                    Builder::jwtHs256SecretFile, "file of the HS256 secret (at least 32 bytes) that signs tokens"),
            Setting.optional("jwt-public-key-file", PATH, SenderSettings::jwtPublicKeyFile,
                    Builder::jwtPublicKeyFile, "PEM file of the RS256 or ES256 public key that verifies tokens"),
            Setting.optional("jwt-jwks-file", PATH, SenderSettings::jwtJwksFile, Builder::jwtJwksFile,
                    "JWK Set file of the keys that verify tokens, chosen by their kid"),
            Setting.optional("jwt-issuer", TEXT, SenderSettings::jwtIssuer, Builder::jwtIssuer,
                    "the iss every token must have; unchecked when unset"),
            Setting.optional("jwt-audience", TEXT, SenderSettings::jwtAudience, Builder::jwtAudience,
                    "the aud every token must have (or contain); unchecked when unset"),
            Setting.of("jwt-clock-skew", DURATION, SenderSettings.DEFAULT_JWT_CLOCK_SKEW,
                    SenderSettings::jwtClockSkew, Builder::jwtClockSkew,
                    "how far clocks may disagree when exp and nbf are checked"),
            Setting.optional("tls-keystore", PATH, SenderSettings::tlsKeystore, Builder::tlsKeystore,
                    "PKCS#12 keystore (key and certificate): HTTPS and WSS only"),
            Setting.optional("tls-keystore-password", TEXT, SenderSettings::tlsKeystorePassword,
                    Builder::tlsKeystorePassword, "password of the TLS keystore and its key").asSecret(),
            REDIS,
            HISTORY_SIZE,
            HISTORY_TTL,
            HISTORY_MAX_BYTES,
            LOG_LEVEL,
            LOG_CONFIG,
            VIEWER);

    private Settings() {
    }

    /** The setting of {@code key}, if there is one. */
    public static Optional<Setting<?>> find(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Sets every setting of {@code settings} on {@code builder}: what {@link SenderSettings#toBuilder()} starts from. */
    public static void copy(SenderSettings settings, Builder builder) {
        for (Setting<?> setting : ALL) {
            copy(setting, settings, builder);
        }
    }

    private static <T> void copy(Setting<T> setting, SenderSettings settings, Builder builder) {
        if (setting.getter() != null) {
            setting.applyTo(builder, setting.getter().apply(settings));
        }
    }

    /** The history options {@code source} gives, each at its default when not given. */
    public static HistoryOptions history(SettingsSource source) {
        return new HistoryOptions(source.valueOrDefault(HISTORY_SIZE), source.valueOrDefault(HISTORY_TTL),
                source.valueOrDefault(HISTORY_MAX_BYTES));
    }

    /** {@code history} as {@code /config} shows the history settings, by key. */
    public static Map<String, Object> shown(HistoryOptions history) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(HISTORY_SIZE.key(), HISTORY_SIZE.type().shown(history.size()));
        map.put(HISTORY_TTL.key(), HISTORY_TTL.type().shown(history.ttl()));
        map.put(HISTORY_MAX_BYTES.key(), HISTORY_MAX_BYTES.type().shown(history.maxBytes()));
        return map;
    }

    /** The settings of {@link SenderSettings} by key, in table order, as {@code /config} shows them. */
    public static Map<String, Object> shown(SenderSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            if (setting.inSenderSettings()) {
                map.put(setting.key(), setting.shownIn(settings));
            }
        }
        return map;
    }
}
