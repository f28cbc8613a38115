package dev.sender.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.client.Health;
import dev.sender.client.PluginStatus;
import dev.sender.client.SenderClient;
import dev.sender.client.SenderException;
import dev.sender.client.ServerVersion;
import dev.sender.client.Subscription;
import dev.sender.client.SubscriptionListener;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import dev.sender.core.StartAt;
import dev.sender.core.event.Event;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.PublicationJson;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SenderClient}: owns its thread pools, its HTTP client and its Tyrus container, and the subscriptions
 * it opened until they close.
 */
public final class RealSenderClient implements SenderClient {

    private static final Logger LOG = LoggerFactory.getLogger(RealSenderClient.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** How long {@link #close()} waits for the last callbacks. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    static {
        JulBridge.install();
    }

    private final ClientSettings settings;
    /** {@code sender-client-N}: the prefix of every thread of this client. */
    private final String name;
    /** Runs listener callbacks and Flow signals, in order per subscription. */
    private final ThreadPoolExecutor callbackPool;
    /** Runs blocking reconnect attempts. */
    private final ThreadPoolExecutor connectPool;
    /** Times reconnect attempts. */
    private final ScheduledThreadPoolExecutor scheduler;
    private final Http http;
    private final WebSockets webSockets;
    /** Subscriptions not yet closed. */
    private final Set<RealSubscription<?>> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A client with {@code settings}, which its builder checked. */
    public RealSenderClient(ClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.name = "sender-client-" + INSTANCES.incrementAndGet();
        this.callbackPool = Threads.cached(name + "-callbacks", 5);
        this.connectPool = Threads.cached(name + "-connect", 5);
        this.scheduler = Threads.scheduler(name + "-scheduler");
        this.http = new Http(settings, Threads.cached(name + "-http", 5));
        this.webSockets = new WebSockets(settings);
    }

    ClientSettings settings() {
        return settings;
    }

    Http http() {
        return http;
    }

    WebSockets webSockets() {
        return webSockets;
    }

    ThreadPoolExecutor callbackPool() {
        return callbackPool;
    }

    ThreadPoolExecutor connectPool() {
        return connectPool;
    }

    ScheduledThreadPoolExecutor scheduler() {
        return scheduler;
    }

    /** A subscription closed for good. */
    void forget(RealSubscription<?> subscription) {
        subscriptions.remove(subscription);
    }

    @Override
    public Builder toBuilder() {
        Builder builder = SenderClient.builder()
                .origin(settings.origin())
                .apiVersion(settings.apiVersion())
                .requestTimeout(settings.requestTimeout())
                .connectTimeout(settings.connectTimeout())
                .reconnect(settings.reconnect())
                .connectionListener(settings.connectionListener())
                .messageBuffer(settings.messageBuffer())
                .resume(settings.resume());
        UUID account = settings.accountId();
        if (account != null) {
            builder.accountId(account);
        }
        if (settings.token() != null) {
            builder.token(settings.token());
        }
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        return builder;
    }

    // ---- Subscribing -----------------------------------------------------------------------------------------

    @Override
    public Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter) {
        return handler(query(filter), null, null, true);
    }

