package dev.sender.server;

import dev.sender.server.internal.settings.SettingChecks;
import dev.sender.server.internal.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a Sender server, every one with a visible default. Immutable; build with {@link #builder()},
 * derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * SenderSettings settings = SenderSettings.builder().port(0).pingInterval(Duration.ofSeconds(5)).build();
 * }</pre>
 */
public final class SenderSettings {

    /** Default {@link #host()}: every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Default {@link #port()}, that of LUNA's Sender. */
    public static final int DEFAULT_PORT = 5080;
    /** Default {@link #apiVersions()}: only the current version, 2. */
    public static final Set<Integer> DEFAULT_API_VERSIONS = Set.of(2);
    /** Default {@link #maxBodyBytes()}: 16 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;
    /** Default {@link #subscriberQueueBytes()}: 1 MiB. */
    public static final long DEFAULT_SUBSCRIBER_QUEUE_BYTES = 1L << 20;
    /** Default {@link #socketSendBufferBytes()}: 512 KiB. */
    public static final int DEFAULT_SOCKET_SEND_BUFFER_BYTES = 512 << 10;
    /** Default {@link #pingInterval()}: 20 s. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    /** Default {@link #pongTimeout()}: 10 s. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@link #writeTimeout()}: 5 s. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);
    /** Default {@link #maxInboundFrameBytes()}: 64 KiB. */
    public static final int DEFAULT_MAX_INBOUND_FRAME_BYTES = 64 << 10;
    /** Default {@link #maxSubscribers()}. */
    public static final int DEFAULT_MAX_SUBSCRIBERS = 100_000;
    /** Default {@link #maxSubscribersPerAccount()}. */
    public static final int DEFAULT_MAX_SUBSCRIBERS_PER_ACCOUNT = 100_000;
    /** Default {@link #writerThreads()}: half the processors, at least one. */
    public static final int DEFAULT_WRITER_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    /** Default {@link #shutdownTimeout()}: 5 s. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    /** Default {@link #auth()}: none, as LUNA's Sender. */
    public static final AuthMode DEFAULT_AUTH = AuthMode.NONE;
    /** Default {@link #jwtClockSkew()}: 30 s. */
    public static final Duration DEFAULT_JWT_CLOCK_SKEW = Duration.ofSeconds(30);

    /** A copy of the builder's values that nothing else holds, so never changed. */
    private final Builder values;

    private SenderSettings(Builder b) {
        values = new Builder(b);
    }

