package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sender.core.Broker;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import dev.sender.core.event.Event;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.SenderSettings;
import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishing and the service calls over HTTP, and how every error answer the client can meet is reported. */
class PublishTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static TestServer server;
    private static SenderClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(SenderSettings.builder().maxBodyBytes(4096).build());
        client = server.client(ACCOUNT).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void publish_returnsTheRequestIdThatItsMessagesCarry() {
        try (Subscription<HandlerEventMessage> all = client.subscribe(HandlerEventFilter.empty())) {
            String requestId = client.publish("handler-1", Events.CREATED, Events.ENDED,
                    List.of(Events.numbered(1), Events.numbered(2)));

            assertThat(RequestId.isValid(requestId)).isTrue();
            HandlerEventMessage first = all.next();
            assertThat(first.requestId()).isEqualTo(requestId);
            assertThat(first.handlerId()).isEqualTo("handler-1");
            assertThat(all.next().event().eventId()).hasValue("e2");
        }
    }

    @Test
    void publishAPublication_sendsItsOwnAccountAndRequestId() {
        UUID other = UUID.randomUUID();
        String requestId = RequestId.generate();
        try (SenderClient noAccount = SenderClient.builder().origin(server.origin()).build();
             SenderClient otherAccount = server.client(other).build();
             Subscription<HandlerEventMessage> mine = client.subscribe(HandlerEventFilter.empty());
             Subscription<HandlerEventMessage> theirs = otherAccount.subscribe(HandlerEventFilter.empty())) {
            String answered = noAccount.publish(new HandlerPublication(other, "h", Events.CREATED, Events.ENDED,
                    requestId, List.of(Events.numbered(7))));

            assertThat(answered).isEqualTo(requestId);
            assertThat(theirs.next().requestId()).isEqualTo(requestId);
            assertThat(mine.next(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void publishGeneral_bothForms() {
        try (Subscription<GeneralEventMessage> all = client.subscribeGeneral(GeneralEventFilter.builder()
                .eventTypes("publish-test").build())) {
            String first = client.publishGeneral("publish-test", Events.numbered(1));
            String given = RequestId.generate();
            String second = client.publishGeneral(new GeneralPublication(Events.numbered(2), "publish-test",
                    ACCOUNT.toString(), Events.CREATED, Events.ENDED, given));

            assertThat(RequestId.isValid(first)).isTrue();
            assertThat(second).isEqualTo(given);
            GeneralEventMessage one = all.next();
            assertThat(one.accountId()).isNull();
            assertThat(one.eventCreateTime()).isNull();
            GeneralEventMessage two = all.next();
            assertThat(two.accountId()).isEqualTo(ACCOUNT.toString());
            assertThat(two.eventEndTime()).isEqualTo(Events.ENDED);
        }
    }

    @Test
    void serviceCalls_version_health_plugins() {
        ServerVersion version = client.version();
        assertThat(version.api()).isEqualTo(2);
        assertThat(version.major()).isNotNegative();
        assertThat(client.health().executionTime()).isPositive().isLessThan(Duration.ofSeconds(5));
        assertThat(client.plugins()).isEmpty();
    }

    @Test
    void malformedRequestId_is400_29010() {
        SenderException e = catchThrowableOfType(SenderException.class, () -> client.publish(new HandlerPublication(
                ACCOUNT, "h", Events.CREATED, Events.ENDED, "123,abc", List.of(Events.numbered(1)))));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_HEADER.code());
        assertThat(e.is(ErrorCode.BAD_HEADER)).isTrue();
        assertThat(e.desc()).isEqualTo("Bad header");
        assertThat(e.detail()).contains(LunaHeaders.REQUEST_ID).contains("123,abc");
        assertThat(RequestId.isValid(e.requestId())).as("the id the server generated").isTrue();
        assertThat(e.getMessage()).startsWith("HTTP 400, error 29010 (Bad header): ").contains("[request ");
    }

    @Test
    void generalAccountThatIsNotAUuid_is400_11027_namingThePath() {
        SenderException e = catchThrowableOfType(SenderException.class, () -> client.publishGeneral(
                new GeneralPublication(Events.numbered(1), "t", "not-a-uuid", null, null, RequestId.generate())));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_INPUT_DATA.code());
        assertThat(e.detail()).isEqualTo("Failed to validate input json. Path: 'account_id',  message: 'must be a UUID'");
    }

    @Test
    void unsupportedApiVersion_is404_12013() {
        try (SenderClient v1 = server.client(ACCOUNT).apiVersion(1).build()) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> v1.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(1))));

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
            assertThat(e.detail()).contains("'1'");
        }
    }

    @Test
    void bodyOverTheServersLimit_is413_29011() {
        Event big = Event.parse("{\"pad\":\"" + "x".repeat(5000) + "\"}");

        SenderException e = catchThrowableOfType(SenderException.class,
                () -> client.publish("h", Events.CREATED, Events.ENDED, List.of(big)));

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE.code());
    }

    @Test
    void brokerThatRefusesPublications_is500_29004() {
        try (Broker broker = FailingBroker.refusingPublications();
             TestServer failing = TestServer.start(broker);
             SenderClient failingClient = failing.client(ACCOUNT).build()) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> failingClient.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(1))));
            SenderException general = catchThrowableOfType(SenderException.class,
                    () -> failingClient.publishGeneral("t", Events.numbered(1)));

            assertThat(e.status()).isEqualTo(500);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.PUBLISH_FAILED.code());
            assertThat(e.detail()).contains("redis is down");
            assertThat(general.errorCode()).isEqualTo(ErrorCode.PUBLISH_FAILED.code());
        }
    }

    @Test
    void healthWithABrokerThatDoesNotWork_throws502() {
        Broker broker = Broker.inMemory();
        try (TestServer unhealthy = TestServer.start(broker);
             SenderClient unhealthyClient = unhealthy.client(ACCOUNT).build()) {
            broker.close();

            SenderException e = catchThrowableOfType(SenderException.class, unhealthyClient::health);

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.BROKER_UNAVAILABLE.code());
            assertThat(e.detail()).contains("in-memory");
            assertThat(e.requestId()).isNotNull();
        }
    }

    @Test
    void serverThatCannotBeReached_isAFailureWithoutStatus_keepingItsCause() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (SenderClient nowhere = SenderClient.builder().origin(URI.create("http://localhost:" + port))
                .accountId(ACCOUNT).build()) {
            SenderException e = catchThrowableOfType(SenderException.class, nowhere::version);

            assertThat(e.status()).isZero();
            assertThat(e.errorCode()).isZero();
            assertThat(e.desc()).isEmpty();
            assertThat(e.detail()).contains("GET http://localhost:" + port + "/version").contains("cannot connect");
            assertThat(e.getCause()).isInstanceOf(ConnectException.class);
            assertThat(RequestId.isValid(e.requestId())).as("the id the client sent").isTrue();
        }
    }

    @Test
    void errorAnswerWithoutALunaBody_keepsItsStatusAndTheStartOfTheBody() throws Exception {
        // A proxy in front of the server, say, that answers with its own page.
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] page = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(502, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        proxy.start();
        try (SenderClient behindProxy = SenderClient.builder()
                .origin(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort())).accountId(ACCOUNT).build()) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> behindProxy.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(1))));

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.errorCode()).isZero();
            assertThat(e.desc()).isEmpty();
            assertThat(e.detail()).isEqualTo("<html><body>502 Bad Gateway</body></html>");
            assertThat(RequestId.isValid(e.requestId())).as("the id the client sent").isTrue();
            assertThat(e).hasMessageStartingWith("HTTP 502: <html>");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void closingTheClientDuringACall_letsTheCallFinish() throws Exception {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        CountDownLatch arrived = new CountDownLatch(1);
        try (Broker broker = new HoldingBroker(Broker.inMemory(), arrived, accepted);
             TestServer holding = TestServer.start(broker)) {
            SenderClient closing = holding.client(ACCOUNT).build();
            CompletableFuture<String> call = CompletableFuture.supplyAsync(
                    () -> closing.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(1))));
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

            closing.close();
            accepted.complete(null);

            assertThat(call.get(10, TimeUnit.SECONDS)).satisfies(id -> assertThat(RequestId.isValid(id)).isTrue());
            assertThatThrownBy(() -> closing.publishGeneral("t", Events.numbered(2)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void handlerPublishing_withoutAnAccount_failsFast() {
        try (SenderClient noAccount = SenderClient.builder().origin(server.origin()).build()) {
            assertThatThrownBy(() -> noAccount.publish("h", Events.CREATED, Events.ENDED, List.of(Events.numbered(1))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("accountId(UUID)");
        }
        assertThatThrownBy(() -> client.publish("h", Events.CREATED, Events.ENDED, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
    }

    /** A broker that holds every publication until {@code accepted} completes. */
    private record HoldingBroker(Broker delegate, CountDownLatch arrived, CompletableFuture<Void> accepted)
            implements ForwardingBroker {
        @Override
        public CompletionStage<Void> publish(Publication publication) {
            arrived.countDown();
            return accepted.thenCompose(ignored -> delegate.publish(publication));
        }

        @Override
        public String name() {
            return "holding";
        }
    }
}