    @Override
    public Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter,
            SubscriptionListener<? super HandlerEventMessage> listener) {
        return handler(query(filter), null, Objects.requireNonNull(listener, "listener"), true);
    }

    @Override
    public Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter, StartAt start) {
        return handler(query(filter), Objects.requireNonNull(start, "start"), null, true);
    }

    @Override
    public Subscription<HandlerEventMessage> subscribe(HandlerEventFilter filter, StartAt start,
            SubscriptionListener<? super HandlerEventMessage> listener) {
        return handler(query(filter), Objects.requireNonNull(start, "start"),
                Objects.requireNonNull(listener, "listener"), true);
    }

    @Override
    public Subscription<HandlerEventMessage> subscribe(Map<String, ?> rawParameters) {
        return handler(rawQuery(rawParameters), QueryParameters.start(rawParameters), null, false);
    }

    @Override
    public Subscription<HandlerEventMessage> subscribe(Map<String, ?> rawParameters,
            SubscriptionListener<? super HandlerEventMessage> listener) {
        return handler(rawQuery(rawParameters), QueryParameters.start(rawParameters),
                Objects.requireNonNull(listener, "listener"), false);
    }

    @Override
    public Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter) {
        return general(query(filter), null, null);
    }

    @Override
    public Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter,
            SubscriptionListener<? super GeneralEventMessage> listener) {
        return general(query(filter), null, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter, StartAt start) {
        return general(query(filter), Objects.requireNonNull(start, "start"), null);
    }

    @Override
    public Subscription<GeneralEventMessage> subscribeGeneral(GeneralEventFilter filter, StartAt start,
            SubscriptionListener<? super GeneralEventMessage> listener) {
        return general(query(filter), Objects.requireNonNull(start, "start"),
                Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Subscription<GeneralEventMessage> subscribeGeneral(Map<String, ?> rawParameters) {
        return general(rawQuery(rawParameters), QueryParameters.start(rawParameters), null);
    }

    @Override
    public Subscription<GeneralEventMessage> subscribeGeneral(Map<String, ?> rawParameters,
            SubscriptionListener<? super GeneralEventMessage> listener) {
        return general(rawQuery(rawParameters), QueryParameters.start(rawParameters),
                Objects.requireNonNull(listener, "listener"));
    }

    private static String query(HandlerEventFilter filter) {
        return Objects.requireNonNull(filter, "filter").toQueryString();
    }

    private static String query(GeneralEventFilter filter) {
        return Objects.requireNonNull(filter, "filter").toQueryString();
    }

    /** The raw parameters as a query, without the history parameters, which each connection sets itself. */
    private static String rawQuery(Map<String, ?> rawParameters) {
        return QueryParameters.encode(QueryParameters.withoutHistory(
                Objects.requireNonNull(rawParameters, "rawParameters")));
    }

    private Subscription<HandlerEventMessage> handler(String query, @Nullable StartAt start,
            @Nullable SubscriptionListener<? super HandlerEventMessage> listener, boolean accountRequired) {
        ensureOpen();
        Map<String, String> headers = new LinkedHashMap<>();
        UUID account = settings.accountId();
        if (account != null) {
            headers.put(LunaHeaders.ACCOUNT_ID, account.toString());
        } else if (accountRequired) {
            requireAccount("subscribe to handler events");
        }
        return open("/" + settings.apiVersion() + "/ws", query, start, headers, HandlerEventMessage::parse, listener);
    }

    private Subscription<GeneralEventMessage> general(String query, @Nullable StartAt start,
            @Nullable SubscriptionListener<? super GeneralEventMessage> listener) {
        ensureOpen();
        return open("/" + settings.apiVersion() + "/general_events/ws", query, start, Map.of(),
                GeneralEventMessage::parse, listener);
    }

    private <M extends EventMessage> Subscription<M> open(String path, String query, @Nullable StartAt start,
            Map<String, String> headers, Function<String, M> parser, @Nullable SubscriptionListener<? super M> listener) {
        URI uri = settings.webSocket(path, query);
        RealSubscription<M> subscription = new RealSubscription<>(this, Resumption.of(uri, start, settings.resume()),
                uri, headers, parser, listener);
        subscriptions.add(subscription);
        if (closed.get()) {
            subscription.closeBy("the client was closed", "client closed");
            throw closedClient();
        }
        subscription.open();
        return subscription;
    }

    // ---- Publishing and service calls ------------------------------------------------------------------------

    @Override
    public String publish(String handlerId, String eventCreateTime, String eventEndTime, List<Event> events) {
        UUID account = requireAccount("publish handler events");
        return publish(new HandlerPublication(account, handlerId, eventCreateTime, eventEndTime, RequestId.generate(),
                events));
    }

    @Override
    public String publish(HandlerPublication publication) {
        Objects.requireNonNull(publication, "publication");
        ensureOpen();
        return http.postJson("/" + settings.apiVersion() + "/publish", PublicationJson.writeHandlerRequest(publication),
                Map.of(LunaHeaders.ACCOUNT_ID, publication.accountId().toString()), publication.requestId());
    }

    @Override
    public String publishGeneral(String eventType, Event event) {
        return publishGeneral(new GeneralPublication(event, eventType, null, null, null, RequestId.generate()));
    }

    @Override
    public String publishGeneral(GeneralPublication publication) {
        Objects.requireNonNull(publication, "publication");
        ensureOpen();
        return http.postJson("/" + settings.apiVersion() + "/general_events/publish",
                PublicationJson.writeGeneralRequest(publication), Map.of(), publication.requestId());
    }

    @Override
    public ServerVersion version() {
        ensureOpen();
        JsonNode version = http.getJson("/version").path("Version");
        if (!version.path("api").isInt() || !version.path("major").isInt() || !version.path("minor").isInt()
                || !version.path("patch").isInt()) {
            throw new SenderException(200, 0, "", "GET /version answered an unexpected body: " + version, null);
        }
        return new ServerVersion(version.get("api").intValue(), version.get("major").intValue(),
                version.get("minor").intValue(), version.get("patch").intValue());
    }

    @Override
    public Health health() {
        ensureOpen();
        JsonNode time = http.getJson("/healthcheck").path("execution_time");
        if (!time.isNumber()) {
            throw new SenderException(200, 0, "", "GET /healthcheck answered no execution_time", null);
        }
        return new Health(Duration.ofNanos(Math.round(time.doubleValue() * 1e9)));
    }

    @Override
    public List<PluginStatus> plugins() {
        ensureOpen();
        JsonNode plugins = http.getJson("/plugins").path("plugins");
        if (!plugins.isArray()) {
            throw new SenderException(200, 0, "", "GET /plugins answered no plugins array", null);
        }
        List<PluginStatus> out = new ArrayList<>();
        for (JsonNode plugin : plugins) {
            JsonNode running = plugin.path("running");
            out.add(new PluginStatus(plugin.path("name").asText(""),
                    running.isBoolean() ? running.booleanValue() : running.asInt() != 0));
        }
        return List.copyOf(out);
    }

    // ---- Life cycle ------------------------------------------------------------------------------------------

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (RealSubscription<?> subscription : List.copyOf(subscriptions)) {
            subscription.closeBy("the client was closed", "client closed");
        }
        scheduler.shutdownNow();
        connectPool.shutdownNow();
        boolean onCallbackThread = Thread.currentThread().getName().startsWith(name + "-callbacks-");
        Threads.shutdown(callbackPool, CLOSE_WAIT_MILLIS, !onCallbackThread);
        http.close();
        webSockets.shutdown();
        LOG.debug("{} closed", name);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw closedClient();
        }
    }

    private static IllegalStateException closedClient() {
        return new IllegalStateException("the SenderClient is closed");
    }

    private UUID requireAccount(String what) {
        ensureOpen();
        UUID account = settings.accountId();
        if (account == null) {
            throw new IllegalStateException("cannot " + what + " without an account: set one with "
                    + "SenderClient.builder().accountId(UUID)");
        }
        return account;
    }

    @Override
    public String toString() {
        return "SenderClient[" + settings.httpBase() + ", api " + settings.apiVersion()
                + (settings.accountId() == null ? "" : ", account " + settings.accountId()) + "]";
    }
}
