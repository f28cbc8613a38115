package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.sender.core.Broker;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import dev.sender.core.event.GeneralEventMessage;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.SenderSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A refused WebSocket handshake surfaces as the server's error, with its status, code, detail and request id. */
class HandshakeTest {

    private static TestServer server;
    private static SenderClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(SenderSettings.builder().maxSubscribersPerAccount(1).build());
        client = server.client(UUID.randomUUID()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void badFilter_is400_12012_namingTheParameter() {
        SenderException e = catchThrowableOfType(SenderException.class,
                () -> client.subscribe(Map.of("age__gte", "abc")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS.code());
        assertThat(e.is(ErrorCode.BAD_QUERY_PARAMETERS)).isTrue();
        assertThat(e.desc()).isEqualTo("Bad query parameters");
        assertThat(e.detail()).isEqualTo("Parameter 'age__gte': expected an integer, got 'abc'");
        assertThat(RequestId.isValid(e.requestId())).isTrue();
        assertThat(e).isNotInstanceOf(SubscriptionClosedException.class);
    }

    @Test
    void badGeneralFilter_is400_12012() {
        SenderException e = catchThrowableOfType(SenderException.class,
                () -> client.subscribeGeneral(Map.of("event.x__gt:string", "a")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS.code());
        assertThat(e.detail()).contains("event.x__gt:string");
    }

    @Test
    void listenerOfARefusedSubscription_isToldTooAndNeverRetried() {
        Recorder<HandlerEventMessage> recorder = new Recorder<>();

        assertThatThrownBy(() -> client.subscribe(Map.of("unknown", 1), recorder))
                .isInstanceOf(SenderException.class).hasMessageContaining("12012").hasMessageContaining("'unknown'");

        await().atMost(Recorder.TIMEOUT).until(() -> recorder.lines.contains("state CONNECTING->CLOSED"));
        assertThat(recorder.lines).containsExactly("error SubscriptionClosedException", "state CONNECTING->CLOSED");
        assertThat(((SenderException) recorder.errors.get(0)).errorCode())
                .isEqualTo(ErrorCode.BAD_QUERY_PARAMETERS.code());
    }

    @Test
    void noAccount_withRawParameters_is403_29001() {
        try (SenderClient noAccount = SenderClient.builder().origin(server.origin()).build()) {
            SenderException e = catchThrowableOfType(SenderException.class, () -> noAccount.subscribe(Map.of()));

            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.FORBIDDEN.code());
            assertThat(e.detail()).contains(LunaHeaders.ACCOUNT_ID);
        }
    }

    @Test
    void noAccount_withATypedFilter_failsFastWithoutAsking() {
        try (SenderClient noAccount = SenderClient.builder().origin(server.origin()).build()) {
            assertThatThrownBy(() -> noAccount.subscribe(HandlerEventFilter.empty()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("accountId(UUID)");
            try (Subscription<GeneralEventMessage> general = noAccount.subscribeGeneral(Map.of())) {
                assertThat(general.state()).isEqualTo(Subscription.State.OPEN);
            }
        }
    }

    @Test
    void unsupportedApiVersion_is404_12013() {
        try (SenderClient v3 = server.client(UUID.randomUUID()).apiVersion(3).build()) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> v3.subscribe(HandlerEventFilter.empty()));

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
            assertThat(e.detail()).contains("'3'");
        }
    }

    @Test
    void connectionLimit_is503_29012_aRefusalOnlyAnUpgradeMeets() {
        // The server allows one subscriber per account: the second is refused 503 29012, a reason the server finds
        // only once the request is a valid upgrade.
        try (SenderClient single = server.client(UUID.randomUUID()).build();
             Subscription<HandlerEventMessage> first = single.subscribe(HandlerEventFilter.empty())) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> single.subscribe(HandlerEventFilter.empty()));

            assertThat(first.state()).isEqualTo(Subscription.State.OPEN);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS.code());
            assertThat(e.is(ErrorCode.TOO_MANY_CONNECTIONS)).isTrue();
            assertThat(e.desc()).isEqualTo("Too many connections");
            assertThat(e.detail()).isNotBlank();
            assertThat(RequestId.isValid(e.requestId())).isTrue();
        }
    }

    @Test
    void brokerThatCannotSubscribe_is500_1() {
        try (Broker broker = FailingBroker.refusingSubscriptions();
             TestServer failing = TestServer.start(broker);
             SenderClient failingClient = failing.client(UUID.randomUUID()).build()) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> failingClient.subscribe(HandlerEventFilter.empty()));

            assertThat(e.status()).isEqualTo(500);
            assertThat(e.errorCode()).isEqualTo(1);
            assertThat(e.is(ErrorCode.INTERNAL)).isTrue();
            assertThat(e.desc()).isEqualTo("Internal server error");
            assertThat(e.detail()).doesNotContain("redis is down").as("details stay in the server's log");
        }
    }

    @Test
    void serverThatCannotBeReached_isAFailureWithoutStatus() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (SenderClient nowhere = SenderClient.builder().origin(URI.create("http://localhost:" + port))
                .accountId(UUID.randomUUID()).build()) {
            SenderException e = catchThrowableOfType(SenderException.class,
                    () -> nowhere.subscribe(HandlerEventFilter.empty()));

            assertThat(e.status()).isZero();
            assertThat(e.detail()).startsWith("cannot open ws://localhost:" + port + "/2/ws");
            assertThat(e.getCause()).isNotNull();
        }
    }
}
