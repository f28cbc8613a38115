package dev.sender.client;

import dev.sender.client.internal.ClientSettings;
import dev.sender.client.internal.RealSenderClient;
import dev.sender.core.event.Event;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A client of one Sender server (or LUNA Sender): subscriptions over WebSocket, publishing and service calls over
 * HTTP. The Java counterpart of LUNA's Python {@code LunaWSClient(origin, api, accountId)}.
 *
 * <pre>{@code
 * try (SenderClient client = SenderClient.builder()
 *         .origin(URI.create("http://127.0.0.1:5080"))
 *         .accountId(UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a"))
 *         .build()) {
 *     try (Subscription<HandlerEventMessage> adults = client.subscribe(
 *             HandlerEventFilter.builder().gender(Gender.MALE).ageAtLeast(30).build())) {
 *         client.publish("handler-1", "2026-11-27T10:00:00Z", "2026-11-27T10:00:01Z", List.of(event));
 *         HandlerEventMessage message = adults.next();
 *     }
 * }
 * }</pre>
 *
 * <p><b>Subscribing.</b> Every {@code subscribe} method returns once the server has accepted the subscription,
 * so that every event published afterwards reaches it; a refused handshake throws the server's error as a
 * {@link SenderException} (400 12012 for a bad filter, 403 29001, 404 12013, 503 29012 past a connection limit),
 * and so does a server that cannot be reached. Later, a lost connection is reopened with the same filters as the {@link Builder#reconnect
 * ReconnectPolicy} allows: after a close 1001 (server shutdown), 4008 (too slow), 1006 (dropped), 1011, 1012,
 * 1013 or 1014, and after a failed attempt other than a handshake refused with a 4xx status, which closes the
 * subscription for good. Any other close code also closes it.
 *
 * <p><b>Resuming.</b> A subscription asks for {@code history=1} and reconnects with {@code since=} the last position
 * it received, so that a server with history (SPEC §9) replays what it missed; a gap it cannot fill is reported once
 * ({@link EventsLostException}). {@link HistorySubscriptions} start elsewhere in the history; see also
 * {@link Builder#resume(boolean)}.
 *
 * <p><b>Access control and TLS.</b> With a {@link Builder#token(Supplier) token supplier}, every HTTP call and
 * every WebSocket handshake carries {@code Authorization: Bearer <token>}, the supplier being asked anew each time.
 * A server that refuses the token ({@code 401 29020}) or what it grants ({@code 403 29021}) throws that error as a
 * {@link SenderException}, and a subscription refused so when reconnecting closes for good. When the server closes a
 * subscription because its token expired (close 4001), the client reconnects at once, with a fresh token from the
 * supplier. An {@code https} origin makes subscriptions use {@code wss}; {@link Builder#sslContext(SSLContext)} sets
 * the certificates to trust, for instance a private certificate authority's.
 *
 * <p><b>Threads.</b> The client is thread-safe. It has a Tyrus container of its own, and each WebSocket connection
 * runs on a transport of its own (a selector and two workers, daemon threads named {@code Grizzly(n)}) that stops
 * when the connection closes; HTTP calls run on a {@link java.net.http.HttpClient} with an executor the client owns. Listener callbacks and
 * {@link java.util.concurrent.Flow} signals run on the client's own daemon threads, in order per subscription,
 * never on a Tyrus I/O thread. {@link #close()} closes every subscription and stops every thread the client owns.
 */
public interface SenderClient extends HistorySubscriptions, AutoCloseable {

    /** Default {@link Builder#apiVersion(int)}: 2, the current LUNA Sender API. */
    int DEFAULT_API_VERSION = 2;
    /** Default {@link Builder#requestTimeout(Duration)}: 10 s. */
    Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@link Builder#connectTimeout(Duration)}: 10 s. */
    Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@link Builder#messageBuffer(int)}: 10 000 messages per subscription. */
    int DEFAULT_MESSAGE_BUFFER = 10_000;
    /** Default {@link Builder#resume(boolean)}: subscriptions resume after a reconnect. */
    boolean DEFAULT_RESUME = true;

    /** {@return a builder with the defaults; {@link Builder#origin(URI)} is required} */
    static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this client's settings; what it builds is a separate client} */
    Builder toBuilder();

    /**
     * Subscribes to the handler events of the client's account that pass {@code filter} ({@code GET /{api}/ws}).
     *
     * @param filter the handler-event parameters, sent as the query string
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client has no {@link Builder#accountId(UUID) account}, or is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter);

    /**
     * Subscribes to the handler events of the client's account that pass {@code filter}, delivered to
     * {@code listener}.
     *
     * @param filter the handler-event parameters, sent as the query string
     * @param listener receives the messages and the changes of the connection, on the client's threads
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client has no {@link Builder#accountId(UUID) account}, or is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter,
            SubscriptionListener<? super HandlerEventMessage> listener);

    /**
     * Subscribes to handler events with raw LUNA query parameters, as LUNA's Python client does with
     * {@code connect(**filters)}: {@code subscribe(Map.of("gender", 1, "age__gte", 30))}. Values may be strings,
     * numbers, booleans ({@code true}/{@code false}), LUNA attribute constants such as {@code Gender.MALE}, or
     * iterables and arrays of those, which are joined with commas; anything else is sent as its
     * {@code toString()}. Nothing is checked here: the server validates the parameters, and a refusal throws its
     * error ({@code 400 12012} naming the parameter). Without a {@link Builder#accountId(UUID) account} the
     * request goes out without one too, and the server refuses it with {@code 403 29001}. But the client reads
     * {@code since}, {@code rewind} and {@code history} as a {@link dev.sender.core.StartAt} (see
     * {@link HistorySubscriptions}), since it changes them on each reconnect.
     *
     * @param rawParameters query parameter names to values
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalArgumentException when {@code since} is not a position, {@code rewind} a positive integer,
     *     {@code history} 1, or {@code since} comes with {@code rewind}
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<HandlerEventMessage> subscribe(Map<String, ?> rawParameters);

    /**
     * As {@link #subscribe(Map)}, delivered to {@code listener}.
     *
     * @param rawParameters query parameter names to values
     * @param listener receives the messages and the changes of the connection, on the client's threads
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<HandlerEventMessage> subscribe(Map<String, ?> rawParameters,
            SubscriptionListener<? super HandlerEventMessage> listener);

    /**
     * Subscribes to the general events that pass {@code filter} ({@code GET /{api}/general_events/ws}); no
     * account is needed.
     *
     * @param filter the general-event parameters, sent as the query string
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter);

    /**
     * Subscribes to the general events that pass {@code filter}, delivered to {@code listener}.
     *
     * @param filter the general-event parameters, sent as the query string
     * @param listener receives the messages and the changes of the connection, on the client's threads
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter,
            SubscriptionListener<? super GeneralEventMessage> listener);

    /**
     * Subscribes to general events with raw query parameters, as the Python client's
     * {@code generalConnect(eventType=...)}: {@code subscribeGeneral(Map.of("event_type", "door_opened",
     * "event.temperature__gt:numeric", 36.6))}. Values, history parameters included, as for {@link #subscribe(Map)}.
     *
     * @param rawParameters query parameter names to values
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<GeneralEventMessage> subscribeGeneral(Map<String, ?> rawParameters);

    /**
     * As {@link #subscribeGeneral(Map)}, delivered to {@code listener}.
     *
     * @param rawParameters query parameter names to values
     * @param listener receives the messages and the changes of the connection, on the client's threads
     * @return the subscription, open; closing it closes its connection
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the subscription or cannot be reached
     */
    Subscription<GeneralEventMessage> subscribeGeneral(Map<String, ?> rawParameters,
            SubscriptionListener<? super GeneralEventMessage> listener);

    /**
     * Publishes handler events for the client's account ({@code POST /{api}/publish}) with a new request id;
     * each event becomes one message to every matching subscriber of the account, in list order.
     *
     * @param handlerId {@code handler_id}
     * @param eventCreateTime {@code event_create_time}
     * @param eventEndTime {@code event_end_time}
     * @param events the events, at least one
     * @return the request id of the publication, which every message of it carries
     * @throws IllegalStateException when the client has no {@link Builder#accountId(UUID) account}, or is closed
     * @throws IllegalArgumentException when {@code events} is empty
     * @throws SenderException when the server refuses the events or cannot be reached
     */
    String publish(String handlerId, String eventCreateTime, String eventEndTime, List<Event> events);

    /**
     * Publishes handler events with the publication's own account and request id (sent as the
     * {@code Luna-Account-Id} and {@code Luna-Request-Id} headers); the client's account does not matter.
     *
     * @param publication the events, with their account, handler, times and request id
     * @return the request id of the publication
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the events (a malformed request id is {@code 400 29010})
     *     or cannot be reached
     */
    String publish(HandlerPublication publication);

    /**
     * Publishes one general event ({@code POST /{api}/general_events/publish}) with a new request id and no
     * account or times.
     *
     * @param eventType the {@code event_type} subscribers filter on
     * @param event the event
     * @return the request id of the publication
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the event or cannot be reached
     */
    String publishGeneral(String eventType, Event event);

    /**
     * Publishes one general event with the publication's account, times and request id.
     *
     * @param publication the event, with its type, account, times and request id
     * @return the request id of the publication
     * @throws IllegalStateException when the client is closed
     * @throws SenderException when the server refuses the event or cannot be reached
     */
    String publishGeneral(GeneralPublication publication);

    /**
     * {@return the server's API version and its own version, from {@code GET /version}}
     *
     * @throws SenderException when the server answers an error or cannot be reached
     */
    ServerVersion version();

    /**
     * {@return how long the server took to check itself and its broker, with {@code GET /healthcheck}}
     *
     * @throws SenderException when the broker does not work ({@code 502 29013}) or the server cannot be reached
     */
    Health health();

    /**
     * {@return the server's plugins, each with its name and whether it runs, from {@code GET /plugins}}
     *
     * @throws SenderException when the server answers an error or cannot be reached
     */
    List<PluginStatus> plugins();

    /**
     * Closes every subscription (WebSocket close 1000), waits briefly for their last callbacks, and stops the
     * client's threads; idempotent. Later calls throw {@link IllegalStateException}.
     */
    @Override
    void close();

    /**
     * Builds a {@link SenderClient}. Setters fail at once, naming the setting, on a value that makes no sense.
     */
    final class Builder {

        private @Nullable URI origin;
        private int apiVersion = DEFAULT_API_VERSION;
        private @Nullable UUID accountId;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private ReconnectPolicy reconnect = ReconnectPolicy.ofDefaults();
        private ConnectionListener connectionListener = new ConnectionListener() { };
        private int messageBuffer = DEFAULT_MESSAGE_BUFFER;
        private @Nullable Supplier<String> token;
        private @Nullable SSLContext sslContext;
        private boolean resume = DEFAULT_RESUME;

        private Builder() {
        }

        /**
         * The server's base URI: {@code http://host:port} or {@code https://...}, possibly with the path under which
         * the server is mounted ({@code http://host:8080/sender}). Required. WebSocket URIs are derived from it
         * ({@code ws://} or {@code wss://}).
         *
         * @param origin the server's base URI
         * @return this builder
         */
        public Builder origin(URI origin) {
            this.origin = ClientSettings.checkOrigin(origin);
            return this;
        }

        /**
         * The API version in resource paths ({@code /2/ws}); positive. Default 2.
         *
         * @param apiVersion the version, such as 2
         * @return this builder
         */
        public Builder apiVersion(int apiVersion) {
            this.apiVersion = ClientSettings.atLeast(1, apiVersion, "apiVersion must be positive");
            return this;
        }

        /**
         * The account ({@code Luna-Account-Id}) whose handler events the client subscribes to and publishes; needed
         * by {@link SenderClient#subscribe(HandlerEventFilter)} and
         * {@link SenderClient#publish(String, String, String, List)}, not by general events.
         *
         * @param accountId the account
         * @return this builder
         */
        public Builder accountId(UUID accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * How long an HTTP call may take, from sending to the end of the answer; positive. Default 10 s.
         *
         * @param timeout the longest an HTTP call may take
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = ClientSettings.positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * How long opening a connection may take: the TCP connection of an HTTP call, or the TCP connection and
         * handshake of a WebSocket; positive, at most {@code Integer.MAX_VALUE} milliseconds. Default 10 s.
         *
         * @param timeout the longest opening a connection may take
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = ClientSettings.checkConnectTimeout(timeout);
            return this;
        }

        /**
         * When subscriptions whose connection was lost try again. Default {@link ReconnectPolicy#ofDefaults()}.
         *
         * @param policy the reconnect policy; {@link ReconnectPolicy#disabled()} never reconnects
         * @return this builder
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "reconnect");
            return this;
        }

        /**
         * Told about the connections of every subscription. Default: none.
         *
         * @param listener the listener, called on the client's threads
         * @return this builder
         */
        public Builder connectionListener(ConnectionListener listener) {
            this.connectionListener = Objects.requireNonNull(listener, "connectionListener");
            return this;
        }

        /**
         * How many received messages may wait, per subscription, for the application to take them (with
         * {@code next()}, a stream, a Flow subscriber's demand, or a listener that keeps up); past it the
         * subscription fails. At least 1. Default {@value SenderClient#DEFAULT_MESSAGE_BUFFER}.
         *
         * @param messages the most messages waiting per subscription
         * @return this builder
         */
        public Builder messageBuffer(int messages) {
            this.messageBuffer = ClientSettings.atLeast(1, messages, "messageBuffer must be at least 1");
            return this;
        }

        /**
         * Where the bearer token comes from: every HTTP call and every WebSocket handshake (the first of a
         * subscription and each reconnect) asks {@code token} anew and sends {@code Authorization: Bearer <token>},
         * so a supplier that refreshes its token before it expires keeps subscriptions alive. It is called on the
         * calling thread or on the client's reconnect threads, and should return quickly (a cached token, refreshed
         * ahead of time). A supplier that throws or gives a blank token fails the call with a {@link SenderException}
         * of status 0, which a reconnecting subscription retries as the {@link ReconnectPolicy} allows. Default: none,
         * no {@code Authorization} header.
         *
         * <pre>{@code
         * SenderClient client = SenderClient.builder().origin(origin).token(tokens::current).build();
         * }</pre>
         *
         * @param token supplies the current token
         * @return this builder
         */
        public Builder token(Supplier<String> token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * The TLS context of {@code https} calls and {@code wss} subscriptions: its trust managers decide which
         * server certificates are accepted (the host name is checked as well), its key managers which client
         * certificate, if any, is offered. Default: the JVM's default context.
         *
         * @param sslContext the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Whether subscriptions resume after a reconnect (SPEC §9): each asks for {@code history=1} and reconnects
         * with {@code since=} the position of the last message it received, so that the server replays what it
         * missed, and a gap it cannot fill is an {@link EventsLostException}; with a server that keeps no history,
         * each reconnect is reported so. {@code false} subscribes as LUNA's clients do (at most once, nothing
         * reported): choose it for LUNA's Sender, to spare the handshake it refuses. {@link HistorySubscriptions}
         * ask for history either way. Default {@value SenderClient#DEFAULT_RESUME}.
         *
         * @param resume whether subscriptions resume
         * @return this builder
         */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * The client, ready to use; it opens no connection until asked.
         *
         * @return a new client, which the caller closes
         * @throws IllegalStateException when no origin was given
         */
        public SenderClient build() {
            if (origin == null) {
                throw new IllegalStateException("origin is required: call origin(URI) before build()");
            }
            return new RealSenderClient(new ClientSettings(origin, apiVersion, accountId, requestTimeout,
                    connectTimeout, reconnect, connectionListener, messageBuffer, token, sslContext, resume));
        }
    }
}