    /** {@return the default settings} */
    public static SenderSettings ofDefaults() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these settings} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the interface to listen on} */
    public String host() {
        return values.host;
    }

    /** {@return the TCP port to listen on; 0 picks a free one} */
    public int port() {
        return values.port;
    }

    /** {@return the API versions accepted in paths such as {@code /2/ws}; any other is a 404} */
    public Set<Integer> apiVersions() {
        return values.apiVersions;
    }

    /** {@return the largest publish body accepted; larger is {@code 413 29011}} */
    public long maxBodyBytes() {
        return values.maxBodyBytes;
    }

    /**
     * The most bytes waiting to be written to one subscriber; a subscriber past it is closed with 4008 and
     * never holds back the publisher or other subscribers. A message that finds nothing waiting is always taken,
     * however large: the limit bounds a backlog, not an event.
     *
     * @return the limit, in bytes
     */
    public long subscriberQueueBytes() {
        return values.subscriberQueueBytes;
    }

    /**
     * The kernel's send buffer of each connection ({@code SO_SNDBUF}). Left to grow by itself, it reaches
     * megabytes, which a stalled subscriber fills before any byte waits in its outbound queue; a fixed, modest
     * buffer makes a stalled subscriber show within seconds and costs nothing on a fast one.
     *
     * @return the buffer size, in bytes
     */
    public int socketSendBufferBytes() {
        return values.socketSendBufferBytes;
    }

    /** {@return how often the server pings each subscriber} */
    public Duration pingInterval() {
        return values.pingInterval;
    }

    /** {@return how long a subscriber may take to answer a ping before it is dropped} */
    public Duration pongTimeout() {
        return values.pongTimeout;
    }

    /** {@return how long writing one frame to a subscriber may take before the connection is dropped} */
    public Duration writeTimeout() {
        return values.writeTimeout;
    }

    /** {@return the largest frame a subscriber may send; larger closes the connection with 1009} */
    public int maxInboundFrameBytes() {
        return values.maxInboundFrameBytes;
    }

    /** {@return the most WebSocket subscribers at once; past it a subscription is {@code 503 29012}} */
    public int maxSubscribers() {
        return values.maxSubscribers;
    }

    /** {@return the most handler-event subscribers of one account at once; past it, {@code 503 29012}} */
    public int maxSubscribersPerAccount() {
        return values.maxSubscribersPerAccount;
    }

    /**
     * The threads that write to subscribers' connections. Publishing only queues frames; a writer thread writes
     * the frames a connection queued meanwhile in one system call, so that the busier the server, the more frames
     * each write carries.
     *
     * @return the number of writer threads
     */
    public int writerThreads() {
        return values.writerThreads;
    }

    /** {@return how long a graceful shutdown waits for subscribers to receive what was accepted} */
    public Duration shutdownTimeout() {
        return values.shutdownTimeout;
    }

    /**
     * The PKCS#12 keystore of the server's key and certificates: HTTPS and WSS only; null (default) for none.
     *
     * @return the keystore file, or {@code null}
     */
    public @Nullable Path tlsKeystore() {
        return values.tlsKeystore;
    }

    /** {@return the password of {@link #tlsKeystore()} and of its key; {@code null} (the default) for none} */
    public @Nullable String tlsKeystorePassword() {
        return values.tlsKeystorePassword;
    }

    /**
     * How requests are authenticated; with {@link AuthMode#JWT}, exactly one {@code jwt-*-file} names the keys.
     *
     * @return the authentication mode
     */
    public AuthMode auth() {
        return values.auth;
    }

    /** {@return the file of the HS256 secret (its bytes less one trailing newline, at least 32); null for none} */
    public @Nullable Path jwtHs256SecretFile() {
        return values.jwtHs256SecretFile;
    }

    /** {@return the PEM file of the RS256 or ES256 public key (or certificate) that verifies tokens; null for none} */
    public @Nullable Path jwtPublicKeyFile() {
        return values.jwtPublicKeyFile;
    }

    /** {@return the JWK Set file whose keys verify tokens, selected by {@code kid}; null for none} */
    public @Nullable Path jwtJwksFile() {
        return values.jwtJwksFile;
    }

    /** {@return the {@code iss} every token must have; null when it is not checked} */
    public @Nullable String jwtIssuer() {
        return values.jwtIssuer;
    }

    /** {@return the audience every token's {@code aud} must be or contain; null when it is not checked} */
    public @Nullable String jwtAudience() {
        return values.jwtAudience;
    }

    /**
     * How far the server's clock and the token issuer's may disagree when {@code exp} and {@code nbf} are checked.
     *
     * @return the largest disagreement tolerated, in whole seconds
     */
    public Duration jwtClockSkew() {
        return values.jwtClockSkew;
    }

    /** {@return the settings by their configuration key, in a stable order, as {@code /config} shows them} */
    public Map<String, Object> asMap() {
        return Settings.shown(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderSettings s && asMap().equals(s.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return "SenderSettings" + asMap();
    }

    /** Builds {@link SenderSettings}; every setter checks its argument and names the setting it rejects. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Set<Integer> apiVersions = DEFAULT_API_VERSIONS;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private long subscriberQueueBytes = DEFAULT_SUBSCRIBER_QUEUE_BYTES;
        private int socketSendBufferBytes = DEFAULT_SOCKET_SEND_BUFFER_BYTES;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private int maxInboundFrameBytes = DEFAULT_MAX_INBOUND_FRAME_BYTES;
        private int maxSubscribers = DEFAULT_MAX_SUBSCRIBERS;
        private int maxSubscribersPerAccount = DEFAULT_MAX_SUBSCRIBERS_PER_ACCOUNT;
        private int writerThreads = DEFAULT_WRITER_THREADS;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private @Nullable Path tlsKeystore;
        private @Nullable String tlsKeystorePassword;
        private AuthMode auth = DEFAULT_AUTH;
        private @Nullable Path jwtHs256SecretFile;
        private @Nullable Path jwtPublicKeyFile;
        private @Nullable Path jwtJwksFile;
        private @Nullable String jwtIssuer;
        private @Nullable String jwtAudience;
        private Duration jwtClockSkew = DEFAULT_JWT_CLOCK_SKEW;

        private Builder() {
        }

        private Builder(SenderSettings s) {
            Settings.copy(s, this);
        }

        private Builder(Builder b) {
            host = b.host;
            port = b.port;
            apiVersions = b.apiVersions;
            maxBodyBytes = b.maxBodyBytes;
            subscriberQueueBytes = b.subscriberQueueBytes;
            socketSendBufferBytes = b.socketSendBufferBytes;
            pingInterval = b.pingInterval;
            pongTimeout = b.pongTimeout;
            writeTimeout = b.writeTimeout;
            maxInboundFrameBytes = b.maxInboundFrameBytes;
            maxSubscribers = b.maxSubscribers;
            maxSubscribersPerAccount = b.maxSubscribersPerAccount;
            writerThreads = b.writerThreads;
            shutdownTimeout = b.shutdownTimeout;
            tlsKeystore = b.tlsKeystore;
            tlsKeystorePassword = b.tlsKeystorePassword;
            auth = b.auth;
            jwtHs256SecretFile = b.jwtHs256SecretFile;
            jwtPublicKeyFile = b.jwtPublicKeyFile;
            jwtJwksFile = b.jwtJwksFile;
            jwtIssuer = b.jwtIssuer;
            jwtAudience = b.jwtAudience;
            jwtClockSkew = b.jwtClockSkew;
        }

        /**
         * See {@link SenderSettings#host()}.
         *
         * @param host a host name or address, such as {@code 0.0.0.0} for every interface
         * @return this builder
         * @throws IllegalArgumentException when it is blank
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            SettingChecks.require(!host.isBlank(), "host must not be blank");
            this.host = host;
            return this;
        }

        /**
         * See {@link SenderSettings#port()}.
         *
         * @param port the TCP port; 0 picks a free one
         * @return this builder
         * @throws IllegalArgumentException when it is outside 0..65535
         */
        public Builder port(int port) {
            SettingChecks.require(port >= 0 && port <= 65535, "port must be in 0..65535: " + port);
            this.port = port;
            return this;
        }

        /**
         * See {@link SenderSettings#apiVersions()}.
         *
         * @param versions the accepted API versions
         * @return this builder
         * @throws IllegalArgumentException when there is none, or one is not positive
         */
        public Builder apiVersions(Integer... versions) {
            Set<Integer> set = new TreeSet<>(Arrays.asList(versions));
            SettingChecks.require(!set.isEmpty(), "api-versions must not be empty");
            for (Integer v : set) {
                SettingChecks.require(v != null && v > 0, "api-versions must be positive integers: " + set);
            }
            this.apiVersions = Collections.unmodifiableSet(set);
            return this;
        }

        /**
         * See {@link SenderSettings#maxBodyBytes()}.
         *
         * @param bytes the largest body accepted
         * @return this builder
         * @throws IllegalArgumentException when it is outside 1..2<sup>31</sup>-9
         */
        public Builder maxBodyBytes(long bytes) {
            SettingChecks.require(bytes > 0 && bytes <= Integer.MAX_VALUE - 8, "max-body-bytes must be in 1..2^31-9: " + bytes);
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * See {@link SenderSettings#subscriberQueueBytes()}.
         *
         * @param bytes the limit of one subscriber's backlog
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder subscriberQueueBytes(long bytes) {
            SettingChecks.require(bytes > 0, "subscriber-queue-bytes must be positive: " + bytes);
            this.subscriberQueueBytes = bytes;
            return this;
        }

        /**
         * See {@link SenderSettings#socketSendBufferBytes()}.
         *
         * @param bytes the send buffer of each connection
         * @return this builder
         * @throws IllegalArgumentException when it is below 4096
         */
        public Builder socketSendBufferBytes(int bytes) {
            SettingChecks.require(bytes >= 4096, "socket-send-buffer-bytes must be at least 4096: " + bytes);
            this.socketSendBufferBytes = bytes;
            return this;
        }

        /**
         * See {@link SenderSettings#pingInterval()}.
         *
         * @param interval the time between pings
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = SettingChecks.positive(interval, "ping-interval");
            return this;
        }

        /**
         * See {@link SenderSettings#pongTimeout()}.
         *
         * @param timeout the longest wait for a pong
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = SettingChecks.positive(timeout, "pong-timeout");
            return this;
        }

        /**
         * See {@link SenderSettings#writeTimeout()}.
         *
         * @param timeout the longest one frame may take to write
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = SettingChecks.positive(timeout, "write-timeout");
            return this;
        }

        /**
         * See {@link SenderSettings#maxInboundFrameBytes()}.
         *
         * @param bytes the largest inbound frame
         * @return this builder
         * @throws IllegalArgumentException when it is below 125
         */
        public Builder maxInboundFrameBytes(int bytes) {
            SettingChecks.require(bytes >= 125, "max-inbound-frame-bytes must be at least 125: " + bytes);
            this.maxInboundFrameBytes = bytes;
            return this;
        }

        /**
         * See {@link SenderSettings#maxSubscribers()}.
         *
         * @param count the most subscribers
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder maxSubscribers(int count) {
            SettingChecks.require(count > 0, "max-subscribers must be positive: " + count);
            this.maxSubscribers = count;
            return this;
        }

        /**
         * See {@link SenderSettings#maxSubscribersPerAccount()}.
         *
         * @param count the most subscribers of one account
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder maxSubscribersPerAccount(int count) {
            SettingChecks.require(count > 0, "max-subscribers-per-account must be positive: " + count);
            this.maxSubscribersPerAccount = count;
            return this;
        }

        /**
         * See {@link SenderSettings#writerThreads()}.
         *
         * @param count the number of writer threads
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder writerThreads(int count) {
            SettingChecks.require(count > 0, "writer-threads must be positive: " + count);
            this.writerThreads = count;
            return this;
        }

        /**
         * See {@link SenderSettings#shutdownTimeout()}.
         *
         * @param timeout the longest a graceful shutdown waits
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder shutdownTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "shutdown-timeout");
            SettingChecks.require(!timeout.isNegative(), "shutdown-timeout must not be negative: " + timeout);
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * See {@link SenderSettings#tlsKeystore()}; {@code null} for plain HTTP.
         *
         * @param keystore the PKCS#12 keystore file, or {@code null}
         * @return this builder
         */
        public Builder tlsKeystore(@Nullable Path keystore) {
            this.tlsKeystore = keystore;
            return this;
        }

        /**
         * See {@link SenderSettings#tlsKeystorePassword()}; {@code null} for none.
         *
         * @param password the keystore's password, or {@code null}
         * @return this builder
         */
        public Builder tlsKeystorePassword(@Nullable String password) {
            this.tlsKeystorePassword = password;
            return this;
        }

        /**
         * See {@link SenderSettings#auth()}.
         *
         * @param auth the authentication mode
         * @return this builder
         */
        public Builder auth(AuthMode auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * See {@link SenderSettings#jwtHs256SecretFile()}; null for none.
         *
         * @param file the file of the HS256 secret, or {@code null}
         * @return this builder
         */
        public Builder jwtHs256SecretFile(@Nullable Path file) {
            this.jwtHs256SecretFile = file;
            return this;
        }

        /**
         * See {@link SenderSettings#jwtPublicKeyFile()}; null for none.
         *
         * @param file the PEM file of the public key, or {@code null}
         * @return this builder
         */
        public Builder jwtPublicKeyFile(@Nullable Path file) {
            this.jwtPublicKeyFile = file;
            return this;
        }

        /**
         * See {@link SenderSettings#jwtJwksFile()}; null for none.
         *
         * @param file the JWK Set file, or {@code null}
         * @return this builder
         */
        public Builder jwtJwksFile(@Nullable Path file) {
            this.jwtJwksFile = file;
            return this;
        }

        /**
         * See {@link SenderSettings#jwtIssuer()}; null for none.
         *
         * @param issuer the {@code iss} required, or {@code null}
         * @return this builder
         */
        public Builder jwtIssuer(@Nullable String issuer) {
            this.jwtIssuer = issuer;
            return this;
        }

        /**
         * See {@link SenderSettings#jwtAudience()}; null for none.
         *
         * @param audience the {@code aud} required, or {@code null}
         * @return this builder
         */
        public Builder jwtAudience(@Nullable String audience) {
            this.jwtAudience = audience;
            return this;
        }

        /**
         * See {@link SenderSettings#jwtClockSkew()}; whole seconds.
         *
         * @param skew the largest disagreement tolerated
         * @return this builder
         * @throws IllegalArgumentException when it is negative or not whole seconds
         */
        public Builder jwtClockSkew(Duration skew) {
            Objects.requireNonNull(skew, "jwt-clock-skew");
            SettingChecks.require(!skew.isNegative() && skew.toSeconds() <= Integer.MAX_VALUE && skew.getNano() == 0,
                    "jwt-clock-skew must be whole seconds, not negative: " + skew);
            this.jwtClockSkew = skew;
            return this;
        }

        /** {@return the settings} */
        public SenderSettings build() {
            return new SenderSettings(this);
        }
    }
}
