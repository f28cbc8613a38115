package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The account of a handler-event subscription in the query parameter {@code luna_account_id} (SPEC §1), as a
 * browser, which cannot set headers on a WebSocket handshake, gives it: over real sockets.
 */
class AccountQueryParameterTest {

    private static ServerFixture server;
    private final UUID account = UUID.randomUUID();

    @BeforeAll
    static void start() {
        server = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertError(RawHttp.Answer answer, ErrorCode code, String... detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(code.httpStatus());
        JsonNode body = ServerFixture.json(answer.body());
        assertThat(body.get("error_code").asInt()).isEqualTo(code.code());
        assertThat(body.get("detail").asText()).contains(detail);
    }

    @Test
    void accountInTheQuery_subscribes_andIsNoFilter() {
        TestSubscriber subscriber = server.track(TestSubscriber.connect(
                server.ws("/2/ws?gender=1&luna_account_id=" + account), Map.of()));

        server.publish(UUID.randomUUID(), "{\"n\":0,\"face_attributes\":{\"basic_attributes\":{\"gender\":1}}}");
        server.publish(account, "{\"n\":1,\"face_attributes\":{\"basic_attributes\":{\"gender\":0}}}",
                "{\"n\":2,\"face_attributes\":{\"basic_attributes\":{\"gender\":1}}}");

        assertThat(subscriber.awaitJson().get("event").get("n").asInt()).isEqualTo(2);
    }

    @Test
    void sameAccount_inHeaderAndQuery_inAnyCase_isAccepted() {
        TestSubscriber subscriber = server.track(TestSubscriber.connect(server.ws("/2/ws?luna_account_id="
                + account.toString().toUpperCase(Locale.ROOT)), Map.of(LunaHeaders.ACCOUNT_ID, account.toString())));

        server.publish(account, "{\"n\":1}");

        assertThat(subscriber.awaitJson().get("event").get("n").asInt()).isEqualTo(1);
    }

    @Test
    void accountsThatDiffer_inHeaderAndQuery_are400_namingBoth() throws IOException {
        UUID other = UUID.randomUUID();
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?luna_account_id=" + other,
                Map.of(LunaHeaders.ACCOUNT_ID, account.toString()));

        assertError(answer, ErrorCode.BAD_HEADER, "'Luna-Account-Id'", "'luna_account_id'", account.toString(),
                other.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "8b8b5937-2e9c-4e8b-a7a7-5caf8662"})
    void malformedAccountInTheQuery_is400_namingTheParameter(String value) throws IOException {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?luna_account_id=" + value, Map.of());

        assertError(answer, ErrorCode.BAD_HEADER, "query parameter 'luna_account_id' must be a UUID");
    }

    @Test
    void accountGivenTwiceInTheQuery_differently_is400() throws IOException {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?luna_account_id=" + account
                + "&luna_account_id=" + UUID.randomUUID(), Map.of());

        assertError(answer, ErrorCode.BAD_HEADER, "'luna_account_id' is given more than once");
    }

    @Test
    void encodedParameterName_isTheSameParameter() {
        TestSubscriber subscriber = server.track(TestSubscriber.connect(
                server.ws("/2/ws?luna%5Faccount%5Fid=" + account + "&sources=cam1"), Map.of()));

        server.publish(account, "{\"source\":\"cam2\"}", "{\"source\":\"cam1\"}");

        assertThat(subscriber.awaitJson().get("event").get("source").asText()).isEqualTo("cam1");
    }

    @Test
    void noAccountAtAll_is403_namingHeaderAndParameter() throws IOException {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?gender=1", Map.of());

        assertError(answer, ErrorCode.FORBIDDEN, "'Luna-Account-Id'", "'luna_account_id'");
    }

    @Test
    void accountParameter_comesBeforeTheFilters() throws IOException {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?colour=red&luna_account_id=abc", Map.of());

        assertError(answer, ErrorCode.BAD_HEADER, "luna_account_id");
    }

    @Test
    void onGeneralEvents_theParameterIsAnUnknownFilter() throws IOException {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/general_events/ws?luna_account_id=" + account,
                Map.of());

        assertError(answer, ErrorCode.BAD_QUERY_PARAMETERS, "luna_account_id");
    }
}
